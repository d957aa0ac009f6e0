/**
 * The SSO settings form: the provider's fields (Okta or Entra ID), who may sign in, and automatic
 * redirect — which can be switched on only once a test sign-in passed for the saved settings. Save
 * checks the form as main does first (each issue under its field, nothing sent), then keeps the
 * settings; nothing reaches Halo until Apply. Unsaved edits are marked.
 */
import { useEffect, useState } from 'react'
import { Badge, Button, Group, Input, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import { IconDeviceFloppy } from '@tabler/icons-react'
import type { Connection, SsoAudience, SsoSettings, SsoState } from '../../../../../src-shared/contract'
import type { FieldErrors } from '../../../api/form-check'
import { useSsoAction } from '../../../api/sso'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SectionCard } from '../../../components/SectionCard'
import { EntraSsoFields } from './EntraSsoFields'
import { OktaSsoFields } from './OktaSsoFields'
import { checkSsoSettings, isUnsaved, ssoErrorsFrom, type SsoField, type SsoFormValues } from './sso-form'

const audiences: Array<{ value: SsoAudience; label: string }> = [
  { value: 'both', label: 'Agents and users' },
  { value: 'agents', label: 'Agents only' },
  { value: 'users', label: 'Users only' }
]

export function SsoSettingsCard({ connection, state }: { connection: Connection; state: SsoState }): React.JSX.Element {
  const save = useSsoAction('sso:save')
  const [values, setValues] = useState<SsoFormValues>({ settings: state.settings, haloConnectionId: state.haloConnectionId })
  const [errors, setErrors] = useState<FieldErrors<SsoField>>({})
  // The refused form, anew for each refusal; its first invalid field is focused once rendered.
  const [refusal, setRefusal] = useState<{ form: HTMLFormElement } | null>(null)
  useEffect(() => {
    refusal?.form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusal])

  const unsaved = isUnsaved(values, state)
  const provider = connection.kind === 'okta' ? 'Okta' : 'Azure'
  const change = (settings: SsoSettings, field?: SsoField): void => {
    setValues((current) => ({ ...current, settings }))
    if (field) setErrors((current) => ({ ...current, [field]: undefined }))
  }
  const refuse = (form: HTMLFormElement, found: FieldErrors<SsoField>): void => {
    setErrors(found)
    setRefusal({ form })
  }
  const onSubmit = (event: React.SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const form = event.currentTarget
    save.reset()
    const check = checkSsoSettings(values.settings)
    if (!check.ok) return refuse(form, check.errors)
    save.mutate(
      { connectionId: connection.id, settings: check.form, haloConnectionId: values.haloConnectionId },
      {
        onSuccess: (saved) => setValues({ settings: saved.settings, haloConnectionId: saved.haloConnectionId }),
        onError: (error) => refuse(form, ssoErrorsFrom(error).errors)
      }
    )
  }
  const redirectAllowed = state.tested || values.settings.autoRedirect
  return (
    <SectionCard
      title="Single sign-on settings"
      description={`Kept in Identity Studio until you apply them to Halo below. Each field says where to find it in ${provider}.`}
      aside={
        unsaved ? (
          <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
            {state.saved ? 'Unsaved changes' : 'Not saved yet'}
          </Badge>
        ) : (
          <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
            Saved
          </Badge>
        )
      }
    >
      <form onSubmit={onSubmit} noValidate aria-label="Single sign-on settings">
        <Stack gap="md">
          {values.settings.kind === 'okta' ? (
            <OktaSsoFields settings={values.settings} orgUrl={connection.okta?.orgUrl ?? ''} errors={errors} onChange={change} />
          ) : (
            <EntraSsoFields
              connectionId={connection.id}
              settings={values.settings}
              haloConnectionId={values.haloConnectionId}
              errors={errors}
              onChange={change}
              onHaloConnection={(haloConnectionId) => setValues((current) => ({ ...current, haloConnectionId }))}
            />
          )}
          <Input.Wrapper label="Single sign-on for" description="Who sees the single sign-on button on Halo’s login page: agents, users or both.">
            <SegmentedControl mt={4} value={values.settings.audience} data={audiences} onChange={(audience) => change({ ...values.settings, audience: audiences.find((each) => each.value === audience)?.value ?? 'both' })} />
          </Input.Wrapper>
          <Switch
            label={connection.kind === 'okta' ? 'Automatically redirect to Okta' : 'Automatically redirect agents and users to Azure without showing the Halo login screen'}
            description={
              <>
                {redirectAllowed ? 'Halo skips its own login page and sends everyone straight to the sign-in.' : 'Can be switched on once a test sign-in has passed for the saved settings.'}
                <Text span display="block" size="xs" c="orange" mt={2}>
                  Test sign-in before enabling this, to make sure agents and users are not locked out of Halo.
                </Text>
              </>
            }
            checked={values.settings.autoRedirect}
            disabled={!redirectAllowed}
            onChange={(event) => change({ ...values.settings, autoRedirect: event.currentTarget.checked })}
          />
          {save.error && ssoErrorsFrom(save.error).rest && <ErrorNotice title="The settings were not saved" error={save.error} />}
          <Group gap="sm">
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={save.isPending}>
              Save settings
            </Button>
            {unsaved && state.saved && (
              <Text size="sm" c="dimmed">
                Checks, the test sign-in and Apply use the saved settings.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </SectionCard>
  )
}
