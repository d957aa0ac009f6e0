/**
 * Connections: each binds one directory (an Okta org, or an Entra ID tenant) to one Halo instance.
 * Lists the saved connections with Add (Okta or Entra ID), Edit and Delete; with none yet, says what each directory
 * needs and how a connection is set up; adding one needs a Halo instance first (and a Halo instance
 * cannot be deleted while connections import into it). A new connection opens on its own page,
 * where its credentials can be tested and its directory fetched.
 */
import { Button, Menu, Skeleton, Stack } from '@mantine/core'
import { IconBrandAzure, IconRoute, IconChevronDown, IconIdBadge2, IconPlus } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import { useConnections } from '../../api/connections'
import { useHaloInstances } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { connectionPath } from '../../shell/areas'
import { useConnectionDialogs } from './connection-dialogs'
import { ConnectionList } from './ConnectionList'
import { ConnectionsIntro } from './ConnectionsIntro'
import { useOpenGuide } from '../setup-guide/use-open-guide'

export function ConnectionsPage(): React.JSX.Element {
  const connections = useConnections()
  const instances = useHaloInstances()
  const navigate = useNavigate()
  const dialogs = useConnectionDialogs({ onSaved: (saved, added) => added && void navigate(connectionPath(saved.id)) })
  const guide = useOpenGuide()
  const hasConnections = (connections.data?.length ?? 0) > 0
  const hasHaloInstance = (instances.data?.length ?? 0) > 0
  const failure = connections.error ?? instances.error
  return (
    <>
      <PageHeader
        title="Connections"
        description="Each connection reads people and groups from one directory and imports them into one Halo instance."
        actions={
          hasConnections && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button leftSection={<IconPlus size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
                  Add connection
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconIdBadge2 size={16} aria-hidden />} onClick={() => dialogs.add('okta')}>
                  Okta
                </Menu.Item>
                <Menu.Item leftSection={<IconBrandAzure size={16} aria-hidden />} onClick={() => dialogs.add('entra')}>
                  Microsoft Entra ID
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<IconRoute size={16} aria-hidden />} onClick={guide.open}>
                  With the setup guide…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      {(connections.isPending || instances.isPending) && !failure && (
        <Stack gap="sm">
          <Skeleton h={140} />
          <Skeleton h={140} />
        </Stack>
      )}
      {failure && (
        <ErrorNotice
          title="The connections could not be read"
          error={failure}
          onRetry={() => {
            void connections.refetch()
            void instances.refetch()
          }}
        />
      )}
      {connections.data &&
        instances.data &&
        (hasConnections ? (
          <ConnectionList connections={connections.data} onEdit={dialogs.edit} onDelete={dialogs.remove} />
        ) : (
          <ConnectionsIntro hasHaloInstance={hasHaloInstance} onAdd={dialogs.add} />
        ))}
      {dialogs.dialogs}
    </>
  )
}
