/**
 * "Authorize" for an Entra connection that reads as a signed-in admin: opens Microsoft's sign-in in
 * the system browser and waits (with Cancel) until the admin has signed in there; then says who
 * authorized. Authorizing again replaces the last authorization (after it lapsed, or to change who).
 */
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import type { Connection } from '../../../../../src-shared/contract'
import { useConnectionAction } from '../../../api/connections'
import { ErrorNotice } from '../../../components/ErrorNotice'

export function EntraAuthorize({ connection }: { connection: Connection }): React.JSX.Element {
  const authorize = useConnectionAction('connections:authorizeEntra')
  const cancel = useConnectionAction('connections:cancelAuthorize')
  // Cancelling is the admin's own choice, not a failure to report.
  const failure = authorize.error?.code === 'CANCELLED' ? null : authorize.error
  const authorized = connection.entra?.authorizedAs ?? null
  return (
    <Stack gap="sm">
      {authorize.isPending && (
        <Alert variant="light" color="blue" title="Waiting for you to sign in" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Sign in with a Microsoft account allowed to read the directory in the browser window that opened; Identity Studio continues by itself.</Text>
            <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate({})}>
              Cancel sign-in
            </Button>
          </Stack>
        </Alert>
      )}
      {failure && <ErrorNotice title="Authorizing did not work" error={failure} />}
      <Group gap="sm">
        <Button
          variant={authorized ? 'default' : 'filled'}
          leftSection={authorize.isPending ? <Loader size={14} color="gray" aria-hidden /> : <IconExternalLink size={16} aria-hidden />}
          disabled={authorize.isPending}
          onClick={() => authorize.mutate({ id: connection.id })}
        >
          {authorize.isPending ? 'Waiting for sign-in…' : authorized ? 'Authorize again' : 'Authorize'}
        </Button>
        {!authorized && !authorize.isPending && (
          <Text size="sm" c="dimmed">
            Needed once before the first test or fetch.
          </Text>
        )}
      </Group>
    </Stack>
  )
}
