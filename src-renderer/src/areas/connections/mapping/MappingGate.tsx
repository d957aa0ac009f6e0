/**
 * Where a connection's design tabs live: the configuration is read once (saved, or the source's
 * defaults) and shared by all of them through MappingDesignProvider, with the save bar above them.
 */
import { Skeleton } from '@mantine/core'
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { useMappingState } from '../../../api/mapping'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { designTabPanels } from './design-tab-panels'
import { MappingDesignProvider } from './MappingDesignProvider'
import { MappingSaveBar } from './MappingSaveBar'

export function MappingGate({ connectionId, onOpenTab, children }: { connectionId: string; onOpenTab: (slug: string) => void; children: React.ReactNode }): React.JSX.Element {
  const state = useMappingState(connectionId)
  if (state.isPending) return <Skeleton h={320} />
  if (state.error) return <ErrorNotice title="The mapping configuration could not be read" error={state.error} onRetry={() => void state.refetch()} />
  const goTo = (issue: ConfigIssue): void => {
    const panel = designTabPanels.find((candidate) => candidate.tab === issue.tab)
    if (panel) onOpenTab(panel.slug)
    if (issue.rowId) setTimeout(() => document.getElementById(`row-${issue.rowId}`)?.scrollIntoView({ block: 'center' }), 100)
  }
  return (
    <MappingDesignProvider connectionId={connectionId} saved={state.data}>
      <MappingSaveBar onGoTo={goTo} />
      {children}
    </MappingDesignProvider>
  )
}
