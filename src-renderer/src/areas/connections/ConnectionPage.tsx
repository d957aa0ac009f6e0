/**
 * One connection (/connections/:id?tab=…): its name, directory and address, Edit and Delete in the
 * header, then its tabs. Details and Directory open; the tabs later versions bring are shown, marked
 * unavailable, and say what they arrive with (on hover and on keyboard focus). The directory fetch
 * belongs to the page, so it keeps running and reporting while the admin switches tabs. After a
 * delete the page goes back to the list.
 */
import { Alert, Anchor, Button, Group, Skeleton, Tabs, Text } from '@mantine/core'
import { IconArrowLeft, IconDeviceFloppy, IconPencil, IconPlugConnectedX, IconTrash } from '@tabler/icons-react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { Connection } from '../../../../src-shared/contract'
import { useConnections, useDirectoryFetch } from '../../api/connections'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { connectionPath, paths } from '../../shell/areas'
import { useConnectionDialogs } from './connection-dialogs'
import { connectionTabs, openableTab } from './connection-tabs'
import { ConnectionDetailsTab } from './ConnectionDetailsTab'
import { KindBadge } from './ConnectionBadges'
import { directoryAddress } from './connection-labels'
import { DirectoryTab } from './DirectoryTab'
import { designTabPanels } from './mapping/design-tab-panels'
import { useStoredDraft } from './mapping/draft-store'
import { MappingGate } from './mapping/MappingGate'
import { SsoTab } from './sso/SsoTab'

export function ConnectionPage(): React.JSX.Element {
  const { id = '' } = useParams()
  const connections = useConnections()
  const connection = connections.data?.find((each) => each.id === id)
  return (
    <>
      <Anchor component={Link} to={paths.connections} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        Connections
      </Anchor>
      {connections.isPending && <Skeleton h={240} />}
      {connections.error && <ErrorNotice title="The connections could not be read" error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.data && (connection ? <ConnectionView key={connection.id} connection={connection} /> : <ConnectionMissing />)}
    </>
  )
}

function ConnectionView({ connection }: { connection: Connection }): React.JSX.Element {
  const navigate = useNavigate()
  const [search] = useSearchParams()
  const dialogs = useConnectionDialogs({ onDeleted: () => void navigate(paths.connections) })
  const fetch = useDirectoryFetch(connection.id)
  const current = openableTab(search.get('tab') ?? undefined)
  const draft = useStoredDraft(connection.id)
  const onDesignTab = designTabPanels.some((panel) => panel.slug === current.slug)
  const open = (slug: string): void => {
    if (openableTab(slug).slug === slug) void navigate(connectionPath(connection.id, slug === 'details' ? undefined : slug))
  }
  return (
    <>
      <PageHeader
        title={connection.name}
        description={
          <Group gap="xs" component="span">
            <KindBadge kind={connection.kind} />
            {directoryAddress(connection) && (
              <Text span ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                {directoryAddress(connection)}
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => dialogs.edit(connection)}>
              Edit
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => dialogs.remove(connection)}>
              Delete
            </Button>
          </>
        }
      />
      <Tabs value={current.slug} onChange={(slug) => slug && open(slug)} keepMounted={false}>
        <Tabs.List aria-label="Connection set-up" mb="lg">
          {connectionTabs.map((tab) => (
            <Tabs.Tab key={tab.slug} value={tab.slug}>
              {tab.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {draft && !onDesignTab && (
          <Alert color="blue" variant="light" mb="md" icon={<IconDeviceFloppy aria-hidden />} title="Unsaved mapping changes">
            Your changes to this connection’s mappings are kept until you save or discard them on a mapping tab.{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => open(designTabPanels[0]?.slug ?? 'field-mappings')}>
              Go to the mappings
            </Anchor>
          </Alert>
        )}
        <Tabs.Panel value="details">
          <ConnectionDetailsTab connection={connection} fetch={fetch} onBrowse={() => open('directory')} />
        </Tabs.Panel>
        <Tabs.Panel value="directory">
          <DirectoryTab connection={connection} onFetch={() => open('details')} />
        </Tabs.Panel>
        <Tabs.Panel value="sso">
          <SsoTab connection={connection} />
        </Tabs.Panel>
        {onDesignTab && (
          <MappingGate connectionId={connection.id} onOpenTab={open}>
            {designTabPanels.map(({ slug, Panel }) => (
              <Tabs.Panel key={slug} value={slug}>
                <Panel />
              </Tabs.Panel>
            ))}
          </MappingGate>
        )}
      </Tabs>
      {dialogs.dialogs}
    </>
  )
}

function ConnectionMissing(): React.JSX.Element {
  return (
    <>
      <PageHeader title="Connection not found" description="The address names a connection this workspace does not have." />
      <AreaEmptyState
        icon={<IconPlugConnectedX size={28} aria-hidden />}
        title="This connection is not in the workspace"
        description="It may have been deleted. The list shows the connections this workspace has."
        actions={
          <Button component={Link} to={paths.connections}>
            Go to connections
          </Button>
        }
      />
    </>
  )
}
