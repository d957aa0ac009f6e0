/**
 * A connection's Details tab: its settings as saved (with the address warnings), "Test credentials"
 * with the checklist, and the directory fetch with its progress and the last snapshot's figures.
 */
import { Grid, Stack } from '@mantine/core'
import type { Connection } from '../../../../src-shared/contract'
import { useConnectionAction, type DirectoryFetch } from '../../api/connections'
import { ChecklistCard } from '../../components/ChecklistCard'
import { ConnectionSettingsCard } from './ConnectionSettingsCard'
import { DirectoryFetchCard } from './DirectoryFetchCard'

export interface ConnectionDetailsTabProps {
  connection: Connection
  fetch: DirectoryFetch
  /** Opens the Directory tab. */
  onBrowse: () => void
}

export function ConnectionDetailsTab({ connection, fetch, onBrowse }: ConnectionDetailsTabProps): React.JSX.Element {
  const test = useConnectionAction('connections:testOkta')
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ConnectionSettingsCard connection={connection} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
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
        </Grid.Col>
      </Grid>
      <DirectoryFetchCard connection={connection} fetch={fetch} onBrowse={onBrowse} />
    </Stack>
  )
}
