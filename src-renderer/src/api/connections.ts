/**
 * Directory connections over the contract: the list (settings, credential state, last test, snapshot
 * summary), the actions on a connection, the directory fetch with its progress, and the snapshot's
 * people, groups and (Entra) Intune devices page by page. After an action the list is read again;
 * after a fetch or a delete the snapshot's pages are too, since they changed.
 */
import { useState } from 'react'
import { keepPreviousData, useMutationState, useQueryClient, type MutationState, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { EventPayload, ProcedureInput, ProcedureOutput, SnapshotSummary, StudioError } from '../../../src-shared/contract'
import { usePagedRows, type PagedRows } from './paged-rows'
import { useEvent, useProcedureMutation, useProcedureQuery } from './procedure-hooks'

export type ConnectionAction =
  | 'connections:saveOkta'
  | 'connections:saveEntra'
  | 'connections:delete'
  | 'connections:testOkta'
  | 'connections:testEntra'
  | 'connections:authorizeEntra'
  | 'connections:cancelAuthorize'
  | 'connections:resetDelta'
  | 'connections:cancelFetch'

/** The snapshot's lists, read again after a fetch and dropped after a delete. */
const snapshotLists = ['snapshot:people', 'snapshot:groups', 'snapshot:devices'] as const

export function useConnections(): UseQueryResult<ProcedureOutput<'connections:list'>> {
  return useProcedureQuery('connections:list', {})
}

export function useConnectionAction<N extends ConnectionAction>(name: N): UseMutationResult<ProcedureOutput<N>, StudioError, ProcedureInput<N>> {
  const queryClient = useQueryClient()
  return useProcedureMutation(name, {
    // Not awaited: a page that navigates away after a delete must not first re-read what is gone.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'connections:list'] })
      if (name === 'connections:delete') for (const list of snapshotLists) queryClient.removeQueries({ queryKey: ['procedure', list] })
    }
  })
}

export type FetchProgress = EventPayload<'task:progress'>

export interface DirectoryFetch {
  start: () => void
  running: boolean
  /** The last progress reported while running; null before the first report. */
  progress: FetchProgress | null
  /** What the last fetch read, or why it failed; null before any. */
  result: SnapshotSummary | null
  error: StudioError | null
}

/**
 * "Fetch directory" for one connection. The fetch runs in main; its state is kept by react-query
 * (keyed by the connection), so a page opened again while it runs still shows it.
 */
export function useDirectoryFetch(connectionId: string): DirectoryFetch {
  const queryClient = useQueryClient()
  const mutationKey = ['connections:fetch', connectionId]
  const [progress, setProgress] = useState<FetchProgress | null>(null)
  useEvent('task:progress', (payload) => {
    if (payload.taskId === `fetch:${connectionId}`) setProgress(payload)
  })
  const fetch = useProcedureMutation('connections:fetch', {
    mutationKey,
    onMutate: () => setProgress(null),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'connections:list'] })
      for (const list of snapshotLists) void queryClient.invalidateQueries({ queryKey: ['procedure', list] })
    }
  })
  // The mutation cache types every mutation's data as unknown; these are connections:fetch calls.
  const latest = useMutationState({ filters: { mutationKey }, select: (mutation) => mutation.state as MutationState<SnapshotSummary, StudioError, { id: string }> }).at(-1)
  return {
    start: () => fetch.mutate({ id: connectionId }),
    running: latest?.status === 'pending',
    progress: latest?.status === 'pending' ? progress : null,
    result: latest?.status === 'success' ? (latest.data ?? null) : null,
    error: latest?.status === 'error' ? latest.error : null
  }
}

export interface PeopleFilter {
  search: string
  status: string | null
  groupId: string | null
}

export function useSnapshotPeople(connectionId: string, filter: PeopleFilter): PagedRows<ProcedureOutput<'snapshot:people'>['rows'][number]> {
  return usePagedRows('snapshot:people', (offset, limit) => ({
    connectionId,
    offset,
    limit,
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.groupId ? { groupId: filter.groupId } : {})
  }))
}

export function useSnapshotGroups(connectionId: string, search: string): PagedRows<ProcedureOutput<'snapshot:groups'>['rows'][number]> {
  return usePagedRows('snapshot:groups', (offset, limit) => ({ connectionId, offset, limit, ...(search.trim() ? { search: search.trim() } : {}) }))
}

export function useSnapshotDevices(connectionId: string, search: string): PagedRows<ProcedureOutput<'snapshot:devices'>['rows'][number]> {
  return usePagedRows('snapshot:devices', (offset, limit) => ({ connectionId, offset, limit, ...(search.trim() ? { search: search.trim() } : {}) }))
}

/** Groups whose name contains `search` (the first page), for choosing one in a filter. */
export function useGroupChoices(connectionId: string, search: string): UseQueryResult<ProcedureOutput<'snapshot:groups'>> {
  return useProcedureQuery('snapshot:groups', { connectionId, offset: 0, limit: 50, ...(search.trim() ? { search: search.trim() } : {}) }, { placeholderData: keepPreviousData })
}
