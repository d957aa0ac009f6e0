/**
 * Matching a person to an existing Halo user or agent: first by the directory id stored on the
 * record (okta_id / azureoid), then by each matching field the admin chose, in order, comparing the
 * value the mappings give the person with Halo's (case and surrounding spaces ignored). One record is
 * a match; two or more is a conflict, never a guess; none means the person would be created.
 */
import type { DesiredRecord, MatchResult } from '../../src-shared/mapping/outcome'
import type { HaloPersonRecord, HaloRef } from './halo-state'

type Index = Map<string, HaloRef[]>

function key(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase()
}

function indexBy(records: readonly HaloPersonRecord[], field: string): Index {
  const index: Index = new Map()
  for (const record of records) {
    const value = key(record.fields[field])
    if (value === '') continue
    const ids = index.get(value)
    if (ids) ids.push(record.id)
    else index.set(value, [record.id])
  }
  return index
}

export class RecordMatcher {
  private readonly byExternalId: Index | null
  private readonly byField: Array<{ field: string; index: Index }>

  /** `externalIdField` null: this kind has no stored directory id (Entra agents). */
  constructor(records: readonly HaloPersonRecord[], externalIdField: string | null, matchingFields: readonly string[]) {
    this.byExternalId = externalIdField ? indexBy(records, externalIdField) : null
    this.byField = matchingFields.map((field) => ({ field, index: indexBy(records, field) }))
  }

  match(personId: string, desired: DesiredRecord): MatchResult {
    const stored = this.byExternalId?.get(key(personId))
    if (stored) return found(stored, 'external id', personId)
    for (const { field, index } of this.byField) {
      const value = desired.fields.find((result) => result.target === field)?.value
      if (!value) continue
      const ids = index.get(key(value))
      if (ids) return found(ids, field, value)
    }
    return { kind: 'none' }
  }
}

function found(ids: readonly HaloRef[], by: string, value: string): MatchResult {
  const [only, ...more] = ids
  if (only !== undefined && more.length === 0) return { kind: 'matched', recordId: only, by, value }
  return { kind: 'conflict', recordIds: [...ids], by, value }
}
