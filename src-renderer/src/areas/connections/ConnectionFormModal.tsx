/**
 * Adding or editing an Okta connection, in a dialog. The form is checked here exactly as main will
 * check it, so nothing is sent until every field is right; what main still refuses is shown under
 * the field it names, or above the buttons when it names none. Focus goes to the first wrong field.
 */
import { Button, Group, Modal, Stack } from '@mantine/core'
import type { Connection, HaloInstance } from '../../../../src-shared/contract'
import { useConnectionAction } from '../../api/connections'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useCheckedForm } from '../../components/use-checked-form'
import { checkOktaForm, credentialStored, initialValues, oktaErrorsFromStudioError, type OktaFormValues } from './connection-form'
import { ConnectionFormFields } from './ConnectionFormFields'

export interface ConnectionFormModalProps {
  opened: boolean
  /** The connection to edit; absent to add a new one. */
  connection: Connection | undefined
  haloInstances: readonly HaloInstance[]
  onClose: () => void
  onSaved?: (connection: Connection) => void
}

export function ConnectionFormModal({ opened, connection, haloInstances, onClose, onSaved }: ConnectionFormModalProps): React.JSX.Element {
  return (
    <Modal opened={opened} onClose={onClose} title={connection ? 'Edit Okta connection' : 'Add Okta connection'} size="lg">
      <ConnectionForm connection={connection} haloInstances={haloInstances} onClose={onClose} onSaved={onSaved} />
    </Modal>
  )
}

function ConnectionForm({ connection, haloInstances, onClose, onSaved }: Omit<ConnectionFormModalProps, 'opened'>): React.JSX.Element {
  const form = useCheckedForm({
    initial: () => initialValues(connection, haloInstances.map((instance) => instance.id)),
    check: (values: OktaFormValues) => checkOktaForm(values, { id: connection?.id, credentialStored: credentialStored(connection, values.authMode) }),
    save: useConnectionAction('connections:saveOkta'),
    errorsFrom: oktaErrorsFromStudioError,
    onSaved: (saved) => {
      onSaved?.(saved)
      onClose()
    }
  })
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={connection ? `Edit ${connection.name}` : 'Add Okta connection'}>
      <Stack gap="lg">
        <ConnectionFormFields
          values={form.values}
          errors={form.errors}
          set={form.set}
          haloInstances={haloInstances}
          credentialStored={credentialStored(connection, form.values.authMode)}
        />
        {form.failure && <ErrorNotice title="The connection was not saved" error={form.failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.saving}>
            {connection ? 'Save changes' : 'Add connection'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
