/**
 * What a snapshot holds: when it was taken, people, groups, memberships and apps, people per status,
 * and what reading it took (requests, time, rate-limit waits), with the way to browse it.
 */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import type { SnapshotSummary } from '../../../../src-shared/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { dateTimeText, durationText } from '../../components/time-text'
import { countText, statusColor, statusLabel } from './connection-labels'

export function SnapshotFigures({ snapshot, onBrowse }: { snapshot: SnapshotSummary; onBrowse: () => void }): React.JSX.Element {
  const figures: [string, number][] = [
    ['People', snapshot.people],
    ['Groups', snapshot.groups],
    ['Memberships', snapshot.memberships],
    ['Apps', snapshot.apps]
  ]
  return (
    <Stack gap="md" data-snapshot={snapshot.id}>
      <Text size="sm">
        Snapshot from {dateTimeText(snapshot.fetchedAt)}{' '}
        <Text span c="dimmed" inherit>
          (<RelativeTime iso={snapshot.fetchedAt} />)
        </Text>
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0} aria-label="Snapshot figures">
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm" radius="md">
            <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
              {label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={650}>
              {value.toLocaleString()}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="People by status">
        {Object.entries(snapshot.statusCounts)
          .sort(([, a], [, b]) => b - a)
          .map(([status, count]) => (
            <Badge component="li" key={status} color={statusColor(status)} variant="light" tt="none" fw={500} size="lg">
              {statusLabel(status)} · {count.toLocaleString()}
            </Badge>
          ))}
      </Group>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          Read with {countText(snapshot.requests, 'request', 'requests')} in {durationText(snapshot.durationMs)}
          {snapshot.rateLimited > 0 && `; Okta asked to slow down ${countText(snapshot.rateLimited, 'time', 'times')}`}.
        </Text>
        <Button variant="light" size="xs" rightSection={<IconArrowRight size={14} aria-hidden />} onClick={onBrowse}>
          Browse people and groups
        </Button>
      </Group>
    </Stack>
  )
}
