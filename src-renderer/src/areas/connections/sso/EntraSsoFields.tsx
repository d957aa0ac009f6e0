/**
 * The Entra ID part of the SSO settings: published or not, the tenant type and (multi-tenant) the
 * tenants whose people may sign in, the application ID, and which of Halo's Entra connections the
 * settings go to.
 */
import { Input, SegmentedControl, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core'
import type { EntraSsoSettings } from '../../../../../src-shared/contract'
import type { FieldErrors } from '../../../api/form-check'
import { useHaloEntraConnections } from '../../../api/sso'
import { monospaceInput, type SsoField } from './sso-form'

export interface EntraSsoFieldsProps {
  connectionId: string
  settings: EntraSsoSettings
  haloConnectionId: number | null
  errors: FieldErrors<SsoField>
  onChange: (next: EntraSsoSettings, field?: SsoField) => void
  onHaloConnection: (id: number | null) => void
}

export function EntraSsoFields({ connectionId, settings, haloConnectionId, errors, onChange, onHaloConnection }: EntraSsoFieldsProps): React.JSX.Element {
  const haloConnections = useHaloEntraConnections(connectionId)
  return (
    <Stack gap="md">
      <Switch
        label="Published"
        description="Activates single sign-on with Microsoft in Halo (the Published box of the connection in Halo › Configuration › Integrations › Microsoft Entra ID)."
        checked={settings.published}
        onChange={(event) => onChange({ ...settings, published: event.currentTarget.checked })}
      />
      <Input.Wrapper label="Tenant type" description="Azure portal › Microsoft Entra ID › App registrations › your app › Authentication › Supported account types.">
        <SegmentedControl
          mt={4}
          aria-label="Tenant type"
          value={settings.tenantType}
          onChange={(type) => onChange({ ...settings, tenantType: type === 'multi' ? 'multi' : 'single' }, 'allowedTenants')}
          data={[
            { value: 'single', label: 'Single tenant' },
            { value: 'multi', label: 'Multi-tenant' }
          ]}
        />
      </Input.Wrapper>
      {settings.tenantType === 'multi' && (
        <TagsInput
          label="Allowed tenant IDs"
          description="Each organisation’s Tenant ID: Azure portal › Microsoft Entra ID › Overview, in that tenant. Press Enter after each."
          value={settings.allowedTenants}
          error={errors.allowedTenants}
          onChange={(tenants) => onChange({ ...settings, allowedTenants: tenants }, 'allowedTenants')}
          styles={monospaceInput}
          clearable
        />
      )}
      <TextInput
        label="Application (client) ID"
        description="Azure portal › Microsoft Entra ID › App registrations › your app › Overview."
        value={settings.applicationId}
        error={errors.applicationId}
        onChange={(event) => onChange({ ...settings, applicationId: event.currentTarget.value }, 'applicationId')}
        styles={monospaceInput}
        required
      />
      <Select
        label="Halo Entra connection"
        description="Where in Halo the settings go (Halo › Configuration › Integrations › Microsoft Entra ID); needed before Apply."
        placeholder={haloConnections.isPending ? 'Reading Halo’s Entra connections…' : 'Choose a connection'}
        data={(haloConnections.data ?? []).map((each) => ({ value: String(each.id), label: each.name }))}
        value={haloConnectionId === null ? null : String(haloConnectionId)}
        onChange={(value) => onHaloConnection(value === null ? null : Number(value))}
        error={haloConnections.error ? `Halo’s Entra connections could not be read: ${haloConnections.error.message}` : undefined}
        nothingFoundMessage="Halo has no Entra connection yet"
        clearable
      />
    </Stack>
  )
}
