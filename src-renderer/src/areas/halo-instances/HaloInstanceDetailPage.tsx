/**
 * One Halo instance (/halo-instances/:id): what the demo sandbox is (when it is one), its settings
 * and sign-in, "Test connection" with the checklist, and the cached look-ups with Refresh. Edit and Delete are in the header; after a delete
 * the page goes back to the list.
 */
import { Alert, Anchor, Button, Grid, Group, Skeleton, Stack, Text } from '@mantine/core'
import { IconArrowLeft, IconFlask, IconPencil, IconServerOff, IconTrash } from '@tabler/icons-react'
import { Link, useNavigate, useParams } from 'react-router'
import type { HaloInstance } from '../../../../src-shared/contract'
import { useHaloAction, useHaloInstances } from '../../api/halo'
import { HaloTestCard } from './HaloTestCard'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { paths } from '../../shell/areas'
import { DemoBadge } from './InstanceBadges'
import { InstanceDetailsCard } from './InstanceDetailsCard'
import { LookupsViewer } from './LookupsViewer'
import { useInstanceDialogs } from './instance-dialogs'

export function HaloInstanceDetailPage(): React.JSX.Element {
  const { id = '' } = useParams()
  const instances = useHaloInstances()
  const instance = instances.data?.find((each) => each.id === id)
  return (
    <>
      <Anchor component={Link} to={paths.haloInstances} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        Halo instances
      </Anchor>
      {instances.isPending && <Skeleton h={240} />}
      {instances.error && <ErrorNotice title="The Halo instances could not be read" error={instances.error} onRetry={() => void instances.refetch()} />}
      {instances.data && (instance ? <InstanceDetail key={instance.id} instance={instance} /> : <InstanceMissing />)}
    </>
  )
}

function InstanceDetail({ instance }: { instance: HaloInstance }): React.JSX.Element {
  const navigate = useNavigate()
  const dialogs = useInstanceDialogs({ onDeleted: () => void navigate(paths.haloInstances) })
  const test = useHaloAction('halo:test')
  const refresh = useHaloAction('halo:refreshLookups')
  // A later successful test reached Halo, so an earlier offline refresh no longer applies.
  const reachedSince = test.data?.ok === true && test.submittedAt > refresh.submittedAt
  const offlineReason = refresh.data?.offline && !reachedSince ? (refresh.data.reason ?? 'Halo could not be reached.') : null
  return (
    <>
      <PageHeader
        title={instance.name}
        description={
          <Group gap="xs" component="span">
            {instance.isDemo && <DemoBadge />}
            <Text span ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
              {instance.baseUrl}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => dialogs.edit(instance)}>
              Edit
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => dialogs.remove(instance)}>
              Delete
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        {instance.isDemo && (
          <Alert variant="light" color="grape" icon={<IconFlask aria-hidden />} title="This is the demo sandbox">
            <Text size="sm">
              A Halo API running inside Identity Studio on this computer, with a made-up company. Try anything here: nothing
              reaches a real Halo. Delete it when you no longer need it; it is not added again.
            </Text>
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <InstanceDetailsCard instance={instance} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <HaloTestCard instance={instance} test={test} />
          </Grid.Col>
        </Grid>
        <LookupsViewer
          instance={instance}
          refreshing={refresh.isPending}
          refreshError={refresh.error}
          offlineReason={offlineReason}
          onRefresh={() => refresh.mutate({ id: instance.id })}
        />
      </Stack>
      {dialogs.dialogs}
    </>
  )
}

function InstanceMissing(): React.JSX.Element {
  return (
    <>
      <PageHeader title="Halo instance not found" description="The address names a Halo instance this workspace does not have." />
      <AreaEmptyState
        icon={<IconServerOff size={28} aria-hidden />}
        title="This Halo instance is not in the workspace"
        description="It may have been deleted. The list shows the instances this workspace has."
        actions={
          <Button component={Link} to={paths.haloInstances}>
            Go to Halo instances
          </Button>
        }
      />
    </>
  )
}
