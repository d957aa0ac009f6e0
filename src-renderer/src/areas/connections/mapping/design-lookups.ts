/**
 * What the design tabs pick from: the connection's Halo instance's cached look-ups (sites, clients,
 * roles, CABs, ticket types, custom fields) as select options, and the snapshot's attributes with a
 * sample value each.
 */
import type { HaloLookupKind } from '../../../../../src-shared/contract'
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
  const { connectionId } = useMappingDesign()
  const connection = useConnections().data?.find((candidate) => candidate.id === connectionId)
  const records = useProcedureQuery('halo:lookupRecords', { id: connection?.haloInstanceId ?? '', kind }, { enabled: connection !== undefined, staleTime: 60_000 })
  return (records.data?.rows ?? []).filter((row) => !row.inactive).map((row) => ({ value: String(row.id), label: kind === 'fieldInfo' ? (row.detail ?? row.name) : row.detail && kind === 'sites' ? `${row.name} (${row.detail})` : row.name }))
}

/** The snapshot's attributes as options, each with its sample value as a description. */
export function useAttributeOptions(): Array<Option & { sample: string }> {
  const { connectionId } = useMappingDesign()
  const attributes = useAttributes(connectionId)
  return (attributes.data?.attributes ?? []).map((attribute) => ({ value: attribute.name, label: attribute.name, sample: attribute.sample }))
}

/** A Halo id back from its text form: a number when it is one. */
export function haloRef(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value
}
