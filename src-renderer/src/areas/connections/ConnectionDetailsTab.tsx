/**
 * A connection's Details tab: its settings as saved (with the address warnings or the client
 * secret's expiry), its test with the checklist, and the directory fetch with its progress and the
 * last snapshot's figures. Okta: "Test credentials". Entra ID: "Test connection" with the
 * admin-consent link, "Authorize" for a signed-in admin, the redirect URIs to register, and delta.
 */
import { Grid, Stack } from '@mantine/core'
import type { Connection } from '../../../../src-shared/contract'
import { useConnectionAction, type DirectoryFetch } from '../../api/connections'
import { ChecklistCard } from '../../components/ChecklistCard'
import { ConnectionSettingsCard } from './ConnectionSettingsCard'
import { DirectoryFetchCard } from './DirectoryFetchCard'
import { EntraAuthorize } from './entra/EntraAuthorize'
import { EntraRedirectUris } from './entra/EntraRedirectUris'
import { EntraTestCard } from './entra/EntraTestCard'

export interface ConnectionDetailsTabProps {
  connection: Connection
  fetch: DirectoryFetch
  /** Opens the Directory tab. */
  onBrowse: () => void
}

export function ConnectionDetailsTab({ connection, fetch, onBrowse }: ConnectionDetailsTabProps): React.JSX.Element {
  const entra = connection.kind === 'entra'
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ConnectionSettingsCard connection={connection} footer={connection.entra?.signIn === 'delegated' && <EntraAuthorize connection={connection} />} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {entra ? <EntraTestCard connection={connection} /> : <OktaTestCard connection={connection} />}
            {entra && <EntraRedirectUris connection={connection} />}
          </Stack>
        </Grid.Col>
      </Grid>
      <DirectoryFetchCard connection={connection} fetch={fetch} onBrowse={onBrowse} />
    </Stack>
  )
}

export function OktaTestCard({ connection }: { connection: Connection }): React.JSX.Element {
  const test = useConnectionAction('connections:testOkta')
  return (
    <ChecklistCard
      title="Credentials test"
      description="Checks who the credentials act as, then reads one page each of users, groups and apps. Nothing in Okta changes."
      actionLabel="Test credentials"
      runningText="Asking Okta…"
      notTestedText="Not tested yet. A test takes a few seconds."
      listLabel="Credential checks"
      check={test.data ?? connection.lastTest}
      testing={test.isPending}
      error={test.error}
      onTest={() => test.mutate({ id: connection.id })}
    />
  )
}
