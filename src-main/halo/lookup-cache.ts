/**
 * Look-ups read from Halo (clients, sites, roles, …), cached in SQLite with their fetch time so
 * mappings can be designed offline. Rows are kept whole (Halo's own fields) and shown through a small
 * id / name / detail projection. Halo's users and agents are kept here too, slimmed to what
 * matching and planning compare (they are not look-ups: the look-up lists leave them out).
 */
import { and, eq } from 'drizzle-orm'
import { haloLookupLabels, type HaloLookupKind, type HaloLookupRow, type HaloLookupSummary } from '../../src-shared/contract'
import type { HaloPersonRecord } from '../core/halo-state'
import type { StudioDb } from '../store/database'
import { haloLookupTable } from '../store/schema'
import { slimHaloPerson, type HaloPeopleKind } from './halo-people'

export class LookupCache {
  constructor(private readonly db: StudioDb) {}

  /** Keeps Halo's users or agents for matching and planning, each slimmed to what they compare (halo-people.ts), users with their licence links (by user id) when read. */
  storePeople(instanceId: string, kind: HaloPeopleKind, records: ReadonlyArray<Record<string, unknown>>, fetchedAt: string, licenceIds?: ReadonlyMap<string, readonly number[]>): void {
    const slim = records.map((record) => {
      const person = slimHaloPerson(kind, record)
      const licences = licenceIds?.get(String(record.id))
      return licences ? { ...person, licenceIds: [...licences] } : person
    })
    const values = { instanceId, kind, records: JSON.stringify(slim), recordCount: slim.length, fetchedAt }
    this.db
      .insert(haloLookupTable)
      .values(values)
      .onConflictDoUpdate({ target: [haloLookupTable.instanceId, haloLookupTable.kind], set: values })
      .run()
  }

  /** The kept users or agents, or null when never read. */
  people(instanceId: string, kind: HaloPeopleKind): { fetchedAt: string; records: HaloPersonRecord[] } | null {
    const stored = this.db
      .select({ records: haloLookupTable.records, fetchedAt: haloLookupTable.fetchedAt })
      .from(haloLookupTable)
      .where(and(eq(haloLookupTable.instanceId, instanceId), eq(haloLookupTable.kind, kind)))
      .get()
    return stored ? { fetchedAt: stored.fetchedAt, records: JSON.parse(stored.records) as HaloPersonRecord[] } : null
  }

  store(instanceId: string, kind: HaloLookupKind, records: Record<string, unknown>[], fetchedAt: string): void {
    const values = { instanceId, kind, records: JSON.stringify(records), recordCount: records.length, fetchedAt }
    this.db
      .insert(haloLookupTable)
      .values(values)
      .onConflictDoUpdate({ target: [haloLookupTable.instanceId, haloLookupTable.kind], set: values })
      .run()
  }

  summaries(instanceId: string): HaloLookupSummary[] {
    return this.db
      .select({ kind: haloLookupTable.kind, count: haloLookupTable.recordCount, fetchedAt: haloLookupTable.fetchedAt })
      .from(haloLookupTable)
      .where(eq(haloLookupTable.instanceId, instanceId))
      .all()
      .filter((row): row is typeof row & { kind: HaloLookupKind } => row.kind in haloLookupLabels)
      .map((row) => ({ kind: row.kind, label: haloLookupLabels[row.kind], count: row.count, fetchedAt: row.fetchedAt }))
      .sort((a, b) => a.label.localeCompare(b.label))
  }

  /** The cached records of one kind as Halo sent them, or null when never cached. */
  records(instanceId: string, kind: HaloLookupKind): Record<string, unknown>[] | null {
    const stored = this.db
      .select({ records: haloLookupTable.records })
      .from(haloLookupTable)
      .where(and(eq(haloLookupTable.instanceId, instanceId), eq(haloLookupTable.kind, kind)))
      .get()
    return stored ? (JSON.parse(stored.records) as Record<string, unknown>[]) : null
  }

  rows(instanceId: string, kind: HaloLookupKind, search?: string): { fetchedAt: string | null; total: number; rows: HaloLookupRow[] } {
    const stored = this.db
      .select()
      .from(haloLookupTable)
      .where(and(eq(haloLookupTable.instanceId, instanceId), eq(haloLookupTable.kind, kind)))
      .get()
    if (!stored) return { fetchedAt: null, total: 0, rows: [] }
    const all = (JSON.parse(stored.records) as Record<string, unknown>[]).map((record) => project(kind, record))
    const needle = search?.trim().toLowerCase()
    const rows = needle ? all.filter((row) => `${row.name} ${row.detail ?? ''} ${row.id}`.toLowerCase().includes(needle)) : all
    return { fetchedAt: stored.fetchedAt, total: all.length, rows }
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null
}

function project(kind: HaloLookupKind, record: Record<string, unknown>): HaloLookupRow {
  const id = typeof record.id === 'number' || typeof record.id === 'string' ? record.id : ''
  const inactive = record.inactive === true || record.isdisabled === true || record.is_active === false
  switch (kind) {
    case 'sites':
      return { id, name: text(record.name) ?? `Site ${id}`, detail: text(record.client_name) ?? (record.client_id ? `Client ${text(record.client_id)}` : null), appliesTo: null, inactive }
    case 'fieldInfo':
      return { id, name: text(record.label) ?? text(record.name) ?? `Field ${id}`, detail: text(record.name), appliesTo: customFieldUsage(record), inactive }
    case 'templates':
      return { id, name: text(record.name) ?? `Template ${id}`, detail: text(record.tickettype_name), appliesTo: text(record.tickettype_id), inactive }
    case 'cabs': {
      const members = Array.isArray(record.members) ? record.members.length : null
      return { id, name: text(record.name) ?? `CAB ${id}`, detail: members === null ? null : `${members} member${members === 1 ? '' : 's'}`, appliesTo: null, inactive }
    }
    default:
      return { id, name: text(record.name) ?? `#${id}`, detail: null, appliesTo: null, inactive }
  }
}

/** What a custom field is for, as Halo's FieldInfo `usage` says it, as text (see customFieldApplies); null when it does not say. */
export function customFieldUsage(record: Record<string, unknown>): string | null {
  return typeof record.usage === 'string' ? record.usage.toLowerCase() : typeof record.usage === 'number' ? String(record.usage) : null
}
