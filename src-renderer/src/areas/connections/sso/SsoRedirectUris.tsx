/**
 * The redirect URIs to register on the provider's app for single sign-on — Halo's sign-in (and, for
 * Okta, sign-out) and this app's test sign-in — each with a copy button.
 */
import { Stack, Text } from '@mantine/core'
import type { Connection, SsoState } from '../../../../../src-shared/contract'
import { CopyableValue } from '../../../components/CopyableValue'
import { SectionCard } from '../../../components/SectionCard'

const where: Record<Connection['kind'], string> = {
  okta: 'In the Okta Admin Console: Applications › your OIDC app › General tab › Login. Add each sign-in address under Sign-in redirect URIs and the sign-out one under Sign-out redirect URIs.',
  entra: 'In the Azure portal: App registrations › your app › Authentication › Web. Add each address under Redirect URIs.'
}

export function SsoRedirectUris({ kind, uris }: { kind: Connection['kind']; uris: SsoState['redirectUris'] }): React.JSX.Element {
  return (
    <SectionCard title="Redirect URIs to register" description={where[kind]}>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Redirect URIs">
        {uris.map((uri) => (
          <Stack component="li" key={uri.uri} gap={2}>
            <Text size="sm" fw={600}>
              {uri.purpose}
            </Text>
            <CopyableValue value={uri.uri} label={uri.purpose.endsWith('URI') ? uri.purpose : `${uri.purpose} redirect URI`} />
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  )
}
