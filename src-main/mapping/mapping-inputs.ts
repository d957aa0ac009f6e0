/**
 * The engine's inputs from what the workspace keeps offline: Halo's cached look-ups turned into
 * HaloLookups (sites with their client, agent roles, user roles, CABs, ticket types and templates,
 * user and ticket custom fields), and a connection's snapshot loaded whole — kept in memory per snapshot, since "Try it on a
 * person" asks again at every edit and a snapshot never changes once complete.
 */
import type { HaloLookupKind } from '../../src-shared/contract'
import { DirectoryIndex, knownAttributes } from '../core/directory-data'
import { customFieldApplies } from '../../src-shared/mapping/halo-fields'
import type { HaloCab, HaloLicence, HaloLookups, HaloNamed, HaloSite, HaloTemplate } from '../core/halo-state'
import type { SnapshotStore } from '../directory/snapshot-store'
import { customFieldUsage, type LookupCache } from '../halo/lookup-cache'

type Raw = Record<string, unknown>

function ref(value: unknown): number | string | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function named(records: Raw[] | null): HaloNamed[] | null {
  return records?.flatMap((record) => {
    const id = ref(record.id)
    return id === null ? [] : [{ id, name: text(record.name) ?? String(id) }]
  }) ?? null
}

export function haloLookupsFrom(cache: LookupCache, instanceId: string): HaloLookups {
  return haloLookupsOf((kind) => cache.records(instanceId, kind))
}

/** HaloLookups from Halo's look-up records as Halo sent them, by kind (null where never read). */
export function haloLookupsOf(raw: (kind: HaloLookupKind) => Raw[] | null): HaloLookups {
  const sites = raw('sites')?.flatMap((record): HaloSite[] => {
    const id = ref(record.id)
    return id === null ? [] : [{ id, name: text(record.name) ?? `Site ${id}`, clientId: ref(record.client_id), clientName: text(record.client_name) }]
  })
  const fields = raw('fieldInfo')
  const customFields = (to: 'user' | 'ticket'): string[] | null =>
    fields?.filter((field) => customFieldApplies(customFieldUsage(field), to)).flatMap((field) => (text(field.name) ? [String(field.name)] : [])) ?? null
  const templates = raw('templates')?.flatMap((record): HaloTemplate[] => {
    const id = ref(record.id)
    return id === null ? [] : [{ id, name: text(record.name) ?? `Template ${id}`, ticketTypeId: ref(record.tickettype_id) }]
  })
  const cabs = raw('cabs')?.flatMap((record): HaloCab[] => {
    const id = ref(record.id)
    if (id === null) return []
    const members = Array.isArray(record.members) ? (record.members as Raw[]).flatMap((member) => (ref(member.agent_id) === null ? [] : [ref(member.agent_id) as number | string])) : undefined
    return [{ id, name: text(record.name) ?? `CAB ${id}`, ...(members ? { memberAgentIds: members } : {}) }]
  })
  const licences = raw('licences')?.flatMap((record): HaloLicence[] => {
    const id = ref(record.id)
    return id === null || record.deleted === true ? [] : [{ id, name: text(record.name) ?? `Licence ${id}`, clientId: ref(record.client_id), productSku: text(record.product_sku), count: typeof record.count === 'number' ? record.count : null }]
  })
  return {
    licences: licences ?? null,
    sites: sites ?? null,
    clients: named(raw('clients')),
    agentRoles: named(raw('roles')),
    userRoles: named(raw('userRoles')),
    cabs: cabs ?? null,
    ticketTypes: named(raw('ticketTypes')),
    templates: templates ?? null,
    // FieldInfo lists every custom field, users' and tickets' alike.
    customFields: customFields('user'),
    ticketCustomFields: customFields('ticket')
  }
}

export interface LoadedSnapshot {
  snapshotId: string
  fetchedAt: string
  index: DirectoryIndex
  /** Attribute names people have, with a sample value each. */
  attributes: Map<string, string>
}

/** Snapshots loaded for the engine, the newest few kept (each connection has at most one current). */
export class SnapshotLoader {
  private readonly loaded = new Map<string, LoadedSnapshot>()

  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly keep = 3
  ) {}

  load(connectionId: string): LoadedSnapshot | null {
    const current = this.snapshots.current(connectionId)
    if (!current) return null
    const cached = this.loaded.get(current.id)
    if (cached) return cached
    const whole = this.snapshots.load(connectionId)
    if (!whole) return null
    const loaded: LoadedSnapshot = { snapshotId: whole.summary.id, fetchedAt: whole.summary.fetchedAt, index: new DirectoryIndex(whole.data), attributes: knownAttributes(whole.data.people) }
    this.loaded.set(loaded.snapshotId, loaded)
    for (const old of [...this.loaded.keys()].slice(0, Math.max(0, this.loaded.size - this.keep))) this.loaded.delete(old)
    return loaded
  }
}
