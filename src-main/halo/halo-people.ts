/**
 * Halo's users and agents as planning and matching compare them: each record slimmed to its id, its
 * fields as text by Halo key (every mappable field, custom fields as `custom:<CF name>`, the stored
 * directory ids, site, the deactivation flag, the licence type) and its role ids. Halo's older
 * `oktaid` and `azure_id` stand in for `okta_id` and `azureoid` (halo-api.md §5.3).
 */
import { customFieldPrefix, haloAgentFields, haloUserFields } from '../../src-shared/mapping/halo-fields'
import type { HaloPersonRecord, HaloRef } from '../core/halo-state'

export type HaloPeopleKind = 'users' | 'agents'

const extraFields: Record<HaloPeopleKind, readonly string[]> = {
  users: ['okta_id', 'azureoid', 'site_id', 'site_name', 'client_id', 'inactive'],
  agents: ['okta_id', 'isdisabled', 'licence_type']
}
const comparedFields: Record<HaloPeopleKind, readonly string[]> = {
  users: [...haloUserFields.map((field) => field.key), ...extraFields.users],
  agents: [...haloAgentFields.map((field) => field.key), ...extraFields.agents]
}

export function slimHaloPerson(kind: HaloPeopleKind, record: Record<string, unknown>): HaloPersonRecord {
  const fields: Record<string, string | null> = {}
  for (const field of comparedFields[kind]) fields[field] = fieldText(record, field)
  if (Array.isArray(record.customfields)) {
    for (const custom of record.customfields as Array<Record<string, unknown>>) {
      if (typeof custom.name === 'string' && custom.name !== '') fields[`${customFieldPrefix}${custom.name}`] = text(custom.value)
    }
  }
  const slim: HaloPersonRecord = { id: ref(record.id) ?? '', fields }
  if (Array.isArray(record.roles)) slim.roleIds = (record.roles as unknown[]).flatMap((role) => (role !== null && typeof role === 'object' ? [ref((role as Record<string, unknown>).id)] : [ref(role)])).filter((id): id is HaloRef => id !== null)
  return slim
}

function fieldText(record: Record<string, unknown>, field: string): string | null {
  return text(record[field] ?? (field === 'okta_id' ? record.oktaid : field === 'azureoid' ? record.azure_id : undefined))
}

function text(value: unknown): string | null {
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return String(value)
  return typeof value === 'string' ? value : null
}

function ref(value: unknown): HaloRef | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null
}
