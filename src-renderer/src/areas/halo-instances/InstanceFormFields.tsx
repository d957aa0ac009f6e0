/**
 * The fields of the add/edit form, each with a hint in the admin's words and its error underneath.
 * Fields that do not apply are hidden: the tenant for on-premise, the auth server for hosted, the
 * secret for a browser sign-in. Rate limits sit in a collapsed "Advanced" section.
 */
import { useId } from 'react'
import { Accordion, Code, Input, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { SecretInput } from '../../components/SecretInput'
import { authModeLabels, deploymentLabels } from './instance-labels'
import type { HaloFormErrors, HaloFormField, HaloFormValues } from './instance-form'

export interface InstanceFormFieldsProps {
  values: HaloFormValues
  errors: HaloFormErrors
  set: <F extends HaloFormField>(field: F, value: HaloFormValues[F]) => void
  onBaseUrlBlur: () => void
  /** Editing an instance whose client secret is already in the keychain. */
  secretStored: boolean
  advancedOpen: boolean
  onAdvancedOpenChange: (open: boolean) => void
}

const deploymentData = (['on-premise', 'hosted'] as const).map((value) => ({ value, label: deploymentLabels[value] }))

export function InstanceFormFields(props: InstanceFormFieldsProps): React.JSX.Element {
  const { values, errors, set } = props
  const deploymentLabelId = useId()
  return (
    <Stack gap="md">
      <TextInput
        label="Name"
        withAsterisk
        description="How this Halo is called in Identity Studio, for example “Production Halo”."
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors.name}
        maxLength={80}
        data-autofocus
      />
      <TextInput
        label="Halo web address"
        withAsterisk
        description="Where you open Halo; the addresses in Configuration › Integrations › Halo API › API Details work too."
        placeholder="https://halo.corp.local"
        value={values.baseUrl}
        onChange={(event) => set('baseUrl', event.currentTarget.value)}
        onBlur={props.onBaseUrlBlur}
        error={errors.baseUrl}
        maxLength={500}
        spellCheck={false}
        autoComplete="url"
      />
      <Input.Wrapper
        label="Deployment"
        labelElement="div"
        labelProps={{ id: deploymentLabelId }}
        description="Halo-hosted addresses end in halopsa.com, haloitsm.com and similar; anything your company runs itself is on-premise."
      >
        <SegmentedControl
          aria-labelledby={deploymentLabelId}
          data={deploymentData}
          value={values.deployment}
          onChange={(value) => set('deployment', value)}
          mt={6}
        />
      </Input.Wrapper>
      {values.deployment === 'hosted' ? (
        <TextInput
          label="Tenant"
          withAsterisk
          description="Halo › Configuration › Integrations › Halo API › API Details › Tenant."
          value={values.tenant}
          onChange={(event) => set('tenant', event.currentTarget.value)}
          error={errors.tenant}
          maxLength={100}
          spellCheck={false}
        />
      ) : (
        <TextInput
          label="Authorisation server address"
          description={
            <>
              Optional: discovered from <Code fz="inherit">/api/authinfo</Code> when empty. Fill it in only when Halo ›
              Configuration › Integrations › Halo API › API Details shows the authorisation server at another address.
            </>
          }
          placeholder="Discovered automatically"
          value={values.authServerUrl}
          onChange={(event) => set('authServerUrl', event.currentTarget.value)}
          error={errors.authServerUrl}
          maxLength={500}
          spellCheck={false}
        />
      )}
      <Radio.Group label="Sign-in" value={values.authMode} onChange={(value) => set('authMode', value === 'authorization_code' ? value : 'client_credentials')}>
        <Stack gap="xs" mt={6}>
          <Radio
            value="client_credentials"
            label={authModeLabels.client_credentials}
            description="Identity Studio signs in as the API application's agent with its client ID and secret. Suits unattended syncs."
          />
          <Radio
            value="authorization_code"
            label={authModeLabels.authorization_code}
            description="You sign in to Halo in your browser; Identity Studio acts as you. No secret to copy."
          />
        </Stack>
      </Radio.Group>
      <TextInput
        label="Client ID"
        withAsterisk
        description="Halo › Configuration › Integrations › Halo API › Applications › your application."
        value={values.clientId}
        onChange={(event) => set('clientId', event.currentTarget.value)}
        error={errors.clientId}
        maxLength={200}
        spellCheck={false}
        autoComplete="off"
      />
      {values.authMode === 'client_credentials' && (
        <SecretInput
          label="Client secret"
          withAsterisk={!props.secretStored}
          description={
            props.secretStored
              ? 'Stored in your keychain: leave empty to keep it, or paste a new one to replace it.'
              : 'Shown once, when the application is created in Halo API › Applications. Kept in your keychain.'
          }
          placeholder={props.secretStored ? 'Stored in keychain' : undefined}
          value={values.clientSecret}
          onChange={(event) => set('clientSecret', event.currentTarget.value)}
          error={errors.clientSecret}
          maxLength={1000}
          autoComplete="new-password"
        />
      )}
      <TextInput
        label="Scope"
        withAsterisk
        description="Usually “all”: the application and its agent's permissions still decide what is allowed."
        value={values.scope}
        onChange={(event) => set('scope', event.currentTarget.value)}
        error={errors.scope}
        maxLength={500}
        spellCheck={false}
      />
      <Accordion variant="contained" value={props.advancedOpen ? 'advanced' : null} onChange={(value) => props.onAdvancedOpenChange(value === 'advanced')}>
        <Accordion.Item value="advanced">
          <Accordion.Control>Advanced: rate limit</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Input.Description>
                Identity Studio stays under this many requests per rolling window. Halo-hosted instances allow 300 requests per 5
                minutes; ask your Halo administrator about on-premise limits.
              </Input.Description>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <NumberInput
                  label="Requests per window"
                  value={values.rateLimitRequests}
                  onChange={(value) => set('rateLimitRequests', value)}
                  error={errors.rateLimitRequests}
                  min={1}
                  max={100_000}
                  allowDecimal={false}
                  allowNegative={false}
                />
                <NumberInput
                  label="Window (seconds)"
                  value={values.rateLimitWindowSeconds}
                  onChange={(value) => set('rateLimitWindowSeconds', value)}
                  error={errors.rateLimitWindowSeconds}
                  min={1}
                  max={3600}
                  allowDecimal={false}
                  allowNegative={false}
                />
              </SimpleGrid>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  )
}
