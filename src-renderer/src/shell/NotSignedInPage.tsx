/**
 * Shown when this tab has no way in: no desktop bridge and no access key (or a key from an earlier
 * launch). Says where the right link is; the key is never guessable, so there is nothing to type.
 */
import { Code, List, Stack, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { FullPageMessage } from '../components/FullPageMessage'

export function NotSignedInPage(): React.JSX.Element {
  return (
    <FullPageMessage state="signed-out" icon={<IconLock size={22} aria-hidden />} title="This tab isn't signed in">
      <Stack gap="md">
        <Text>
          Identity Studio only answers pages opened from the link it printed in the terminal when it started. That
          link carries a one-time access key for this launch.
        </Text>
        <List type="ordered" spacing="xs">
          <List.Item>Go to the terminal where you started Identity Studio.</List.Item>
          <List.Item>
            Open the address after <Code>Identity Studio is running at</Code>, including the{' '}
            <Code>?token=…</Code> part.
          </List.Item>
          <List.Item>
            If Identity Studio is no longer running, start it again; each start prints a new link.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          The link looks like <Code style={{ overflowWrap: 'anywhere' }}>{`${window.location.origin}/?token=…`}</Code>
        </Text>
      </Stack>
    </FullPageMessage>
  )
}
