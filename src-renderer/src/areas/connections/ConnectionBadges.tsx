/**
 * What a connection is at a glance: its directory (Okta), how it signs in and whether its credential
 * is in the keychain; its address warnings; and its last snapshot in one line.
 */
import { Badge, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { Connection, SnapshotSummary } from '../../../../src-shared/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { countText, credentialText, kindLabels, oktaAuthModeLabels } from './connection-labels'

export function KindBadge({ kind }: { kind: Connection['kind'] }): React.JSX.Element {
  return (
    <Badge component="span" variant="outline" color="blue" tt="none" style={{ flexShrink: 0 }}>
      {kindLabels[kind]}
    </Badge>
  )
}

export function ConnectionBadges({ connection }: { connection: Connection }): React.JSX.Element | null {
  const okta = connection.okta
  if (!okta) return null
  return (
    <Group gap={6}>
      <Badge variant="default" tt="none" fw={500}>
        {oktaAuthModeLabels[okta.authMode]}
      </Badge>
      <Badge variant="light" color={okta.credentialSet ? 'teal' : 'orange'} tt="none" fw={500}>
        {credentialText(okta)}
      </Badge>
    </Group>
  )
}

/** The address warnings (a custom domain and single sign-on), each on its own line. */
export function ConnectionWarnings({ warnings }: { warnings: readonly string[] }): React.JSX.Element | null {
  if (warnings.length === 0) return null
  return (
    <Stack gap={4}>
      {warnings.map((warning) => (
        <Group key={warning} gap={6} wrap="nowrap" align="flex-start">
          <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-orange-text)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" c="orange" style={{ overflowWrap: 'anywhere' }}>
            <Text span inherit fw={600}>
              Warning:{' '}
            </Text>
            {warning}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}

/** "Snapshot 5 minutes ago · 340 people · 35 groups", or "Directory not fetched yet". */
export function SnapshotLine({ snapshot }: { snapshot: SnapshotSummary | null }): React.JSX.Element {
  return (
    <Text size="sm" c="dimmed">
      {snapshot ? (
        <>
          Snapshot <RelativeTime iso={snapshot.fetchedAt} /> · {countText(snapshot.people, 'person', 'people')} · {countText(snapshot.groups, 'group', 'groups')}
        </>
      ) : (
        'Directory not fetched yet'
      )}
    </Text>
  )
}
