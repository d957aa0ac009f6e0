/**
 * A connection's Directory tab: the snapshot last fetched, browsed from this computer (so it works
 * with the network off), as People and Groups, and for Entra ID its Intune Devices. Choosing a
 * group's members in Groups shows People filtered to that group. Without a snapshot it says how to
 * take one.
 */
import { useState } from 'react'
import { Button, Tabs, Text } from '@mantine/core'
import { IconDatabaseOff } from '@tabler/icons-react'
import type { Connection } from '../../../../src-shared/contract'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { RelativeTime } from '../../components/RelativeTime'
import { SectionCard } from '../../components/SectionCard'
import { dateTimeText } from '../../components/time-text'
import { DevicesBrowser } from './DevicesBrowser'
import { GroupsBrowser } from './GroupsBrowser'
import { PeopleBrowser } from './PeopleBrowser'
import { allPeople, type PeopleView } from './people-view'

const lists = ['people', 'groups', 'devices'] as const
type List = (typeof lists)[number]

export interface DirectoryTabProps {
  connection: Connection
  /** Opens the Details tab, where the directory is fetched. */
  onFetch: () => void
}

export function DirectoryTab({ connection, onFetch }: DirectoryTabProps): React.JSX.Element {
  const [list, setList] = useState<List>('people')
  const [people, setPeople] = useState<PeopleView>(allPeople)
  const snapshot = connection.snapshot
  if (!snapshot) {
    return (
      <AreaEmptyState
        icon={<IconDatabaseOff size={28} aria-hidden />}
        title="No snapshot yet"
        description="Fetch the directory on the Details tab: its people, groups and memberships are read into a snapshot on this computer, and can be browsed here, offline too."
        actions={<Button onClick={onFetch}>Go to Details</Button>}
      />
    )
  }
  return (
    <SectionCard
      title="Directory"
      description={
        <>
          Snapshot from {dateTimeText(snapshot.fetchedAt)} (<RelativeTime iso={snapshot.fetchedAt} />), kept on this computer:
          browsing it works offline. Fetch the directory again on the Details tab for newer data.
        </>
      }
    >
      <Tabs value={list} onChange={(value) => setList(lists.find((each) => each === value) ?? 'people')} variant="pills" keepMounted={false}>
        <Tabs.List aria-label="Directory lists" mb="md">
          <Tabs.Tab value="people" rightSection={<Count n={snapshot.people} />}>
            People
          </Tabs.Tab>
          <Tabs.Tab value="groups" rightSection={<Count n={snapshot.groups} />}>
            Groups
          </Tabs.Tab>
          {connection.kind === 'entra' && (
            <Tabs.Tab value="devices" rightSection={snapshot.devices === undefined ? null : <Count n={snapshot.devices} />}>
              Devices
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="people">
          <PeopleBrowser connectionId={connection.id} snapshot={snapshot} view={people} onViewChange={setPeople} />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsBrowser
            connectionId={connection.id}
            snapshot={snapshot}
            onShowMembers={(group) => {
              setPeople({ ...allPeople, group: { id: group.id, name: group.name } })
              setList('people')
            }}
          />
        </Tabs.Panel>
        {connection.kind === 'entra' && (
          <Tabs.Panel value="devices">
            <DevicesBrowser connection={connection} snapshot={snapshot} onOpenDetails={onFetch} />
          </Tabs.Panel>
        )}
      </Tabs>
    </SectionCard>
  )
}

function Count({ n }: { n: number }): React.JSX.Element {
  return (
    <Text span size="xs" fw={600} c="inherit">
      {n.toLocaleString()}
    </Text>
  )
}
