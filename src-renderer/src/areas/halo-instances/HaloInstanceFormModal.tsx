/**
 * Adding or editing a Halo instance, in a dialog. The form is checked here exactly as main will
 * check it, so nothing is sent until every field is right; what main still refuses is shown under
 * the field it names, or above the buttons when it names none. Focus goes to the first wrong field.
 */
import { useState } from 'react'
import { Button, Group, Modal, Stack } from '@mantine/core'
import type { HaloInstance } from '../../../../src-shared/contract'
import { parseHaloAddress } from '../../../../src-shared/halo-url'
import { useHaloAction } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useCheckedForm } from '../../components/use-checked-form'
import { advancedFields, checkHaloForm, haloErrorsFromStudioError, newInstanceValues, valuesFromInstance, type HaloFormValues } from './instance-form'
import { InstanceFormFields } from './InstanceFormFields'

export interface HaloInstanceFormModalProps {
  opened: boolean
  /** The instance to edit; absent to add a new one. */
  instance: HaloInstance | undefined
  onClose: () => void
  onSaved?: (instance: HaloInstance) => void
}

export function HaloInstanceFormModal({ opened, instance, onClose, onSaved }: HaloInstanceFormModalProps): React.JSX.Element {
  return (
    <Modal opened={opened} onClose={onClose} title={instance ? 'Edit Halo instance' : 'Add Halo instance'} size="lg">
      <InstanceForm instance={instance} onClose={onClose} onSaved={onSaved} />
    </Modal>
  )
}

function InstanceForm({ instance, onClose, onSaved }: Omit<HaloInstanceFormModalProps, 'opened'>): React.JSX.Element {
  const [advancedOpen, setAdvancedOpen] = useState(false)
  const form = useCheckedForm({
    initial: () => (instance ? valuesFromInstance(instance) : newInstanceValues),
    check: (values: HaloFormValues) => checkHaloForm(values, { id: instance?.id, secretStored: instance?.secretSet ?? false }),
    save: useHaloAction('halo:save'),
    errorsFrom: haloErrorsFromStudioError,
    onSaved: (saved) => {
      onSaved?.(saved)
      onClose()
    },
    onRefused: (found) => {
      if (advancedFields.some((field) => found[field] !== undefined)) setAdvancedOpen(true)
    }
  })
  const { values, set } = form

  /** A Halo-hosted address (acme.halopsa.com) says which deployment and tenant it is. */
  const suggestFromBaseUrl = (): void => {
    if (values.tenant.trim() !== '') return
    try {
      const address = parseHaloAddress(values.baseUrl)
      if (address.looksHosted && address.suggestedTenant) {
        set('deployment', 'hosted')
        set('tenant', address.suggestedTenant)
      }
    } catch {
      // Not an address yet: the check on save says what is wrong.
    }
  }

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={instance ? `Edit ${instance.name}` : 'Add Halo instance'}>
      <Stack gap="lg">
        <InstanceFormFields
          values={values}
          errors={form.errors}
          set={set}
          onBaseUrlBlur={suggestFromBaseUrl}
          secretStored={instance?.secretSet ?? false}
          advancedOpen={advancedOpen}
          onAdvancedOpenChange={setAdvancedOpen}
        />
        {form.failure && <ErrorNotice title="The Halo instance was not saved" error={form.failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={form.saving}>
            {instance ? 'Save changes' : 'Add instance'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
