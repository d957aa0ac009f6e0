/**
 * Adding or editing a connection (Okta or Entra ID), in a dialog. The form is checked here exactly
 * as main will check it, so nothing is sent until every field is right; what main still refuses is
 * shown under the field it names, or above the buttons when it names none. Focus goes to the first
 * wrong field (the Entra form first opens its folded hosts section when a host is wrong).
 */
import { useState } from 'react'
import { Button, Group, Modal, Stack } from '@mantine/core'
import type { Connection, HaloInstance, StudioError } from '../../../../src-shared/contract'
import { useConnectionAction } from '../../api/connections'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useCheckedForm } from '../../components/use-checked-form'
import { checkOktaForm, credentialStored, initialValues, oktaErrorsFromStudioError, type OktaFormValues } from './connection-form'
import { kindLabels } from './connection-labels'
import { ConnectionFormFields } from './ConnectionFormFields'
import { checkEntraForm, customHosts, entraErrorsFromStudioError, entraSecretStored, initialEntraValues, type EntraFormValues } from './entra-form'
import { EntraFormFields } from './EntraFormFields'

export interface ConnectionFormModalProps {
  opened: boolean
  /** The connection to edit; absent to add a new one of `kind`. */
  connection: Connection | undefined
  kind: Connection['kind']
  haloInstances: readonly HaloInstance[]
  onClose: () => void
  onSaved?: (connection: Connection) => void
}

type FormProps = Omit<ConnectionFormModalProps, 'opened' | 'kind'>

export function ConnectionFormModal({ opened, connection, kind, ...props }: ConnectionFormModalProps): React.JSX.Element {
  const shown = connection?.kind ?? kind
  const title = `${connection ? 'Edit' : 'Add'} ${kindLabels[shown]} connection`
  return (
    <Modal opened={opened} onClose={props.onClose} title={title} size="lg">
      {shown === 'entra' ? <EntraConnectionForm connection={connection} {...props} /> : <OktaConnectionForm connection={connection} {...props} />}
    </Modal>
  )
}

function OktaConnectionForm({ connection, haloInstances, onClose, onSaved }: FormProps): React.JSX.Element {
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
    <FormFrame label={connection ? `Edit ${connection.name}` : 'Add Okta connection'} editing={connection !== undefined} onSubmit={form.onSubmit} failure={form.failure} saving={form.saving} onClose={onClose}>
      <ConnectionFormFields values={form.values} errors={form.errors} set={form.set} haloInstances={haloInstances} credentialStored={credentialStored(connection, form.values.authMode)} />
    </FormFrame>
  )
}

function EntraConnectionForm({ connection, haloInstances, onClose, onSaved }: FormProps): React.JSX.Element {
  const [hostsOpen, setHostsOpen] = useState(() => customHosts(initialEntraValues(connection, [])))
  const form = useCheckedForm({
    initial: () => initialEntraValues(connection, haloInstances.map((instance) => instance.id)),
    check: (values: EntraFormValues) => checkEntraForm(values, { id: connection?.id, secretStored: entraSecretStored(connection) }),
    save: useConnectionAction('connections:saveEntra'),
    errorsFrom: entraErrorsFromStudioError,
    onRefused: (errors) => {
      if (errors.authorityHost || errors.graphHost) setHostsOpen(true)
    },
    onSaved: (saved) => {
      onSaved?.(saved)
      onClose()
    }
  })
  return (
    <FormFrame label={connection ? `Edit ${connection.name}` : 'Add Entra ID connection'} editing={connection !== undefined} onSubmit={form.onSubmit} failure={form.failure} saving={form.saving} onClose={onClose}>
      <EntraFormFields values={form.values} errors={form.errors} set={form.set} haloInstances={haloInstances} secretStored={entraSecretStored(connection)} hostsOpen={hostsOpen} onHostsOpenChange={setHostsOpen} />
    </FormFrame>
  )
}

/** The form element around either form's fields: what main refused, Cancel and the save button. */
function FormFrame(props: { label: string; editing: boolean; onSubmit: (event: React.SubmitEvent<HTMLFormElement>) => void; failure: StudioError | null; saving: boolean; onClose: () => void; children: React.ReactNode }): React.JSX.Element {
  return (
    <form onSubmit={props.onSubmit} noValidate aria-label={props.label}>
      <Stack gap="lg">
        {props.children}
        {props.failure && <ErrorNotice title="The connection was not saved" error={props.failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={props.saving}>
            {props.editing ? 'Save changes' : 'Add connection'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
