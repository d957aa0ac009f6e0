/**
 * Halo instances over the contract: the list (settings, secret and sign-in state, last test, cached
 * look-ups), the cached rows of one look-up, and the actions on an instance. After an action the list
 * and the look-up rows are read again, since any action can change what they show.
 */
import { keepPreviousData, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { HaloLookupKind, ProcedureInput, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import { useProcedureMutation, useProcedureQuery } from './procedure-hooks'

export type HaloAction = 'halo:save' | 'halo:delete' | 'halo:signIn' | 'halo:cancelSignIn' | 'halo:signOut' | 'halo:test' | 'halo:refreshLookups'

export function useHaloInstances(): UseQueryResult<ProcedureOutput<'halo:list'>> {
  return useProcedureQuery('halo:list', {})
}

/** The cached rows of one look-up; while a new search runs, the previous rows stay on screen. */
export function useHaloLookupRecords(id: string, kind: HaloLookupKind, search: string): UseQueryResult<ProcedureOutput<'halo:lookupRecords'>> {
  const input = search.trim() === '' ? { id, kind } : { id, kind, search: search.trim() }
  return useProcedureQuery('halo:lookupRecords', input, { placeholderData: keepPreviousData })
}

export function useHaloAction<N extends HaloAction>(name: N): UseMutationResult<ProcedureOutput<N>, StudioError, ProcedureInput<N>> {
  const queryClient = useQueryClient()
  return useProcedureMutation(name, {
    // Not awaited: a page that navigates away after a delete must not first re-read what is gone.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'halo:list'] })
      if (name !== 'halo:delete') void queryClient.invalidateQueries({ queryKey: ['procedure', 'halo:lookupRecords'] })
    }
  })
}
