/**
 * Keychain: whether the OS keychain can hold secrets (and why not, when it cannot), and the secrets
 * this workspace has stored there, shown as set or missing; values never reach this window.
 */
import { Alert, Badge, EmptyState, Skeleton, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import type { SecretSummary } from '../../../../src-shared/contract'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { KeychainBadge } from '../../components/KeychainBadge'
import { SectionCard } from '../../components/SectionCard'

export function KeychainSection(): React.JSX.Element {
  const status = useProcedureQuery('secrets:status', {})
  return (
    <SectionCard
      title="Keychain"
      description="Client secrets, API tokens and refresh tokens are kept only in your operating system's keychain: never in the workspace database, logs or exports."
      aside={status.data && <KeychainBadge keychain={status.data.keychain} />}
    >
      {status.isPending && <Skeleton h={72} />}
      {status.error && (
        <ErrorNotice title="The keychain status could not be read" error={status.error} onRetry={() => void status.refetch()} />
      )}
      {status.data && (
        <>
          {status.data.keychain.available ? (
            <Text size="sm">{status.data.keychain.message}</Text>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="No usable keychain">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {status.data.keychain.message}
              </Text>
            </Alert>
          )}
          {status.data.secrets.length === 0 ? <NoSecrets /> : <SecretsTable secrets={status.data.secrets} />}
        </>
      )}
    </SectionCard>
  )
}

function NoSecrets(): React.JSX.Element {
  return (
    <EmptyState
      size="xs"
      align="left"
      withIndicatorBackground
      icon={<IconKey size={20} aria-hidden />}
      title="No secrets stored yet"
      description="Secrets appear here once you add a Halo instance or a connection: whether each one is set, and when it expires."
    />
  )
}

function SecretsTable({ secrets }: { secrets: SecretSummary[] }): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Secret</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {secrets.map((secret) => (
            <Table.Tr key={secret.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{secret.label}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={secret.isSet ? 'teal' : 'orange'}>
                  {secret.isSet ? 'Set' : 'Missing'}
                </Badge>
              </Table.Td>
              <Table.Td>{secret.expiresAt ? formatDate(secret.expiresAt) : 'No expiry'}</Table.Td>
              <Table.Td>{formatDate(secret.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function formatDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { dateStyle: 'medium' })
}
