/**
 * The fields of the Entra ID connection form, each with a hint saying where to find it in the Azure
 * portal and its error underneath: the tenant (single or multitenant app; one connection per
 * tenant), the app, how Graph is read (the app's own permissions, or a signed-in admin's), the
 * client secret and its expiry, delta reads, Intune devices, and — folded away unless changed — the
 * national-cloud or sandbox hosts.
 */
import { Accordion, Radio, Stack, Switch, TextInput } from '@mantine/core'
import type { HaloInstance } from '../../../../src-shared/contract'
import { SecretInput } from '../../components/SecretInput'
import { ConnectionBasicsFields } from './ConnectionBasicsFields'
import { entraSignInLabels, entraTenantTypeLabels } from './connection-labels'
import type { EntraFormErrors, EntraFormField, EntraFormValues } from './entra-form'

export interface EntraFormFieldsProps {
  values: EntraFormValues
  errors: EntraFormErrors
  set: <F extends EntraFormField>(field: F, value: EntraFormValues[F]) => void
  haloInstances: readonly HaloInstance[]
  secretStored: boolean
  /** The "Cloud and hosts" section is open. */
  hostsOpen: boolean
  onHostsOpenChange: (open: boolean) => void
}

const where = 'Azure portal › Microsoft Entra ID › App registrations › your app'

export function EntraFormFields({ values, errors, set, haloInstances, secretStored, hostsOpen, onHostsOpenChange }: EntraFormFieldsProps): React.JSX.Element {
  return (
    <Stack gap="md">
      <ConnectionBasicsFields values={values} errors={errors} set={set} haloInstances={haloInstances} example="Northwind Entra ID" />
      <Radio.Group
        label="App registration"
        description={`${where} › Authentication › Supported account types. Several tenants? One connection each; a multitenant app can serve them all.`}
        value={values.tenantType}
        onChange={(value) => set('tenantType', value === 'multi' ? 'multi' : 'single')}
      >
        <Stack gap="xs" mt={6}>
          <Radio value="single" label={entraTenantTypeLabels.single} description="Accounts in this organizational directory only." />
          <Radio value="multi" label={entraTenantTypeLabels.multi} description="Accounts in any organizational directory; each tenant grants admin consent." />
        </Stack>
      </Radio.Group>
      <TextInput
        label="Directory (tenant) ID"
        withAsterisk
        description={`${where} › Overview. A verified domain such as contoso.onmicrosoft.com works too.`}
        placeholder="00000000-0000-0000-0000-000000000000"
        value={values.tenantId}
        onChange={(event) => set('tenantId', event.currentTarget.value)}
        error={errors.tenantId}
        maxLength={256}
        spellCheck={false}
        autoComplete="off"
      />
      <TextInput
        label="Application (client) ID"
        withAsterisk
        description={`${where} › Overview.`}
        placeholder="00000000-0000-0000-0000-000000000000"
        value={values.clientId}
        onChange={(event) => set('clientId', event.currentTarget.value)}
        error={errors.clientId}
        maxLength={64}
        spellCheck={false}
        autoComplete="off"
      />
      <Radio.Group
        label="Reads Microsoft Graph as"
        description={`${where} › API permissions › Type column.`}
        value={values.signIn}
        onChange={(value) => set('signIn', value === 'delegated' ? 'delegated' : 'application')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="application"
            label={entraSignInLabels.application}
            description="Application permissions with admin consent. Runs unattended, also from the command line. Recommended."
          />
          <Radio
            value="delegated"
            label={entraSignInLabels.delegated}
            description="Delegated permissions: an admin presses Authorize and signs in, and Identity Studio reads with their rights until the authorization lapses (90 days unused)."
          />
        </Stack>
      </Radio.Group>
      <SecretInput
        label="Client secret"
        withAsterisk={!secretStored}
        description={
          secretStored
            ? 'Stored in your keychain: leave empty to keep it, or paste a new one to replace it.'
            : `${where} › Certificates & secrets › New client secret: copy its Value (shown only once), not the Secret ID.`
        }
        placeholder={secretStored ? 'Stored in keychain' : undefined}
        value={values.clientSecret}
        onChange={(event) => set('clientSecret', event.currentTarget.value)}
        error={errors.clientSecret}
        maxLength={400}
        autoComplete="new-password"
      />
      <TextInput
        type="date"
        label="Client secret expires on"
        description="The Expires column beside the secret; Identity Studio warns 30 and 7 days before. Leave empty when the app may read its own registration (Application.Read.All): the test reads it from Graph."
        value={values.secretExpiresOn}
        onChange={(event) => set('secretExpiresOn', event.currentTarget.value)}
        error={errors.secretExpiresOn}
        styles={{ input: { maxWidth: 200 } }}
      />
      <Switch
        label="Read only what changed since the last fetch"
        description="Graph delta queries: after the first fetch, a fetch reads the changes in a few requests instead of the whole directory."
        checked={values.delta}
        onChange={(event) => set('delta', event.currentTarget.checked)}
      />
      <Switch
        label="Read Intune's managed devices"
        description="Each fetch also reads the devices Intune manages, with the person each is enrolled to. Needs DeviceManagementManagedDevices.Read.All, and an Intune licence in the tenant."
        checked={values.devices}
        onChange={(event) => set('devices', event.currentTarget.checked)}
      />
      <Accordion variant="contained" value={hostsOpen ? 'hosts' : null} onChange={(value) => onHostsOpenChange(value === 'hosts')}>
        <Accordion.Item value="hosts">
          <Accordion.Control>Cloud and hosts</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              <TextInput
                label="Login address"
                withAsterisk
                description="Microsoft's global cloud: https://login.microsoftonline.com. US Government: https://login.microsoftonline.us. China (21Vianet): https://login.chinacloudapi.cn."
                value={values.authorityHost}
                onChange={(event) => set('authorityHost', event.currentTarget.value)}
                error={errors.authorityHost}
                maxLength={300}
                spellCheck={false}
                autoComplete="url"
              />
              <TextInput
                label="Microsoft Graph address"
                withAsterisk
                description="Global: https://graph.microsoft.com. US Government: https://graph.microsoft.us. China: https://microsoftgraph.chinacloudapi.cn."
                value={values.graphHost}
                onChange={(event) => set('graphHost', event.currentTarget.value)}
                error={errors.graphHost}
                maxLength={300}
                spellCheck={false}
                autoComplete="url"
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  )
}
