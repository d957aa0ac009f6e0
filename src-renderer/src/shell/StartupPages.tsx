/** What shows while the workspace opens, and if it could not be opened. */
import { Button, Loader, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { StudioError } from '../../../src-shared/contract'
import { ErrorDetails } from '../components/ErrorDetails'
import { FullPageMessage } from '../components/FullPageMessage'

export function StartingPage(): React.JSX.Element {
  return (
    <FullPageMessage state="starting" icon={<Loader size={20} />} title="Opening your workspace…">
      <Text c="dimmed">Reading preferences and checking the keychain.</Text>
    </FullPageMessage>
  )
}

export function StartupFailedPage({ error, onRetry }: { error: StudioError; onRetry: () => void }): React.JSX.Element {
  return (
    <FullPageMessage
      state="failed"
      color="red"
      icon={<IconAlertTriangle size={22} aria-hidden />}
      title="The workspace could not be opened"
    >
      <Stack gap="md" align="flex-start">
        <ErrorDetails error={error} />
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </FullPageMessage>
  )
}
