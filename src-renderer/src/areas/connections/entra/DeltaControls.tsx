/**
 * "Reset delta" for an Entra connection that reads only changes: what the next fetch will read, and
 * the two resets — read everything next time (clear), or start from now so the next fetch reads
 * only later changes (latest). Both once there is a snapshot (the changes are merged into it).
 */
import { Button, Group, Menu, Text } from '@mantine/core'
import { IconChevronDown, IconRefresh } from '@tabler/icons-react'
import type { Connection } from '../../../../../src-shared/contract'
import { useConnectionAction } from '../../../api/connections'
import { ErrorNotice } from '../../../components/ErrorNotice'

export function DeltaControls({ connection, disabled }: { connection: Connection; disabled: boolean }): React.JSX.Element | null {
  const reset = useConnectionAction('connections:resetDelta')
  const entra = connection.entra
  if (!entra?.delta) return null
  return (
    <>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" data-delta-state={entra.deltaReady ? 'ready' : 'full'}>
          {entra.deltaReady ? 'The next fetch reads only what changed since the last one.' : 'The next fetch reads everything; later ones read only what changed.'}
        </Text>
        {connection.snapshot !== null && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} rightSection={<IconChevronDown size={12} aria-hidden />} loading={reset.isPending} disabled={disabled}>
              Reset delta
            </Button>
          </Menu.Target>
          <Menu.Dropdown maw={320}>
            <Menu.Item onClick={() => reset.mutate({ connectionId: connection.id, to: 'clear' })}>
              <Text size="sm" fw={500}>
                Read everything next time
              </Text>
              <Text size="xs" c="dimmed">
                The next fetch reads the whole directory again.
              </Text>
            </Menu.Item>
            <Menu.Item onClick={() => reset.mutate({ connectionId: connection.id, to: 'latest' })}>
              <Text size="sm" fw={500}>
                Start from now
              </Text>
              <Text size="xs" c="dimmed">
                The next fetch reads only changes made after this, into the current snapshot.
              </Text>
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        )}
      </Group>
      {reset.error && <ErrorNotice title="Delta was not reset" error={reset.error} />}
    </>
  )
}
