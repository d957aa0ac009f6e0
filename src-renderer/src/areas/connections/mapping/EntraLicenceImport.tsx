/**
 * Entra licence import on the Advanced tab (seed 001, "Licence Management in Microsoft Entra ID"):
 * on or off, the Halo client the tenant's licences become software licences of, and whether
 * licences linked or unlinked in Halo are assigned or removed in Entra by the next sync — with the
 * permission each needs and the seed's warning about the CSP integration.
 */
import { Alert, Select, Stack, Switch, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { AdvancedConfig } from '../../../../../src-shared/mapping/config-schema'
import { SectionCard } from '../../../components/SectionCard'
import { haloRef, useLookupOptions, withCurrent } from './design-lookups'
import { useMappingDesign } from './mapping-design'

export function EntraLicenceImport(): React.JSX.Element {
  const design = useMappingDesign()
  const settings = design.config.advanced.directoryLicences
  const clients = useLookupOptions('clients')
  const change = (apply: (draft: AdvancedConfig['directoryLicences']) => void): void => design.update((draft) => apply(draft.advanced.directoryLicences))
  const clientError = design.issues.find((issue) => issue.tab === 'advanced' && issue.field === 'directoryLicences.clientId' && issue.severity === 'error')
  return (
    <SectionCard title="Entra licences" description="Import the tenant’s licences into Halo, and link each imported user to the licences Entra assigns them.">
      <Switch
        label="Import licences from Entra ID"
        description="Needs Organization.Read.All (or LicenseAssignment.Read.All) as an Application permission: test the connection after turning this on."
        checked={settings.enabled}
        onChange={(event) => {
          const checked = event.currentTarget.checked
          change((draft) => {
            draft.enabled = checked
            if (!checked) draft.manageFromHalo = false
          })
        }}
      />
      {settings.enabled && (
        <Stack gap="md">
          <Select
            label="Client the licences belong to"
            description="The client your users are imported to: each licence becomes one of its software licences, recognised again by its SKU."
            placeholder="Choose a client"
            searchable
            data={withCurrent(clients, settings.clientId)}
            value={settings.clientId === null ? null : String(settings.clientId)}
            onChange={(value) => change((draft) => void (draft.clientId = value === null ? null : haloRef(value)))}
            error={clientError ? `${clientError.message} ${clientError.fix}` : undefined}
            nothingFoundMessage="Not in Halo’s cached look-ups"
            maw={520}
          />
          <Switch
            label="Allow licences to be managed from within Halo"
            description="A licence linked to or unlinked from a user in Halo is assigned or removed in Entra by the next sync; a change made in Entra still reaches Halo. Needs LicenseAssignment.ReadWrite.All."
            checked={settings.manageFromHalo}
            onChange={(event) => {
              const checked = event.currentTarget.checked
              change((draft) => void (draft.manageFromHalo = checked))
            }}
          />
          {settings.manageFromHalo && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Only one integration may manage licences">
              <Text size="sm">Never turn this on for both the CSP integration and Entra ID: they would undo each other’s changes. Users without a usage location in Entra cannot be given a licence; the sync report says who.</Text>
            </Alert>
          )}
        </Stack>
      )}
    </SectionCard>
  )
}
