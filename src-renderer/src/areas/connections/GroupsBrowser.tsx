/**
 * The snapshot's groups: search by name, each with its kind and member count; choosing a group's
 * members shows them in People. Read page by page from the local snapshot, like people.
 */
import { useState } from 'react'
import { useDebouncedValue } from '@mantine/hooks'
import type { DirectoryGroup, SnapshotSummary } from '../../../../src-shared/contract'
import { useSnapshotGroups } from '../../api/connections'
import { GroupRow } from './DirectoryRows'
import { SearchedList } from './SearchedList'

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
    <SearchedList
      noun={['group', 'groups']}
      placeholder="Group name"
      search={search}
      onSearchChange={setSearch}
      searched={debounced}
      rows={groups}
      inSnapshot={snapshot.groups}
      estimatedRowHeight={58}
      renderRow={(group) => <GroupRow group={group} onShowMembers={onShowMembers} />}
    />
  )
}
