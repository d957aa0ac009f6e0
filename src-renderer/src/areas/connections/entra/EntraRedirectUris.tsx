/**
 * The redirect URIs to register on the Entra app (App registrations › your app › Authentication),
 * worked out from the Halo instance's address: Halo's web app, agent and user single sign-on, and —
 * for a connection that reads as a signed-in admin — this app's "Authorize". Each with a copy button.
 */
import { Badge, Group, Stack, Text } from '@mantine/core'
import type { Connection } from '../../../../../src-shared/contract'
import { entraRedirectUris } from '../../../../../src-shared/entra-setup'
import { useHaloInstances } from '../../../api/halo'
import { CopyableValue } from '../../../components/CopyableValue'
import { SectionCard } from '../../../components/SectionCard'

export function EntraRedirectUris({ connection }: { connection: Connection }): React.JSX.Element {
  const instances = useHaloInstances()
  const halo = instances.data?.find((instance) => instance.id === connection.haloInstanceId)
  const delegated = connection.entra?.signIn === 'delegated'
  const uris = halo ? entraRedirectUris(halo.baseUrl).filter((uri) => delegated || !uri.uri.startsWith('http://localhost')) : []
  return (
    <SectionCard
      title="Redirect URIs to register"
      description="In the Azure portal: App registrations › your app › Authentication › Add a platform › Web. Add each address, then tick ID tokens and Access tokens. If your users' portal has its own address, use it for the portal line."
    >
      {!halo && (
        <Text size="sm" c="dimmed">
          {instances.isPending ? 'Reading the Halo instance…' : 'The Halo instance this connection imports into is not in the workspace.'}
        </Text>
      )}
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Redirect URIs">
        {uris.map((uri) => (
          <Stack component="li" key={uri.purpose} gap={2}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {uri.purpose}
              </Text>
              <Badge variant="default" tt="none" fw={500} size="sm">
                {uri.platform}
              </Badge>
            </Group>
            <CopyableValue value={uri.uri} label={`${uri.purpose} redirect URI`} />
            <Text size="xs" c="dimmed">
              {uri.why}
            </Text>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  )
}
