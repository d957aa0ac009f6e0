/**
 * Halo instances: the HaloITSM / HaloPSA systems imports go into. Lists the saved instances with
 * Add, Edit and Delete; with none yet, says what to have ready and what an instance holds. A new
 * instance opens on its own page, where it can be tested.
 */
import { Button, Skeleton, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import { useHaloInstances } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { instancePath } from '../../shell/areas'
import { HaloInstanceList } from './HaloInstanceList'
import { HaloInstancesIntro } from './HaloInstancesIntro'
import { useInstanceDialogs } from './instance-dialogs'

export function HaloInstancesPage(): React.JSX.Element {
  const instances = useHaloInstances()
  const navigate = useNavigate()
  const dialogs = useInstanceDialogs({ onSaved: (saved, added) => added && void navigate(instancePath(saved.id)) })
  const hasInstances = (instances.data?.length ?? 0) > 0
  return (
    <>
      <PageHeader
        title="Halo instances"
        description="The HaloITSM or HaloPSA systems your directory imports into, and how Identity Studio signs in to their API."
        actions={
          hasInstances && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialogs.add}>
              Add Halo instance
            </Button>
          )
        }
      />
      {instances.isPending && (
        <Stack gap="sm">
          <Skeleton h={120} />
          <Skeleton h={120} />
        </Stack>
      )}
      {instances.error && <ErrorNotice title="The Halo instances could not be read" error={instances.error} onRetry={() => void instances.refetch()} />}
      {instances.data &&
        (hasInstances ? (
          <HaloInstanceList instances={instances.data} onEdit={dialogs.edit} onDelete={dialogs.remove} />
        ) : (
          <HaloInstancesIntro onAdd={dialogs.add} />
        ))}
      {dialogs.dialogs}
    </>
  )
}
