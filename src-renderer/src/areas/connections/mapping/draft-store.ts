/**
 * Unsaved configurations, per connection, for the life of the window: switching tabs, leaving the
 * connection and coming back, or going to another area never loses an edit; saving or discarding
 * clears it. A subscribable map, read with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react'
import type { ConnectionConfig } from '../../../../../src-shared/mapping/config-schema'

const drafts = new Map<string, ConnectionConfig>()
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

export const draftStore = {
  get: (connectionId: string): ConnectionConfig | undefined => drafts.get(connectionId),
  set: (connectionId: string, config: ConnectionConfig): void => {
    drafts.set(connectionId, config)
    notify()
  },
  clear: (connectionId: string): void => {
    if (drafts.delete(connectionId)) notify()
  },
  /** Whether any connection has unsaved changes (closing the window asks first). */
  any: (): boolean => drafts.size > 0,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
}

export function useStoredDraft(connectionId: string): ConnectionConfig | undefined {
  return useSyncExternalStore(draftStore.subscribe, () => draftStore.get(connectionId))
}

// Closing or reloading the window with unsaved changes asks first.
window.addEventListener('beforeunload', (event) => {
  if (draftStore.any()) event.preventDefault()
})
