/**
 * What the design tabs pick from: the connection's Halo instance's cached look-ups (sites, clients,
 * roles, CABs, ticket types and templates, user and ticket custom fields) as select options, and the
 * snapshot's attributes with a sample value each; and the words the pickers' hints share (where a
 * directory's groups are, what to do when a look-up is missing).
 */
import type { HaloLookupKind, HaloLookupRow } from '../../../../../src-shared/contract'
import { customFieldApplies, customFieldPrefix } from '../../../../../src-shared/mapping/halo-fields'
import { useAttributes } from '../../../api/mapping'
import { useConnections } from '../../../api/connections'
import { useProcedureQuery } from '../../../api/procedure-hooks'
import { useMappingDesign } from './mapping-design'

export interface Option {
  value: string
  label: string
}

/** Options of one cached look-up kind (empty when never cached); values are ids as text. */
export function useLookupOptions(kind: HaloLookupKind): Option[] {
  return useLookupRows(kind).map((row) => ({ value: String(row.id), label: kind === 'fieldInfo' ? (row.detail ?? row.name) : row.detail && kind === 'sites' ? `${row.name} (${row.detail})` : row.name }))
}

/** Custom fields for users or for tickets, as `custom:<CF name>` targets labelled "<Halo's label> (custom field)"; `name` is Halo's label alone. */
export function useCustomFieldOptions(to: 'user' | 'ticket'): Array<Option & { name: string }> {
  return useLookupRows('fieldInfo')
    .filter((row) => customFieldApplies(row.appliesTo, to))
    .map((row) => ({ value: `${customFieldPrefix}${row.detail ?? row.name}`, label: `${row.name} (custom field)`, name: row.name }))
}

/** Halo's ticket templates, each with the ticket type it is for (null when Halo does not say). */
export function useTemplateOptions(): Array<Option & { ticketTypeId: string | null }> {
  return useLookupRows('templates').map((row) => ({ value: String(row.id), label: row.name, ticketTypeId: row.appliesTo }))
}

function useLookupRows(kind: HaloLookupKind): HaloLookupRow[] {
  const { connectionId } = useMappingDesign()
  const connection = useConnections().data?.find((candidate) => candidate.id === connectionId)
  const records = useProcedureQuery('halo:lookupRecords', { id: connection?.haloInstanceId ?? '', kind }, { enabled: connection !== undefined, staleTime: 60_000 })
  return (records.data?.rows ?? []).filter((row) => !row.inactive)
}

/** The snapshot's attributes as options, each with its sample value as a description. */
export function useAttributeOptions(): Array<Option & { sample: string }> {
  const { connectionId } = useMappingDesign()
  const attributes = useAttributes(connectionId)
  return (attributes.data?.attributes ?? []).map((attribute) => ({ value: attribute.name, label: attribute.name, sample: attribute.sample }))
}

/** The end of a hint under a picker of Halo's look-ups: what to do when one is missing. */
export const notListedHint = 'Missing? Refresh the Halo instance’s look-ups.'

/** Where an admin sees Halo's agent roles, for the hints of agent-role pickers. */
export const agentRolesAreIn = 'Halo › Configuration › Teams & Agents › Roles'

/** Where an admin sees a directory's groups, for the hints of group pickers. */
export const groupsAreIn = {
  okta: 'Okta Admin Console › Directory › Groups',
  entra: 'Azure portal › Microsoft Entra ID › Groups'
} as const

/** A Halo id back from its text form: a number when it is one. */
export function haloRef(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value
}

/** The options, with the current value kept (as its id) when the look-ups no longer have it. */
export function withCurrent(options: Option[], current: number | string | null): Option[] {
  if (current === null || current === '' || options.some((option) => option.value === String(current))) return options
  return [{ value: String(current), label: String(current) }, ...options]
}

/** A looked-up record's label by its id, or "#id" when the cache does not have it. */
export function nameOf(options: Option[], id: number | string): string {
  return options.find((option) => option.value === String(id))?.label ?? `#${id}`
}
