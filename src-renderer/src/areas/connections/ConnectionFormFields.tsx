/**
 * The fields of the Okta connection form, each with a hint in the admin's words (where to find it in
 * Okta) and its error underneath. The org URL says as you type what it will connect to and what is
 * worth knowing (a custom domain and single sign-on). Only the chosen sign-in's fields are shown.
 */
import { Radio, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { oktaReadScopes, type HaloInstance } from '../../../../src-shared/contract'
import { checkOktaAddress } from '../../../../src-shared/okta-url'
import { SecretInput } from '../../components/SecretInput'
import { ConnectionBasicsFields } from './ConnectionBasicsFields'
import { oktaAuthModeLabels } from './connection-labels'
import type { OktaFormErrors, OktaFormField, OktaFormValues } from './connection-form'

export interface ConnectionFormFieldsProps {
  values: OktaFormValues
  errors: OktaFormErrors
  set: <F extends OktaFormField>(field: F, value: OktaFormValues[F]) => void
  haloInstances: readonly HaloInstance[]
  /** The keychain holds the token or key the chosen sign-in needs. */
  credentialStored: boolean
}

const keepStored = 'Stored in your keychain: leave empty to keep it, or paste a new one to replace it.'

export function ConnectionFormFields({ values, errors, set, haloInstances, credentialStored }: ConnectionFormFieldsProps): React.JSX.Element {
  return (
    <Stack gap="md">
      <ConnectionBasicsFields values={values} errors={errors} set={set} haloInstances={haloInstances} example="Northwind Okta" />
      <TextInput
        label="Okta org URL"
        withAsterisk
        description={<OrgUrlHint orgUrl={values.orgUrl} />}
        placeholder="https://acme.okta.com"
        value={values.orgUrl}
        onChange={(event) => set('orgUrl', event.currentTarget.value)}
        error={errors.orgUrl}
        maxLength={300}
        spellCheck={false}
        autoComplete="url"
      />
      <Radio.Group label="Sign-in" value={values.authMode} onChange={(value) => set('authMode', value === 'service_app' ? value : 'api_token')}>
        <Stack gap="xs" mt={6}>
          <Radio
            value="api_token"
            label={oktaAuthModeLabels.api_token}
            description="An Okta admin's API token. Quickest to set up; it acts as that admin, and Okta revokes it after 30 days without use."
          />
          <Radio
            value="service_app"
            label={oktaAuthModeLabels.service_app}
            description="An API Services app that signs in with a private key. Okta's recommended way for integrations: it acts as no person."
          />
        </Stack>
      </Radio.Group>
      {values.authMode === 'api_token' ? (
        <SecretInput
          label="API token"
          withAsterisk={!credentialStored}
          description={
            credentialStored
              ? keepStored
              : 'Okta Admin Console › Security › API › Tokens › Create token, as an admin who can read users, groups and apps (Read-only Admin is enough). It goes to your keychain.'
          }
          placeholder={credentialStored ? 'Stored in keychain' : undefined}
          value={values.apiToken}
          onChange={(event) => set('apiToken', event.currentTarget.value)}
          error={errors.apiToken}
          maxLength={200}
          autoComplete="new-password"
        />
      ) : (
        <>
          <TextInput
            label="Client ID"
            withAsterisk
            description="Okta Admin Console › Applications › Applications › your API Services app › General."
            value={values.clientId}
            onChange={(event) => set('clientId', event.currentTarget.value)}
            error={errors.clientId}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
          />
          <Textarea
            label="Private key"
            withAsterisk={!credentialStored}
            description={
              credentialStored
                ? keepStored
                : `A PEM block (-----BEGIN PRIVATE KEY-----) or the JWK JSON Okta shows when it generates the key (the app › General › Public Keys). Under Okta API Scopes, grant ${oktaReadScopes.join(', ')}. It goes to your keychain.`
            }
            placeholder={credentialStored ? 'Stored in keychain' : '-----BEGIN PRIVATE KEY-----'}
            value={values.privateKey}
            onChange={(event) => set('privateKey', event.currentTarget.value)}
            error={errors.privateKey}
            maxLength={10_000}
            autosize
            minRows={3}
            maxRows={8}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
          />
          <TextInput
            label="Key ID"
            description="Okta Admin Console › the app › General › Public Keys › KID; only a PEM key needs it."
            value={values.keyId}
            onChange={(event) => set('keyId', event.currentTarget.value)}
            error={errors.keyId}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
          />
        </>
      )}
    </Stack>
  )
}

/** Where to find the org URL, then, as it is typed, what it will connect to and any warning. */
function OrgUrlHint({ orgUrl }: { orgUrl: string }): React.JSX.Element {
  const address = orgUrl.trim() === '' ? null : checkOktaAddress(orgUrl)
  return (
    <>
      Okta Admin Console › your name (top right), without “-admin”: e.g. https://acme.okta.com.
      {address?.orgUrl && address.orgUrl !== orgUrl.trim() && (
        <Text span display="block" size="inherit" mt={2}>
          Connects to {address.orgUrl}
        </Text>
      )}
      {address?.warnings.map((warning) => (
        <Text key={warning} span display="block" size="inherit" c="orange" mt={4} style={{ overflowWrap: 'anywhere' }}>
          <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: -1, marginRight: 4 }} />
          {warning}
        </Text>
      ))}
    </>
  )
}
