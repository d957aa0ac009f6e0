/**
 * Mantine's colour scheme manager, wired to the workspace's `theme` setting instead of localStorage.
 * It only reads: the value comes from the settings query, and every change to that query (an update
 * from this window, `settings:changed` from another) is pushed to Mantine at once. Writes go through
 * useUpdateSettings, never Mantine's setColorScheme, so the server stays the source of truth; the
 * `set` Mantine calls back with after an update is therefore a no-op.
 */
import type { MantineColorScheme, MantineColorSchemeManager } from '@mantine/core'
import type { QueryClient } from '@tanstack/react-query'
import type { Settings } from '../../../src-shared/contract'
import { settingsQueryKey } from '../api/settings'

export function settingsColorSchemeManager(queryClient: QueryClient): MantineColorSchemeManager {
  const readTheme = (): MantineColorScheme | undefined => queryClient.getQueryData<Settings>(settingsQueryKey)?.theme
  let stopWatching = (): void => undefined
  return {
    get: (fallback) => readTheme() ?? fallback,
    set: () => undefined,
    clear: () => undefined,
    subscribe: (onUpdate) => {
      let applied = readTheme()
      stopWatching = queryClient.getQueryCache().subscribe(() => {
        const theme = readTheme()
        if (theme === undefined || theme === applied) return
        applied = theme
        onUpdate(theme)
      })
    },
    unsubscribe: () => stopWatching()
  }
}
