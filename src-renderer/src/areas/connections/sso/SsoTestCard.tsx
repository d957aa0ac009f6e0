/**
 * "Check and test" for single sign-on: Check settings (the issuer's sign-in configuration, the client
 * ID known to the provider) as a checklist, then Test sign-in — a real sign-in in the system browser
 * that waits (with Cancel) and says who signed in and whether Halo knows them, or why it failed.
 * Both use the saved settings, so they wait until there are some; both results are kept with them.
 */
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import type { Connection, SsoState } from '../../../../../src-shared/contract'
import { useSsoAction } from '../../../api/sso'
import { ChecklistCard } from '../../../components/ChecklistCard'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SsoTestResult } from './SsoTestResult'

export function SsoTestCard({ connection, state }: { connection: Connection; state: SsoState }): React.JSX.Element {
  const check = useSsoAction('sso:check')
  const provider = connection.kind === 'okta' ? 'Okta' : 'Microsoft Entra ID'
  return (
    <ChecklistCard
      title="Check and test"
      description={`Check settings asks ${provider} for the issuer’s sign-in configuration and whether it knows the app. Test sign-in then signs in for real in your browser and checks the ID token. Nothing in Halo changes.`}
      actionLabel="Check settings"
      runningText={`Asking ${provider}…`}
      notTestedText={state.saved ? 'Not checked yet. A check takes a few seconds.' : 'Save the settings first, then check and test them.'}
      listLabel="Single sign-on checks"
      check={state.lastCheck}
      testing={check.isPending}
      error={check.error}
      disabled={!state.saved}
      onTest={() => check.mutate({ connectionId: connection.id })}
      footer={<TestSignIn connection={connection} state={state} />}
    />
  )
}

function TestSignIn({ connection, state }: { connection: Connection; state: SsoState }): React.JSX.Element {
  const test = useSsoAction('sso:test')
  const cancel = useSsoAction('sso:cancelTest')
  const result = state.lastTest
  return (
    <Stack gap="sm">
      {test.isPending && (
        <Alert variant="light" color="blue" title="Waiting for you to sign in" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Sign in as an agent or user in the browser window that opened; Identity Studio continues by itself.</Text>
            <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate({})}>
              Cancel sign-in
            </Button>
          </Stack>
        </Alert>
      )}
      {test.error &&
        (test.error.code === 'CANCELLED' ? (
          <Text size="sm" c="dimmed" role="status">
            Test sign-in cancelled: the last result stays.
          </Text>
        ) : (
          <ErrorNotice title="The test sign-in could not run" error={test.error} />
        ))}
      {result && !test.isPending && <SsoTestResult kind={connection.kind} test={result} current={!result.ok || state.tested} />}
      <Group gap="sm">
        <Button
          variant={state.tested ? 'default' : 'filled'}
          leftSection={test.isPending ? <Loader size={14} color="gray" aria-hidden /> : <IconExternalLink size={16} aria-hidden />}
          disabled={!state.saved || test.isPending}
          onClick={() => test.mutate({ connectionId: connection.id })}
        >
          {test.isPending ? 'Waiting for sign-in…' : 'Test sign-in'}
        </Button>
        {!result && state.saved && !test.isPending && (
          <Text size="sm" c="dimmed">
            Register the test sign-in redirect URI above first.
          </Text>
        )}
      </Group>
    </Stack>
  )
}
