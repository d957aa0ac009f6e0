/**
 * The snapshot's groups: search by name, each with its kind and member count; choosing a group's
 * members shows them in People. Read page by page from the local snapshot, like people.
 */
import { useState } from 'react'
import { Loader, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import type { DirectoryGroup, SnapshotSummary } from '../../../../src-shared/contract'
import { useSnapshotGroups } from '../../api/connections'
import { ErrorNotice } from '../../components/ErrorNotice'
import { VirtualList } from '../../components/VirtualList'
import { countText } from './connection-labels'
import { GroupRow, RowPlaceholder } from './DirectoryRows'

export interface GroupsBrowserProps {
  connectionId: string
  snapshot: SnapshotSummary
  onShowMembers: (group: DirectoryGroup) => void
}

export function GroupsBrowser({ connectionId, snapshot, onShowMembers }: GroupsBrowserProps): React.JSX.Element {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const groups = useSnapshotGroups(connectionId, debounced)
  return (
    <Stack gap="sm">
      <TextInput
        label="Search groups"
        placeholder="Group name"
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={groups.fetching ? <Loader size={14} aria-hidden /> : null}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      {groups.error && <ErrorNotice title="The groups could not be read from the snapshot" error={groups.error} onRetry={groups.refetch} />}
      <Text size="sm" c="dimmed" aria-live="polite">
        {groups.total === null
          ? 'Reading the snapshot…'
          : debounced.trim() === ''
            ? countText(groups.total, 'group', 'groups')
            : `${groups.total.toLocaleString()} of ${countText(snapshot.groups, 'group', 'groups')} match “${debounced.trim()}”`}
      </Text>
      {groups.total !== null && groups.total > 0 && (
        <VirtualList
          key={debounced}
          count={groups.total}
          label="Groups"
          estimatedRowHeight={58}
          maxHeight={560}
          onRangeChange={groups.onRangeChange}
          renderRow={(index) => {
            const group = groups.rowAt(index)
            return group ? <GroupRow group={group} onShowMembers={onShowMembers} /> : <RowPlaceholder />
          }}
        />
      )}
    </Stack>
  )
}
