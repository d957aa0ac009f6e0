/** Workspace home: the getting-started checklist beside a summary of the workspace. */
import { Grid } from '@mantine/core'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { GettingStartedChecklist } from './GettingStartedChecklist'
import { WorkspaceSummary } from './WorkspaceSummary'

export function HomePage(): React.JSX.Element {
  const info = useProcedureQuery('app:info', {})
  return (
    <>
      <PageHeader
        title="Workspace home"
        description="Connect your company directory to Halo: design how people become Halo users and agents, preview every change, then sync."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <GettingStartedChecklist doneCount={0} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {info.data && <WorkspaceSummary info={info.data} />}
          {info.error && <ErrorNotice title="Workspace details could not be read" error={info.error} onRetry={() => void info.refetch()} />}
        </Grid.Col>
      </Grid>
    </>
  )
}
