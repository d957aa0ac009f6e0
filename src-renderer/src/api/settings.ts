/**
 * Workspace preferences in the renderer. The settings query is the one source of truth: updates are
 * applied to it optimistically (and rolled back if main refuses them), and `settings:changed` from any
 * window overwrites it, so every reader (the colour scheme included) follows the server's value.
 */
import { useQueryClient } from '@tanstack/react-query'
import type { Settings, SettingsPatch } from '../../../src-shared/contract'
import { notifyError } from '../components/notify-error'
import { procedureKey, useEvent, useProcedureMutation } from './procedure-hooks'

export const settingsQueryKey = procedureKey('settings:get', {})

/** Keeps the settings query in step with changes announced by main; mount once, near the root. */
export function useSettingsCacheSync(): void {
  const queryClient = useQueryClient()
  useEvent('settings:changed', (settings) => queryClient.setQueryData(settingsQueryKey, settings))
}

export function useUpdateSettings(): (patch: SettingsPatch) => void {
  const queryClient = useQueryClient()
  const mutation = useProcedureMutation<'settings:update', Settings | undefined>('settings:update', {
    onMutate: (patch) => {
      void queryClient.cancelQueries({ queryKey: settingsQueryKey })
      const previous = queryClient.getQueryData<Settings>(settingsQueryKey)
      if (previous) queryClient.setQueryData<Settings>(settingsQueryKey, { ...previous, ...patch })
      return previous
    },
    onSuccess: (saved) => queryClient.setQueryData(settingsQueryKey, saved),
    onError: (error, _patch, previous) => {
      if (previous) queryClient.setQueryData(settingsQueryKey, previous)
      notifyError('Your preference was not saved', error)
    }
  })
  return mutation.mutate
}
