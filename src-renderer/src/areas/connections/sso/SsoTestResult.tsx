/**
 * The last test sign-in: passed (who signed in — name, email and user name, for Entra the object and
 * tenant IDs — and the Halo agent or user they land on) or failed (the provider's reason, in the
 * admin's words), with when. A pass made with settings changed since says to test again.
 */
import { Alert, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react'
import type { Connection, SsoState } from '../../../../../src-shared/contract'
import { RelativeTime } from '../../../components/RelativeTime'

type SsoTest = NonNullable<SsoState['lastTest']>

export interface SsoTestResultProps {
  kind: Connection['kind']
  test: SsoTest
  /** The test was made with the saved settings. */
  current: boolean
}

export function SsoTestResult({ kind, test, current }: SsoTestResultProps): React.JSX.Element {
  const claims = test.claims
  const facts: Array<[string, string | null]> = claims
    ? [
        ['Name', claims.name],
        ['Email', claims.email],
        ['User name', claims.userName],
        ...(kind === 'entra' ? ([['Object ID', claims.objectId], ['Tenant ID', claims.tenantId]] as Array<[string, string | null]>) : [])
      ]
    : []
  return (
    <Alert
      variant="light"
      color={test.ok ? (current ? 'teal' : 'yellow') : 'red'}
      icon={test.ok ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
      title={test.ok ? 'Test sign-in passed' : 'Test sign-in failed'}
    >
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {test.message}
        </Text>
        {facts.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} component="dl" m={0}>
            {facts
              .filter((fact): fact is [string, string] => fact[1] !== null)
              .map(([label, value]) => (
                <Group key={label} gap={6} wrap="nowrap" align="baseline">
                  <Text component="dt" size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                    {label}
                  </Text>
                  <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }} miw={0}>
                    {value}
                  </Text>
                </Group>
              ))}
          </SimpleGrid>
        )}
        {test.ok && (
          <Group gap="xs">
            {test.halo.agentId !== null && <Badge variant="default" tt="none">Halo agent #{test.halo.agentId}</Badge>}
            {test.halo.userId !== null && <Badge variant="default" tt="none">Halo user #{test.halo.userId}</Badge>}
            {test.halo.agentId === null && test.halo.userId === null && (
              <Badge color="yellow" variant="light" tt="none">
                Not in Halo yet
              </Badge>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Tested <RelativeTime iso={test.at} />
          {test.ok && !current && ' with settings that have changed since: test again before applying.'}
        </Text>
      </Stack>
    </Alert>
  )
}
