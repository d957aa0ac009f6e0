/**
 * Provides the mapping design to a connection's tabs: the draft is kept in draftStore (so nothing is
 * lost when switching tabs or areas), checked in main a moment after each edit, saved or discarded.
 */
import { useCallback, useMemo } from 'react'
import type { MappingState } from '../../../../../src-shared/contract'
import type { ConnectionConfig } from '../../../../../src-shared/mapping/config-schema'
import { useDraftIssues, useSaveMapping } from '../../../api/mapping'
import { draftStore, useStoredDraft } from './draft-store'
import { MappingDesignContext, type MappingDesign } from './mapping-design'

export function MappingDesignProvider({ connectionId, saved, children }: { connectionId: string; saved: MappingState; children: React.ReactNode }): React.JSX.Element {
  const draft = useStoredDraft(connectionId)
  const config = draft ?? saved.config
  const checks = useDraftIssues(connectionId, draft ?? null)
  const saveMutation = useSaveMapping()
  const update = useCallback(
    (change: (draft: ConnectionConfig) => void) => {
      const next = structuredClone(draftStore.get(connectionId) ?? saved.config)
      change(next)
      draftStore.set(connectionId, next)
      saveMutation.reset()
    },
    [connectionId, saved.config, saveMutation]
  )
  const value = useMemo<MappingDesign>(
    () => ({
      connectionId,
      saved,
      config,
      dirty: draft !== undefined,
      update,
      issues: draft ? (checks.data?.issues ?? saved.issues) : saved.issues,
      checking: draft !== undefined && (checks.isFetching || checks.isPlaceholderData),
      save: async () => {
        if (!draft) return true
        try {
          await saveMutation.mutateAsync({ connectionId, config: draft })
          draftStore.clear(connectionId)
          return true
        } catch {
          return false
        }
      },
      discard: () => {
        draftStore.clear(connectionId)
        saveMutation.reset()
      },
      saving: saveMutation.isPending,
      saveError: saveMutation.error
    }),
    [connectionId, saved, config, draft, update, checks.data, checks.isFetching, checks.isPlaceholderData, saveMutation]
  )
  return <MappingDesignContext.Provider value={value}>{children}</MappingDesignContext.Provider>
}

