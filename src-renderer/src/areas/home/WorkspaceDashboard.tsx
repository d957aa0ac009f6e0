/**
 * The workspace dashboard: each connection's health (read from its last test, snapshot, newest
 * preview, last sync and single sign-on), the connections with problems first, beside the timeline
 * of recent runs.
 */
import { Grid, Skeleton, Stack } from '@mantine/core'
import { useQueries } from '@tanstack/react-query'
import type { Connection, RunView } from '../../../../src-shared/contract'
import { procedureQuery } from '../../api/procedure-hooks'
import { useStudioClient } from '../../api/studio-context'
import { ErrorNotice } from '../../components/ErrorNotice'
import { connectionHealth, worstLevel, type HealthItem, type HealthLevel } from './connection-health'
import { ConnectionHealthCard } from './ConnectionHealthCard'
import { RecentRunsTimeline } from './RecentRunsTimeline'

const attentionOrder: readonly HealthLevel[] = ['problem', 'warning', 'info', 'ok']

export function WorkspaceDashboard({ connections, runs, aside }: { connections: readonly Connection[]; runs: readonly RunView[] | undefined; aside: React.ReactNode }): React.JSX.Element {
  const client = useStudioClient()
  const plans = useQueries({ queries: connections.map((connection) => procedureQuery(client, 'plan:latest', { connectionId: connection.id })) })
  const sso = useQueries({ queries: connections.map((connection) => procedureQuery(client, 'sso:get', { connectionId: connection.id })) })
  const now = new Date()
  const health = connections.map((connection, index): { connection: Connection; items: HealthItem[] } => ({
    connection,
    items: connectionHealth({ connection, plan: plans[index]?.data, lastRun: runs?.find((run) => run.connectionId === connection.id) ?? null, sso: sso[index]?.data }, now)
  }))
  const sorted = [...health].sort((a, b) => attentionOrder.indexOf(worstLevel(a.items)) - attentionOrder.indexOf(worstLevel(b.items)))
  const failed = [...plans, ...sso].find((query) => query.error)?.error
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg" aria-label="Connection health" role="region">
          {failed && <ErrorNotice title="Part of the connections' health could not be read" error={failed} />}
          {sorted.map(({ connection, items }) => (
            <ConnectionHealthCard key={connection.id} connection={connection} items={items} />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          {runs ? <RecentRunsTimeline runs={runs} connectionNames={new Map(connections.map((connection) => [connection.id, connection.name]))} /> : <Skeleton h={160} />}
          {aside}
        </Stack>
      </Grid.Col>
    </Grid>
  )
}
