/**
 * The setup guide's progress over the contract: read it, start afresh, and keep each choice and
 * step as it is made. A change shows at once (the cached progress is patched before main answers,
 * and put back if main refuses), and main's answer then replaces it.
 */
import { useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { GuideProgress, ProcedureInput, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import { procedureKey, useProcedureMutation, useProcedureQuery } from './procedure-hooks'

const key = procedureKey('guide:get', {})

export function useGuideProgress(): UseQueryResult<ProcedureOutput<'guide:get'>> {
  return useProcedureQuery('guide:get', {})
}

export function useGuideAction<N extends 'guide:start' | 'guide:update'>(name: N): UseMutationResult<ProcedureOutput<N>, StudioError, ProcedureInput<N>, { before: GuideProgress | null | undefined }> {
  const queryClient = useQueryClient()
  return useProcedureMutation<N, { before: GuideProgress | null | undefined }>(name, {
    onMutate: (patch) => {
      const before = queryClient.getQueryData<GuideProgress | null>(key)
      if (name === 'guide:update' && before) queryClient.setQueryData(key, { ...before, ...patch })
      return { before }
    },
    onError: (_error, _patch, context) => {
      if (context) queryClient.setQueryData(key, context.before)
    },
    onSuccess: (progress) => queryClient.setQueryData(key, progress)
  })
}
