/**
 * Adding or editing a Halo instance, in a dialog. The form is checked here exactly as main will
 * check it, so nothing is sent until every field is right; what main still refuses is shown under
 * the field it names, or above the buttons when it names none. Focus goes to the first wrong field.
 */
import { useState } from 'react'
import { Button, Group, Modal, Stack } from '@mantine/core'
import type { HaloInstance, StudioError } from '../../../../src-shared/contract'
import { parseHaloAddress } from '../../../../src-shared/halo-url'
import { useHaloAction } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useFocusFirstInvalid } from '../../components/use-focus-first-invalid'
import {
  advancedFields,
  checkHaloForm,
  haloErrorsFromStudioError,
  newInstanceValues,
  valuesFromInstance,
  type HaloFormErrors,
  type HaloFormField,
  type HaloFormValues
} from './instance-form'
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
  const [values, setValues] = useState<HaloFormValues>(() => (instance ? valuesFromInstance(instance) : newInstanceValues))
  const [errors, setErrors] = useState<HaloFormErrors>({})
  const [failure, setFailure] = useState<StudioError | null>(null)
  const [advancedOpen, setAdvancedOpen] = useState(false)
  const { formRef, refused } = useFocusFirstInvalid()
  const save = useHaloAction('halo:save')

  const set = <F extends HaloFormField>(field: F, value: HaloFormValues[F]): void => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  const refuse = (found: HaloFormErrors): void => {
    setErrors(found)
    if (advancedFields.some((field) => found[field] !== undefined)) setAdvancedOpen(true)
    refused()
  }

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

  const submit = (event: React.SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    setFailure(null)
    const check = checkHaloForm(values, { id: instance?.id, secretStored: instance?.secretSet ?? false })
    if (!check.ok) {
      refuse(check.errors)
      return
    }
    save.mutate(check.form, {
      onSuccess: (saved) => {
        onSaved?.(saved)
        onClose()
      },
      onError: (error) => {
        const mapped = haloErrorsFromStudioError(error)
        refuse(mapped.errors)
        if (mapped.rest) setFailure(error)
      }
    })
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={instance ? `Edit ${instance.name}` : 'Add Halo instance'}>
      <Stack gap="lg">
        <InstanceFormFields
          values={values}
          errors={errors}
          set={set}
          onBaseUrlBlur={suggestFromBaseUrl}
          secretStored={instance?.secretSet ?? false}
          advancedOpen={advancedOpen}
          onAdvancedOpenChange={setAdvancedOpen}
        />
        {failure && <ErrorNotice title="The Halo instance was not saved" error={failure} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {instance ? 'Save changes' : 'Add instance'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
