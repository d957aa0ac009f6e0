/**
 * Confirming the removal of a Halo instance: says what goes with it (its keychain entries and its
 * cached look-ups) and that Halo itself is not touched. Cancel has the focus, so Enter does no harm.
 */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import type { HaloInstance } from '../../../../src-shared/contract'
import { useHaloAction } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'

export interface DeleteInstanceDialogProps {
  opened: boolean
  instance: HaloInstance | undefined
  onClose: () => void
  onDeleted?: () => void
}

export function DeleteInstanceDialog({ opened, instance, onClose, onDeleted }: DeleteInstanceDialogProps): React.JSX.Element {
  const remove = useHaloAction('halo:delete')
  const close = (): void => {
    remove.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title="Delete Halo instance?" size="md">
      {instance && (
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <b>{instance.name}</b> will be removed from this workspace, with:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>its client secret and sign-in tokens, deleted from your keychain;</List.Item>
            <List.Item>its cached look-ups (sites, roles, teams and the rest), so they are no longer available offline.</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Nothing changes in Halo itself. To use this instance again, add it again with its client secret.
          </Text>
          {remove.error && <ErrorNotice title="The Halo instance was not deleted" error={remove.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: instance.id },
                  {
                    onSuccess: () => {
                      close()
                      onDeleted?.()
                    }
                  }
                )
              }
            >
              Delete instance
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
