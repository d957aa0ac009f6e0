/**
 * Sync runs in a table: when each started (and from where), its result, its operation counts, and
 * its report as CSV or JSON; with the connection's name (a link to its preview) when runs of several
 * connections are listed.
 */
import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core'
import { IconFileTypeCsv, IconJson } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { RunView } from '../../../../src-shared/contract'
import { useDownload } from '../../api/plans'
import { useStudioClient } from '../../api/studio-context'
import { RelativeTime } from '../../components/RelativeTime'
import { previewPath } from '../../shell/areas'
import { runStates } from './run-labels'

export interface RunsTableProps {
  runs: readonly RunView[]
  label: string
  /** Connection names by id: shown (as links to their previews) when given. */
  connectionNames?: ReadonlyMap<string, string>
}

export function RunsTable({ runs, label, connectionNames }: RunsTableProps): React.JSX.Element {
  const client = useStudioClient()
  const download = useDownload()
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {connectionNames && <Table.Th>Connection</Table.Th>}
            <Table.Th>Started</Table.Th>
            <Table.Th w={120}>Result</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th w={90}>Report</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              {connectionNames && (
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={previewPath(run.connectionId)} size="sm">
                    {connectionNames.get(run.connectionId) ?? 'Deleted connection'}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <RelativeTime iso={run.startedAt} />
                {run.trigger === 'command-line' ? ' (command line)' : ''}
              </Table.Td>
              <Table.Td>
                <Tooltip label={run.error ?? ''} disabled={!run.error || run.state === 'completed'} multiline w={320}>
                  <Badge color={runStates[run.state].color} variant="light" tt="none">
                    {runStates[run.state].label}
                  </Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {run.counts.done.toLocaleString()} done, {run.counts.failed.toLocaleString()} failed, {run.counts.skipped.toLocaleString()} skipped of {run.counts.total.toLocaleString()}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" aria-label="Report as CSV" onClick={() => void download(() => client.call('sync:exportReport', { runId: run.id, format: 'csv' }), 'text/csv')}>
                    <IconFileTypeCsv size={18} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label="Report as JSON" onClick={() => void download(() => client.call('sync:exportReport', { runId: run.id, format: 'json' }), 'application/json')}>
                    <IconJson size={18} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
