/**
 * Confirming the removal of a Halo instance: says what goes with it (its keychain entries and its
 * cached look-ups) and that Halo itself is not touched.
 */
import type { HaloInstance } from '../../../../src-shared/contract'
import { useHaloAction } from '../../api/halo'
import { DeleteDialog } from '../../components/DeleteDialog'

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
    <DeleteDialog
      opened={opened}
      title="Delete Halo instance?"
      name={instance?.name ?? null}
      removes={[
        'its client secret and sign-in tokens, deleted from your keychain;',
        'its cached look-ups (sites, roles, teams and the rest), so they are no longer available offline.'
      ]}
      note="Nothing changes in Halo itself. To use this instance again, add it again with its client secret."
      confirmLabel="Delete instance"
      errorTitle="The Halo instance was not deleted"
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        instance &&
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
    />
  )
}
