/**
 * What a sync rehearsal's sandbox Halo starts with (pure): a copy of the Halo a plan was built
 * against, from the workspace's cache — the look-ups as Halo sent them (clients, sites, roles, CABs
 * with their members, licences, …) and its users and agents rebuilt from the slim records planning
 * keeps, with the same ids, so the plan's updates, deactivations and links land on the same records.
 */
import { haloLookupKinds, type HaloLookupKind } from '../../src-shared/contract'
import { customFieldPrefix } from '../../src-shared/mapping/halo-fields'
import type { HaloPersonRecord, HaloRecords } from '../core/halo-state'

export interface SandboxRecord {
  kind: string
  record: Record<string, unknown> & { id: number | string }
}

const flags = new Set(['inactive', 'isdisabled'])

export function rehearsalRecords(lookups: (kind: HaloLookupKind) => Record<string, unknown>[] | null, halo: HaloRecords): SandboxRecord[] {
  const records: SandboxRecord[] = []
  for (const kind of haloLookupKinds) {
    for (const record of lookups(kind) ?? []) {
      if (typeof record.id === 'number' || typeof record.id === 'string') records.push({ kind, record: record as SandboxRecord['record'] })
    }
  }
  for (const person of halo.users) records.push({ kind: 'users', record: personRecord(person) })
  for (const person of halo.agents) records.push({ kind: 'agents', record: personRecord(person) })
  return records
}

/** A Halo user or agent as Halo would hold it, from what planning kept of it. */
export function personRecord(person: HaloPersonRecord): SandboxRecord['record'] {
  const record: SandboxRecord['record'] = { id: person.id }
  const customfields: Array<{ name: string; value: string }> = []
  for (const [key, value] of Object.entries(person.fields)) {
    if (value === null || value === undefined) continue
    if (key.startsWith(customFieldPrefix)) customfields.push({ name: key.slice(customFieldPrefix.length), value })
    else record[key] = typed(key, value)
  }
  if (customfields.length > 0) record.customfields = customfields
  if (person.roleIds) record.roles = person.roleIds.map((id) => ({ id }))
  if (person.licenceIds) record.licences = person.licenceIds.map((id) => ({ id }))
  return record
}

/** Flags back to booleans and numeric link ids back to numbers, as Halo sends them. */
function typed(key: string, value: string): unknown {
  if (flags.has(key)) return value === 'true'
  if ((key.endsWith('_id') || key === 'licence_type') && /^\d+$/.test(value)) return Number(value)
  return value
}
