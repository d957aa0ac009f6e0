/**
 * Mapping design over the contract: the saved configuration with its checks, checks of the draft
 * being edited (asked again a moment after each edit), saving, export and import, Try it on a
 * person and the site-mapping counts — all answered from the snapshot and cached look-ups in main.
 */
import { useEffect, useState } from 'react'
import { keepPreviousData, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { ProcedureInput, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import type { ConnectionConfig } from '../../../src-shared/mapping/config-schema'
import { useProcedureMutation, useProcedureQuery } from './procedure-hooks'

/** `value`, once it has stopped changing for `ms`. */
export function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

export function useMappingState(connectionId: string): UseQueryResult<ProcedureOutput<'mapping:get'>> {
  return useProcedureQuery('mapping:get', { connectionId })
}

export function useDraftIssues(connectionId: string, draft: ConnectionConfig | null): UseQueryResult<ProcedureOutput<'mapping:validate'>> {
  const settled = useSettled(draft)
  return useProcedureQuery('mapping:validate', { connectionId, config: settled as ConnectionConfig }, { enabled: settled !== null, placeholderData: keepPreviousData })
}

export function useSaveMapping(): UseMutationResult<ProcedureOutput<'mapping:save'>, StudioError, ProcedureInput<'mapping:save'>> {
  const queryClient = useQueryClient()
  return useProcedureMutation('mapping:save', {
    onSuccess: (state, { connectionId }) => queryClient.setQueryData(['procedure', 'mapping:get', { connectionId }], state)
  })
}

export function useAttributes(connectionId: string): UseQueryResult<ProcedureOutput<'mapping:attributes'>> {
  return useProcedureQuery('mapping:attributes', { connectionId }, { staleTime: 60_000 })
}

export function useTryPerson(connectionId: string, draft: ConnectionConfig, personId: string | null): UseQueryResult<ProcedureOutput<'mapping:try'>> {
  const settled = useSettled(draft)
  return useProcedureQuery('mapping:try', { connectionId, config: settled, personId: personId ?? '' }, { enabled: personId !== null, placeholderData: keepPreviousData, retry: false })
}

export function useSiteCounts(connectionId: string, draft: ConnectionConfig): UseQueryResult<ProcedureOutput<'mapping:siteCounts'>> {
  const settled = useSettled(draft, 500)
  return useProcedureQuery('mapping:siteCounts', { connectionId, config: settled }, { placeholderData: keepPreviousData, retry: false })
}
