/**
 * Typed react-query hooks over the contract: a query per procedure call (keyed by name and input,
 * other react-query options allowed; its key and function alone for useQueries), a mutation per
 * procedure, and a subscription to a contract event for the component's lifetime.
 */
import { useEffect, useRef } from 'react'
import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult
} from '@tanstack/react-query'
import type {
  EventName,
  EventPayload,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
  StudioError
} from '../../../src-shared/contract'
import type { StudioClient } from './studio-client'
import { useStudioClient } from './studio-context'

export function procedureKey<N extends ProcedureName>(name: N, input: ProcedureInput<N>): readonly ['procedure', N, ProcedureInput<N>] {
  return ['procedure', name, input]
}

/** The key and function of a query calling `name` with `input`, for useQuery and useQueries. */
export function procedureQuery<N extends ProcedureName>(
  client: StudioClient,
  name: N,
  input: ProcedureInput<N>
): { queryKey: ReturnType<typeof procedureKey<N>>; queryFn: () => Promise<ProcedureOutput<N>> } {
  return { queryKey: procedureKey(name, input), queryFn: () => client.call(name, input) }
}

export function useProcedureQuery<N extends ProcedureName>(
  name: N,
  input: ProcedureInput<N>,
  options: Omit<UseQueryOptions<ProcedureOutput<N>, StudioError, ProcedureOutput<N>, ReturnType<typeof procedureKey<N>>>, 'queryKey' | 'queryFn'> = {}
): UseQueryResult<ProcedureOutput<N>> {
  const client = useStudioClient()
  return useQuery({ ...options, ...procedureQuery(client, name, input) })
}

export function useProcedureMutation<N extends ProcedureName, TOnMutateResult = unknown>(
  name: N,
  options: Omit<UseMutationOptions<ProcedureOutput<N>, StudioError, ProcedureInput<N>, TOnMutateResult>, 'mutationFn'> = {}
): UseMutationResult<ProcedureOutput<N>, StudioError, ProcedureInput<N>, TOnMutateResult> {
  const client = useStudioClient()
  return useMutation({ ...options, mutationFn: (input) => client.call(name, input) })
}

/** Calls `listener` for every `name` event while the component is mounted (the latest listener wins). */
export function useEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useStudioClient()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => client.subscribe(name, (payload) => latest.current(payload)), [client, name])
}
