/**
 * The saved connections, one card each: the name (a link to the connection), its directory and
 * address (Okta org or Entra tenant), the Halo instance it imports into, how it signs in and whether
 * the credential is stored, its last test and snapshot, its address warnings, an Entra client secret
 * close to expiring, and Edit / Delete.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { Connection } from '../../../../src-shared/contract'
import { ItemCard } from '../../components/ItemCard'
import { LastCheckSummary } from '../../components/LastCheckSummary'
import { connectionPath, instancePath } from '../../shell/areas'
import { ConnectionBadges, ConnectionWarnings, KindBadge, SecretExpiryNotice, SnapshotLine } from './ConnectionBadges'
import { directoryAddress } from './connection-labels'

export interface ConnectionListProps {
  connections: readonly Connection[]
  onEdit: (connection: Connection) => void
  onDelete: (connection: Connection) => void
}

export function ConnectionList({ connections, onEdit, onDelete }: ConnectionListProps): React.JSX.Element {
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Connections">
      {connections.map((connection) => (
        <li key={connection.id}>
          <ItemCard
            name={connection.name}
            to={connectionPath(connection.id)}
            nameAside={<KindBadge kind={connection.kind} />}
            onEdit={() => onEdit(connection)}
            onDelete={() => onDelete(connection)}
          >
            {directoryAddress(connection) && (
              <Text size="sm" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {directoryAddress(connection)}
              </Text>
            )}
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Imports into{' '}
              <Anchor component={Link} to={instancePath(connection.haloInstanceId)} inherit>
                {connection.haloInstanceName}
              </Anchor>
            </Text>
            <ConnectionBadges connection={connection} />
            <Group gap="md" style={{ rowGap: 4 }}>
              <LastCheckSummary check={connection.lastTest} passedText={connection.kind === 'entra' ? 'Connection OK' : 'Credentials OK'} />
              <SnapshotLine snapshot={connection.snapshot} />
            </Group>
            <ConnectionWarnings warnings={connection.okta?.warnings ?? []} />
            <SecretExpiryNotice connection={connection} compact />
          </ItemCard>
        </li>
      ))}
    </Stack>
  )
}
