/**
 * What a connection is at a glance: its directory (Okta or Entra ID), how it signs in, whether its
 * credential is in the keychain (and, for a signed-in admin, whether one has authorized); its
 * address warnings; an Entra client secret close to expiring (30 and 7 days ahead, and once
 * expired); and its last snapshot in one line.
 */
import { Alert, Badge, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import type { Connection, SnapshotSummary } from '../../../../src-shared/contract'
import { expiryDay, secretExpiryState } from '../../../../src-shared/entra-setup'
import { RelativeTime } from '../../components/RelativeTime'
import { connectionCredentialText, countText, credentialSet, entraTenantTypeLabels, kindLabels, signInText } from './connection-labels'

export function KindBadge({ kind }: { kind: Connection['kind'] }): React.JSX.Element {
  return (
    <Badge component="span" variant="outline" color="blue" tt="none" style={{ flexShrink: 0 }}>
      {kindLabels[kind]}
    </Badge>
  )
}

export function ConnectionBadges({ connection }: { connection: Connection }): React.JSX.Element | null {
  const { okta, entra } = connection
  if (!okta && !entra) return null
  return (
    <Group gap={6}>
      <Badge variant="default" tt="none" fw={500}>
        {signInText(connection)}
      </Badge>
      {entra && (
        <Badge variant="default" tt="none" fw={500}>
          {entraTenantTypeLabels[entra.tenantType]}
        </Badge>
      )}
      <Badge variant="light" color={credentialSet(connection) ? 'teal' : 'orange'} tt="none" fw={500}>
        {connectionCredentialText(connection)}
      </Badge>
      {entra?.signIn === 'delegated' && (
        <Badge variant="light" color={entra.authorizedAs ? 'teal' : 'orange'} tt="none" fw={500} maw="100%">
          {entra.authorizedAs ? `Authorized by ${entra.authorizedAs}` : 'Not authorized yet'}
        </Badge>
      )}
    </Group>
  )
}

/**
 * An Entra client secret that expires within 30 days, or has expired: when, and what to do. Nothing
 * for one further off, unknown, or an Okta connection. `compact` is one line (the connection list).
 */
export function SecretExpiryNotice({ connection, compact = false }: { connection: Connection; compact?: boolean }): React.JSX.Element | null {
  const expiresAt = connection.entra?.secretExpiresAt
  if (!expiresAt) return null
  const { days, level } = secretExpiryState(expiresAt, new Date())
  if (level === 'ok') return null
  const color = level === 'soon' ? 'orange' : 'red'
  const title = level === 'expired' ? `Client secret expired on ${expiryDay(expiresAt)}` : `Client secret expires ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}, on ${expiryDay(expiresAt)}`
  const fix = level === 'expired' ? 'Fetches and syncs fail until a new one is saved.' : 'Fetches and syncs will stop then.'
  if (compact) {
    return (
      <Group gap={6} wrap="nowrap" align="flex-start" data-secret-expiry={level}>
        <IconKey size={16} aria-hidden color={`var(--mantine-color-${color}-text)`} style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c={color} fw={500}>
          {title}
        </Text>
      </Group>
    )
  }
  return (
    <Alert color={color} variant="light" icon={<IconKey aria-hidden />} title={title} data-secret-expiry={level}>
      <Text size="sm">
        {fix} In the Azure portal, open App registrations › your app › Certificates & secrets › New client secret, then Edit this connection and paste the new secret’s Value.
      </Text>
    </Alert>
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
