/**
 * Confirming the removal of a connection: says what goes with it (its token or private key in the
 * keychain, and its directory snapshot) and that neither Okta nor Halo is touched.
 */
import type { Connection } from '../../../../src-shared/contract'
import { useConnectionAction } from '../../api/connections'
import { DeleteDialog } from '../../components/DeleteDialog'

export interface DeleteConnectionDialogProps {
  opened: boolean
  connection: Connection | undefined
  onClose: () => void
  onDeleted?: () => void
}

export function DeleteConnectionDialog({ opened, connection, onClose, onDeleted }: DeleteConnectionDialogProps): React.JSX.Element {
  const remove = useConnectionAction('connections:delete')
  const close = (): void => {
    remove.reset()
    onClose()
  }
  const credential = connection?.entra ? `its client secret${connection.entra.signIn === 'delegated' ? ' and the admin’s authorization' : ''}` : connection?.okta?.authMode === 'service_app' ? 'its private key' : 'its API token'
  const directory = connection?.kind === 'entra' ? 'Entra ID' : 'Okta'
  return (
    <DeleteDialog
      opened={opened}
      title="Delete connection?"
      name={connection?.name ?? null}
      removes={[`${credential}, deleted from your keychain;`, 'its directory snapshot (the people and groups last fetched).']}
      note={`Nothing changes in ${directory} or in Halo: people already imported stay in Halo. To use this directory again, add the connection again with its credentials.`}
      confirmLabel="Delete connection"
      errorTitle="The connection was not deleted"
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() =>
        connection &&
        remove.mutate(
          { id: connection.id },
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
