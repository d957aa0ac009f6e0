/**
 * The Okta part of the SSO settings: on or off, the OIDC app's client ID, the authorization server
 * (the org's, or a custom one by its ID) and the issuer that follows from it, shown read-only.
 */
import { Input, Radio, Stack, Switch, TextInput } from '@mantine/core'
import { oktaSsoIssuer, type OktaSsoSettings } from '../../../../../src-shared/contract'
import type { FieldErrors } from '../../../api/form-check'
import { CopyableValue } from '../../../components/CopyableValue'
import { monospaceInput, type SsoField } from './sso-form'

export interface OktaSsoFieldsProps {
  settings: OktaSsoSettings
  orgUrl: string
  errors: FieldErrors<SsoField>
  onChange: (next: OktaSsoSettings, field?: SsoField) => void
}

export function OktaSsoFields({ settings, orgUrl, errors, onChange }: OktaSsoFieldsProps): React.JSX.Element {
  const server = settings.server
  return (
    <Stack gap="md">
      <Switch
        label="Single sign-on with Okta"
        description="Turns on Okta sign-in on Halo’s login page (Halo › Configuration › Integrations › Okta)."
        checked={settings.enabled}
        onChange={(event) => onChange({ ...settings, enabled: event.currentTarget.checked })}
      />
      <TextInput
        label="Client ID"
        description="Okta Admin Console › Applications › Applications › your OIDC app › General › Client Credentials."
        value={settings.clientId}
        error={errors.clientId}
        onChange={(event) => onChange({ ...settings, clientId: event.currentTarget.value }, 'clientId')}
        styles={monospaceInput}
        required
      />
      <Radio.Group
        label="Authorization server"
        description="Okta Admin Console › Security › API › Authorization Servers lists the custom ones; the org server needs none."
        value={server.kind}
        onChange={(kind) => onChange({ ...settings, server: kind === 'custom' ? { kind: 'custom', id: 'default' } : { kind: 'org' } }, 'server.id')}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="org" label="The org authorization server" />
          <Radio value="custom" label="A custom authorization server" />
        </Stack>
      </Radio.Group>
      {server.kind === 'custom' && (
        <TextInput
          label="Authorization server ID"
          description="Okta Admin Console › Security › API › Authorization Servers: the end of its Issuer URI, after /oauth2/, e.g. default."
          value={server.id}
          error={errors['server.id']}
          onChange={(event) => onChange({ ...settings, server: { kind: 'custom', id: event.currentTarget.value } }, 'server.id')}
          styles={monospaceInput}
          required
        />
      )}
      <Input.Wrapper label="Issuer" description="What Halo signs in with; the same URI is on the authorization server’s Settings tab.">
        <CopyableValue value={oktaSsoIssuer(orgUrl, server)} label="issuer" />
      </Input.Wrapper>
    </Stack>
  )
}
