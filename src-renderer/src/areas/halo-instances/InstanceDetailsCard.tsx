/**
 * An instance's settings as saved (address, deployment, auth server, sign-in, client, scope, rate
 * limit) and its sign-in state. An authorization-code instance signs in and out here: signing in
 * opens the system browser and waits until Halo sends the admin back.
 */
import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core'
import { IconExternalLink, IconLogout } from '@tabler/icons-react'
import type { HaloInstance } from '../../../../src-shared/contract'
import { useHaloAction } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SectionCard } from '../../components/SectionCard'
import { SettingsList, type SettingRow } from '../../components/SettingsList'
import { InstanceBadges } from './InstanceBadges'
import { authModeLabels, deploymentText } from './instance-labels'

export function InstanceDetailsCard({ instance }: { instance: HaloInstance }): React.JSX.Element {
  const rows: SettingRow[] = [
    ['Web address', <Code key="url">{instance.baseUrl}</Code>],
    ['Deployment', deploymentText(instance)],
    ['Auth server', instance.authServerUrl ? <Code key="auth">{instance.authServerUrl}</Code> : 'Discovered from /api/authinfo'],
    ['Sign-in', authModeLabels[instance.authMode]],
    ['Client ID', <Code key="client">{instance.clientId}</Code>],
    ['Scope', instance.scope],
    ['Rate limit', `${instance.rateLimitRequests.toLocaleString()} requests per ${instance.rateLimitWindowSeconds.toLocaleString()} s`]
  ]
  return (
    <SectionCard title="Connection details">
      <InstanceBadges instance={instance} />
      <SettingsList rows={rows} />
      {instance.authMode === 'authorization_code' && <BrowserSignIn instance={instance} />}
    </SectionCard>
  )
}

function BrowserSignIn({ instance }: { instance: HaloInstance }): React.JSX.Element {
  const signIn = useHaloAction('halo:signIn')
  const signOut = useHaloAction('halo:signOut')
  const cancel = useHaloAction('halo:cancelSignIn')
  // Cancelling is the admin's own choice, not a failure to report.
  const failure = (signIn.error?.code === 'CANCELLED' ? null : signIn.error) ?? signOut.error
  return (
    <>
      {signIn.isPending && (
        <Alert variant="light" color="blue" title="Waiting for you to sign in" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">Finish signing in to Halo in the browser window that opened; Identity Studio continues by itself.</Text>
            <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate({})}>
              Cancel sign-in
            </Button>
          </Stack>
        </Alert>
      )}
      {failure && <ErrorNotice title={failure === signIn.error ? 'Signing in did not work' : 'Signing out did not work'} error={failure} />}
      <Group gap="sm">
        {instance.signedIn ? (
          <Button
            variant="default"
            leftSection={<IconLogout size={16} aria-hidden />}
            loading={signOut.isPending}
            onClick={() => {
              signIn.reset()
              signOut.mutate({ id: instance.id })
            }}
          >
            Sign out
          </Button>
        ) : (
          <Button
            leftSection={signIn.isPending ? <Loader size={14} color="gray" aria-hidden /> : <IconExternalLink size={16} aria-hidden />}
            disabled={signIn.isPending}
            onClick={() => {
              signOut.reset()
              signIn.mutate({ id: instance.id })
            }}
          >
            {signIn.isPending ? 'Waiting for sign-in…' : 'Sign in with Halo'}
          </Button>
        )}
      </Group>
    </>
  )
}
