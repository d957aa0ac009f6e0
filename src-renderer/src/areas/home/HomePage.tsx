/**
 * Workspace home. A workspace without connections opens the setup guide (unless the admin closed
 * it); otherwise the dashboard: each connection's health with the action that fixes each problem,
 * the recent runs, and this workspace's details. "Set up a connection" opens the guide, where it was.
 */
import { Button, Grid, Skeleton } from '@mantine/core'
import { IconPlugConnected, IconRoute } from '@tabler/icons-react'
import { Navigate } from 'react-router'
import { useConnections } from '../../api/connections'
import { useGuideProgress } from '../../api/guide'
import { useHaloInstances } from '../../api/halo'
import { useSyncRuns } from '../../api/plans'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { paths } from '../../shell/areas'
import { guideSteps } from '../setup-guide/guide-steps'
import { useOpenGuide } from '../setup-guide/use-open-guide'
import { WorkspaceDashboard } from './WorkspaceDashboard'
import { WorkspaceSummary } from './WorkspaceSummary'

export function HomePage(): React.JSX.Element {
  const info = useProcedureQuery('app:info', {})
  const instances = useHaloInstances()
  const connections = useConnections()
  const runs = useSyncRuns()
  const guide = useGuideProgress()
  const openGuide = useOpenGuide()
  const progress = guide.data
  if (connections.data?.length === 0 && (progress === null || (progress !== undefined && progress.finishedAt === null && !progress.dismissed))) return <Navigate to={paths.setup} replace />
  const underWay = progress && progress.finishedAt === null ? guideSteps.findIndex((step) => step.id === progress.step) : -1
  const summary = info.data ? <WorkspaceSummary info={info.data} haloInstances={instances.data?.length ?? null} connections={connections.data?.length ?? null} /> : null
  return (
    <>
      <PageHeader
        title="Workspace home"
        description="Each connection's health at a glance, with the action that fixes each problem, and the recent runs."
        actions={
          <Button leftSection={<IconRoute size={16} aria-hidden />} loading={openGuide.opening} onClick={openGuide.open} variant={connections.data?.length === 0 ? 'filled' : 'default'}>
            {underWay >= 0 ? `Continue the setup guide (step ${underWay + 1} of ${guideSteps.length})` : 'Set up a connection'}
          </Button>
        }
      />
      {info.error && <ErrorNotice title="Workspace details could not be read" error={info.error} onRetry={() => void info.refetch()} />}
      {connections.error && <ErrorNotice title="The connections could not be read" error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.isPending && <Skeleton h={240} />}
      {connections.data && connections.data.length > 0 && <WorkspaceDashboard connections={connections.data} runs={runs.data} aside={summary} />}
      {connections.data?.length === 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <AreaEmptyState
              icon={<IconPlugConnected size={30} aria-hidden />}
              title="No connections yet"
              description="The setup guide takes you from your Halo instance to a synced directory with single sign-on, checking each step before the next."
              actions={
                <Button leftSection={<IconRoute size={16} aria-hidden />} onClick={openGuide.open} loading={openGuide.opening}>
                  {underWay >= 0 ? 'Continue the setup guide' : 'Start the setup guide'}
                </Button>
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>{summary}</Grid.Col>
        </Grid>
      )}
    </>
  )
}
