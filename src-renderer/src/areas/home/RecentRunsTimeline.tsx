/**
 * The dashboard's timeline of recent syncs across the workspace, newest first: which connection,
 * the result, the records done and failed, and when; each links to that connection's preview. All
 * runs are on the Runs page.
 */
import { Anchor, Badge, Group, Text, Timeline } from '@mantine/core'
import { Link } from 'react-router'
import type { RunView } from '../../../../src-shared/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { SectionCard } from '../../components/SectionCard'
import { paths, previewPath } from '../../shell/areas'
import { runStates } from '../runs/run-labels'

/** How many runs the timeline shows. */
export const timelineLength = 8

export function RecentRunsTimeline({ runs, connectionNames }: { runs: readonly RunView[]; connectionNames: ReadonlyMap<string, string> }): React.JSX.Element {
  const recent = runs.slice(0, timelineLength)
  return (
    <SectionCard title="Recent runs" description={recent.length === 0 ? 'No sync has run yet. Runs appear here once a preview is synced.' : undefined}>
      {recent.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Recent runs">
          {recent.map((run) => {
            const state = runStates[run.state]
            return (
              <Timeline.Item key={run.id} color={state.color} title={<RunTitle run={run} name={connectionNames.get(run.connectionId) ?? 'Deleted connection'} />}>
                <Text size="xs" c="dimmed">
                  <RelativeTime iso={run.finishedAt ?? run.startedAt} />
                  {run.trigger === 'command-line' ? ' · command line' : ''}
                  {` · ${run.counts.done.toLocaleString('en')} done`}
                  {run.counts.failed > 0 ? `, ${run.counts.failed.toLocaleString('en')} failed` : ''}
                </Text>
              </Timeline.Item>
            )
          })}
        </Timeline>
      )}
      {runs.length > 0 && (
        <Anchor component={Link} to={paths.runs} size="sm">
          All runs
        </Anchor>
      )}
    </SectionCard>
  )
}

function RunTitle({ run, name }: { run: RunView; name: string }): React.JSX.Element {
  const state = runStates[run.state]
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      <Anchor component={Link} to={previewPath(run.connectionId)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {name}
      </Anchor>
      <Badge size="xs" variant="light" color={state.color} tt="none" style={{ flexShrink: 0 }}>
        {state.label}
      </Badge>
    </Group>
  )
}
