/**
 * Workspace home: the getting-started checklist (its progress read from the workspace: Halo
 * instances, connections and their snapshots) beside a summary of the workspace.
 */
import { Grid } from '@mantine/core'
import { useConnections } from '../../api/connections'
import { useHaloInstances } from '../../api/halo'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { GettingStartedChecklist } from './GettingStartedChecklist'
import { doneStepCount } from './getting-started-steps'
import { WorkspaceSummary } from './WorkspaceSummary'

export function HomePage(): React.JSX.Element {
  const info = useProcedureQuery('app:info', {})
  const instances = useHaloInstances()
  const connections = useConnections()
  const progress = {
    haloInstances: instances.data?.length ?? 0,
    connections: connections.data?.length ?? 0,
    snapshots: connections.data?.filter((connection) => connection.snapshot !== null).length ?? 0
  }
  return (
    <>
      <PageHeader
        title="Workspace home"
        description="Connect your company directory to Halo: design how people become Halo users and agents, preview every change, then sync."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <GettingStartedChecklist doneCount={doneStepCount(progress)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {info.data && <WorkspaceSummary info={info.data} haloInstances={instances.data?.length ?? null} connections={connections.data?.length ?? null} />}
          {info.error && <ErrorNotice title="Workspace details could not be read" error={info.error} onRetry={() => void info.refetch()} />}
        </Grid.Col>
      </Grid>
    </>
  )
}
