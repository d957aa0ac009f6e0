/**
 * "Import users" / "Import agents" on the Imports tab (the seeds' buttons): builds a preview with the
 * saved mappings — Halo read first, or its cache when it cannot be reached — and opens it; links the
 * last preview; lists the connection's recent syncs. Unsaved mapping changes must be saved first.
 */
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { IconDeviceFloppy, IconUsers, IconUserShield } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import type { PlanScope } from '../../../../../src-shared/plan/plan-schema'
import { useBuildPlan, useLatestPlan, useSyncRuns } from '../../../api/plans'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { RelativeTime } from '../../../components/RelativeTime'
import { SectionCard } from '../../../components/SectionCard'
import { previewPath } from '../../../shell/areas'

const runStates: Record<string, { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  interrupted: { label: 'Stopped', color: 'orange' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  completed: { label: 'Completed', color: 'teal' },
  failed: { label: 'Failed', color: 'red' }
}

export function PreviewLauncher({ connectionId, unsaved }: { connectionId: string; unsaved: boolean }): React.JSX.Element {
  const navigate = useNavigate()
  const build = useBuildPlan()
  const latest = useLatestPlan(connectionId)
  const runs = useSyncRuns(connectionId)
  const start = (scope: PlanScope): void => build.mutate({ connectionId, scope, readHalo: true }, { onSuccess: () => void navigate(previewPath(connectionId)) })
  return (
    <SectionCard title="Preview and sync" description="See exactly what an import would do — every record created, updated or deactivated, and why — then apply it. Nothing is written to Halo until you sync.">
      <Stack gap="sm">
        {unsaved && (
          <Alert color="blue" variant="light" icon={<IconDeviceFloppy aria-hidden />}>
            A preview uses the saved mappings: save or discard your changes first.
          </Alert>
        )}
        <Group gap="sm">
          <Button leftSection={<IconUsers size={16} aria-hidden />} disabled={unsaved} loading={build.isPending && build.variables.scope === 'users'} onClick={() => start('users')}>
            Import users
          </Button>
          <Button variant="light" leftSection={<IconUserShield size={16} aria-hidden />} disabled={unsaved} loading={build.isPending && build.variables.scope === 'agents'} onClick={() => start('agents')}>
            Import agents
          </Button>
        </Group>
        {build.error && <ErrorNotice title="The preview could not be built" error={build.error} />}
        {latest.data && (
          <Text size="sm">
            Last preview built <RelativeTime iso={latest.data.builtAt} />.{' '}
            <Anchor component={Link} to={previewPath(connectionId)}>
              Open it
            </Anchor>
          </Text>
        )}
        {runs.data && runs.data.length > 0 && (
          <Table fz="sm" aria-label="Recent syncs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th w={120}>Result</Table.Th>
                <Table.Th>Records</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.data.slice(0, 5).map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>
                    <RelativeTime iso={run.startedAt} />
                    {run.trigger === 'command-line' ? ' (command line)' : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={runStates[run.state]?.color ?? 'gray'} variant="light" tt="none">
                      {runStates[run.state]?.label ?? run.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {run.counts.done.toLocaleString()} done, {run.counts.failed.toLocaleString()} failed, {run.counts.skipped.toLocaleString()} skipped of {run.counts.total.toLocaleString()}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  )
}
