/**
 * A connection's single sign-on over the contract: its state (settings, last test and apply, issuer,
 * redirect URIs, the last check), saving, the checks, the test sign-in and its cancel, Halo's fields before and
 * after, Apply, and (Entra) the Halo Entra connections to choose from. After a save, a test or an
 * apply the state and the preview are read again, since they changed.
 */
import { useQueryClient, type QueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { ProcedureInput, ProcedureName, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import { useProcedureMutation, useProcedureQuery } from './procedure-hooks'

type SsoAction = 'sso:save' | 'sso:check' | 'sso:test' | 'sso:cancelTest' | 'sso:apply'

/** The actions after which the state (which keeps the last check and test) and the preview differ. */
const changesState: ReadonlySet<ProcedureName> = new Set<ProcedureName>(['sso:save', 'sso:check', 'sso:test', 'sso:apply'])

/** Read again; the action stays pending until the state is, so its result never flickers away. */
async function refresh(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['procedure', 'sso:get'] }), queryClient.invalidateQueries({ queryKey: ['procedure', 'sso:preview'] })])
}

export function useSsoState(connectionId: string): UseQueryResult<ProcedureOutput<'sso:get'>> {
  return useProcedureQuery('sso:get', { connectionId })
}

export function useSsoAction<N extends SsoAction>(name: N): UseMutationResult<ProcedureOutput<N>, StudioError, ProcedureInput<N>> {
  const queryClient = useQueryClient()
  return useProcedureMutation(name, {
    onSettled: () => (changesState.has(name) ? refresh(queryClient) : undefined)
  })
}

/** Halo's fields now and after Apply; asked only once there are settings to apply. */
export function useSsoPreview(connectionId: string, enabled: boolean): UseQueryResult<ProcedureOutput<'sso:preview'>> {
  return useProcedureQuery('sso:preview', { connectionId }, { enabled })
}

export function useHaloEntraConnections(connectionId: string): UseQueryResult<ProcedureOutput<'sso:haloConnections'>> {
  return useProcedureQuery('sso:haloConnections', { connectionId }, { staleTime: 60_000 })
}
