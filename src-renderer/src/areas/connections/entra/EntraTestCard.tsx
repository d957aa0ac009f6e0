/**
 * "Test connection" for an Entra connection: the checklist (sign-in, each Graph permission the
 * mappings need with why, people readable, the client secret's expiry) and, when a permission is
 * missing, the admin-consent link to grant it with — to open (https) or copy.
 */
import { Anchor, Stack, Text } from '@mantine/core'
import type { Connection } from '../../../../../src-shared/contract'
import { adminConsentUrl } from '../../../../../src-shared/entra-setup'
import { useConnectionAction } from '../../../api/connections'
import { ChecklistCard } from '../../../components/ChecklistCard'
import { CopyableValue } from '../../../components/CopyableValue'
import { useOpenExternal } from '../../../api/external-links'

export function EntraTestCard({ connection }: { connection: Connection }): React.JSX.Element {
  const test = useConnectionAction('connections:testEntra')
  const check = test.data ?? connection.lastTest
  const missing = check?.items.some((item) => item.key.startsWith('permission:') && !item.ok) ?? false
  const delegated = connection.entra?.signIn === 'delegated'
  return (
    <ChecklistCard
      title="Connection test"
      description={`Signs in${delegated ? ' as the admin who authorized' : ''}, checks each Microsoft Graph permission the mappings need, and counts the people it can read. Nothing in Entra changes.`}
      actionLabel="Test connection"
      runningText="Asking Microsoft Entra and Graph…"
      notTestedText={delegated && !connection.entra?.authorizedAs ? 'Authorize first, then test. A test takes a few seconds.' : 'Not tested yet. A test takes a few seconds.'}
      listLabel="Connection checks"
      check={check}
      testing={test.isPending}
      error={test.error}
      onTest={() => test.mutate({ id: connection.id })}
      footer={missing && connection.entra && <AdminConsent url={adminConsentUrl(connection.entra.authorityHost, connection.entra.tenantId, connection.entra.clientId)} />}
    />
  )
}

function AdminConsent({ url }: { url: string }): React.JSX.Element {
  const open = useOpenExternal()
  return (
    <Stack gap={4} data-admin-consent>
      <Text size="sm" fw={600}>
        Grant admin consent
      </Text>
      <Text size="sm" c="dimmed">
        After adding the missing permissions under API permissions, a Global or Privileged Role Administrator grants them for the whole tenant here (or with “Grant admin consent” on that page), then test again.
      </Text>
      <CopyableValue value={url} label="admin-consent link" />
      {url.startsWith('https:') && (
        <Anchor component="button" type="button" size="sm" onClick={() => open(url)} style={{ alignSelf: 'flex-start' }}>
          Open in your browser
        </Anchor>
      )}
    </Stack>
  )
}
