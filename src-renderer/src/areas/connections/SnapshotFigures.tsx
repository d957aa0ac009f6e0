/**
 * What a snapshot holds: when it was taken, people, groups, memberships, (Okta) apps and (Entra,
 * when read) licences and Intune devices, people per status, and what reading it took (everything
 * or only the changes, requests, time, rate-limit waits) with anything the admin should know about
 * the read, and the way to browse it.
 */
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react'
import type { SnapshotSummary } from '../../../../src-shared/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { dateTimeText, durationText } from '../../components/time-text'
import { countText, statusColor, statusLabel } from './connection-labels'

/** `directory`: who was read, e.g. "Okta". */
export function SnapshotFigures({ snapshot, directory, onBrowse }: { snapshot: SnapshotSummary; directory: string; onBrowse: () => void }): React.JSX.Element {
  const figures: [string, number][] = [
    ['People', snapshot.people],
    ['Groups', snapshot.groups],
    ['Memberships', snapshot.memberships],
    // Entra snapshots hold no apps: an empty box would look like a failure.
    ...(snapshot.mode === undefined || snapshot.apps > 0 ? ([['Apps', snapshot.apps]] satisfies [string, number][]) : []),
    ...(snapshot.licences === undefined ? [] : ([['Licences', snapshot.licences]] satisfies [string, number][])),
    ...(snapshot.devices === undefined ? [] : ([['Devices', snapshot.devices]] satisfies [string, number][]))
  ]
  return (
    <Stack gap="md" data-snapshot={snapshot.id}>
      <Text size="sm">
        Snapshot from {dateTimeText(snapshot.fetchedAt)}{' '}
        <Text span c="dimmed" inherit>
          (<RelativeTime iso={snapshot.fetchedAt} />)
        </Text>
      </Text>
      {/* Five or six boxes in a row only where each has room for "MEMBERSHIPS". */}
      <SimpleGrid cols={{ base: 2, sm: figures.length > 4 ? 3 : figures.length, md: figures.length }} spacing="sm" component="dl" m={0} aria-label="Snapshot figures">
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
      {snapshot.note && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-snapshot-note>
          <Text size="sm">{snapshot.note}</Text>
        </Alert>
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {snapshot.mode === 'delta' ? 'Only the changes since the last fetch were read' : snapshot.mode === 'full' ? 'Everything was read' : 'Read'} with {countText(snapshot.requests, 'request', 'requests')} in {durationText(snapshot.durationMs)}
          {snapshot.rateLimited > 0 && `; ${directory} asked to slow down ${countText(snapshot.rateLimited, 'time', 'times')}`}.
        </Text>
        <Button variant="light" size="xs" rightSection={<IconArrowRight size={14} aria-hidden />} onClick={onBrowse}>
          Browse people and groups
        </Button>
      </Group>
    </Stack>
  )
}
