/**
 * The snapshot's people: search (name, login, email or employee number), a status filter with the
 * count of each, and a group filter; a virtualised list read page by page from the snapshot, so a
 * directory of tens of thousands scrolls smoothly. Everything here reads the local snapshot only.
 */
import { Button, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import type { SnapshotSummary } from '../../../../src-shared/contract'
import { useSnapshotPeople } from '../../api/connections'
import { ErrorNotice } from '../../components/ErrorNotice'
import { VirtualList } from '../../components/VirtualList'
import { countText, statusLabel } from './connection-labels'
import { PersonRow, RowPlaceholder } from './DirectoryRows'
import { GroupFilter } from './GroupFilter'
import { allPeople, type PeopleView } from './people-view'

export interface PeopleBrowserProps {
  connectionId: string
  snapshot: SnapshotSummary
  view: PeopleView
  onViewChange: (view: PeopleView) => void
}

export function PeopleBrowser({ connectionId, snapshot, view, onViewChange }: PeopleBrowserProps): React.JSX.Element {
  const [search] = useDebouncedValue(view.search, 200)
  const filter = { search, status: view.status, groupId: view.group?.id ?? null }
  const people = useSnapshotPeople(connectionId, filter)
  const filtered = search.trim() !== '' || view.status !== null || view.group !== null
  const statuses = Object.entries(snapshot.statusCounts)
    .sort(([, a], [, b]) => b - a)
    .map(([status, count]) => ({ value: status, label: `${statusLabel(status)} (${count.toLocaleString()})` }))
  const set = (change: Partial<PeopleView>): void => onViewChange({ ...view, ...change })
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search people"
          placeholder="Name, login, email or employee number"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={people.fetching ? <Loader size={14} aria-hidden /> : null}
          value={view.search}
          onChange={(event) => set({ search: event.currentTarget.value })}
          style={{ flex: '2 1 240px' }}
        />
        <Select label="Status" placeholder="Any status" clearable data={statuses} value={view.status} onChange={(status) => set({ status })} style={{ flex: '1 1 180px' }} />
        <GroupFilter connectionId={connectionId} value={view.group} onChange={(group) => set({ group })} style={{ flex: '1 1 200px' }} />
      </Group>
      {people.error && <ErrorNotice title="The people could not be read from the snapshot" error={people.error} onRetry={people.refetch} />}
      <Group gap="sm" justify="space-between" mih={30}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {people.total === null
            ? 'Reading the snapshot…'
            : filtered
              ? `${people.total.toLocaleString()} of ${countText(snapshot.people, 'person', 'people')} match`
              : countText(people.total, 'person', 'people')}
        </Text>
        {filtered && (
          <Button size="compact-sm" variant="subtle" onClick={() => onViewChange(allPeople)}>
            Clear filters
          </Button>
        )}
      </Group>
      {people.total !== null && people.total > 0 && (
        <VirtualList
          key={JSON.stringify(filter)}
          count={people.total}
          label="People"
          estimatedRowHeight={62}
          maxHeight={560}
          onRangeChange={people.onRangeChange}
          renderRow={(index) => {
            const person = people.rowAt(index)
            return person ? <PersonRow person={person} /> : <RowPlaceholder />
          }}
        />
      )}
    </Stack>
  )
}
