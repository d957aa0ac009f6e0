/**
 * Previews and syncs over the contract: building a connection's preview (kept as its latest), the
 * preview's header and its rows page by page with filters, one row, a conflict's resolution, file
 * exports, a sync's rehearsal on a sandbox copy of Halo, and a sync — started, followed through its
 * progress events and run updates, cancelled, resumed — with its report.
 */
import { useState } from 'react'
import { useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query'
import type { EventPayload, ProcedureInput, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import type { PlanAction } from '../../../src-shared/plan/plan-schema'
import { usePagedRows, type PagedRows } from './paged-rows'
import { useEvent, useProcedureMutation, useProcedureQuery } from './procedure-hooks'
import { useStudioClient } from './studio-context'

export function useLatestPlan(connectionId: string): UseQueryResult<ProcedureOutput<'plan:latest'>> {
  return useProcedureQuery('plan:latest', { connectionId })
}

/** Builds a preview and makes it the connection's latest; the preview's pages are read afresh. */
export function useBuildPlan(): UseMutationResult<ProcedureOutput<'plan:build'>, StudioError, ProcedureInput<'plan:build'>> {
  const queryClient = useQueryClient()
  return useProcedureMutation('plan:build', {
    mutationKey: ['plan:build'],
    onSuccess: (view, { connectionId }) => {
      queryClient.setQueryData(['procedure', 'plan:latest', { connectionId }], view)
      queryClient.removeQueries({ queryKey: ['procedure', 'plan:rows'] })
    }
  })
}

export interface PlanFilter {
  search: string
  actions: PlanAction[]
  kind: 'user' | 'agent' | null
  site: string | null
  warningsOnly: boolean
}

export function usePlanRows(planId: string, filter: PlanFilter): PagedRows<ProcedureOutput<'plan:rows'>['rows'][number]> {
  return usePagedRows('plan:rows', (offset, limit) => ({
    planId,
    offset,
    limit,
    ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    ...(filter.actions.length > 0 ? { actions: filter.actions } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.site !== null ? { site: filter.site } : {}),
    ...(filter.warningsOnly ? { warningsOnly: true } : {})
  }))
}

/** A conflict's resolution: the preview is rebuilt, and becomes the latest. */
export function useResolveConflict(connectionId: string): UseMutationResult<ProcedureOutput<'plan:resolve'>, StudioError, ProcedureInput<'plan:resolve'>> {
  const queryClient = useQueryClient()
  return useProcedureMutation('plan:resolve', {
    onSuccess: (view) => {
      queryClient.setQueryData(['procedure', 'plan:latest', { connectionId }], view)
      queryClient.removeQueries({ queryKey: ['procedure', 'plan:rows'] })
    }
  })
}

/** Saves what a procedure answers as a file ({fileName, text}) through the browser's download. */
export function useDownload(): (load: () => Promise<{ fileName: string; text: string }>, type: string) => Promise<void> {
  return async (load, type) => {
    const file = await load()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([file.text], { type }))
    link.download = file.fileName
    link.click()
    URL.revokeObjectURL(link.href)
  }
}

export type SyncProgress = EventPayload<'task:progress'>

export interface SyncState {
  run: ProcedureOutput<'sync:run'> | null
  progress: SyncProgress | null
  start: (planId: string, allowDeactivations: number | null) => Promise<void>
  cancel: () => void
  resume: () => void
  starting: boolean
  error: StudioError | null
}

/** One connection's sync: the run shown (the one started here, or given), read again at each run update. */
export function useSync(connectionId: string, initialRunId: string | null): SyncState {
  const client = useStudioClient()
  const queryClient = useQueryClient()
  const [runId, setRunId] = useState<string | null>(initialRunId)
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  const [error, setError] = useState<StudioError | null>(null)
  const [starting, setStarting] = useState(false)
  const run = useProcedureQuery('sync:run', { runId: runId ?? '' }, { enabled: runId !== null })
  useEvent('task:progress', (payload) => {
    if (payload.taskId === `sync:${connectionId}`) setProgress(payload)
  })
  useEvent('run:updated', (payload) => {
    if (payload.runId !== runId) return
    void run.refetch()
    if (payload.status !== 'running') {
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'sync:runs'] })
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'plan:latest'] })
    }
  })
  const act = (name: 'sync:cancel' | 'sync:resume'): void => {
    if (runId === null) return
    setError(null)
    client.call(name, { runId }).then(
      () => void run.refetch(),
      (failure: unknown) => setError(failure as StudioError)
    )
  }
  return {
    run: runId === null ? null : (run.data ?? null),
    progress,
    starting,
    error,
    start: async (planId, allowDeactivations) => {
      setError(null)
      setStarting(true)
      setProgress(null)
      try {
        const started = await client.call('sync:start', { planId, allowDeactivations })
        setRunId(started.runId)
      } catch (failure) {
        setError(failure as StudioError)
      } finally {
        setStarting(false)
      }
    },
    cancel: () => act('sync:cancel'),
    resume: () => act('sync:resume')
  }
}

export interface RehearsalState {
  start: (planId: string) => void
  running: boolean
  progress: SyncProgress | null
  error: StudioError | null
}

/** Rehearsing a connection's preview on a sandbox copy of Halo; the result comes back with the preview (its `rehearsal`). */
export function useRehearsal(connectionId: string): RehearsalState {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<SyncProgress | null>(null)
  useEvent('task:progress', (payload) => {
    if (payload.taskId === `rehearsal:${connectionId}`) setProgress(payload)
  })
  const rehearse = useProcedureMutation('sync:rehearse', {
    mutationKey: ['sync:rehearse', connectionId],
    onMutate: () => setProgress(null),
    onSuccess: (rehearsal, { planId }) => {
      queryClient.setQueryData<ProcedureOutput<'plan:latest'>>(['procedure', 'plan:latest', { connectionId }], (view) => (view && view.id === planId ? { ...view, rehearsal } : view))
      void queryClient.invalidateQueries({ queryKey: ['procedure', 'plan:get', { planId }] })
    }
  })
  return { start: (planId) => rehearse.mutate({ planId }), running: rehearse.isPending, progress: rehearse.isPending ? progress : null, error: rehearse.error }
}

/** A connection's runs, or every connection's. */
export function useSyncRuns(connectionId?: string): UseQueryResult<ProcedureOutput<'sync:runs'>> {
  return useProcedureQuery('sync:runs', connectionId === undefined ? {} : { connectionId })
}

export function useRunReport(runId: string, state: 'failed' | null): PagedRows<ProcedureOutput<'sync:report'>['rows'][number]> {
  return usePagedRows('sync:report', (offset, limit) => ({ runId, offset, limit, ...(state ? { state } : {}) }))
}
