/**
 * Step 3: what to create at the identity provider before entering credentials, written for this
 * admin's own Halo address, each URI with a copy button. Okta: an API token with the least role and
 * the OIDC sign-in app (grant types, redirect URIs). Entra: the app registration (single or
 * multi-tenant), the Graph permissions with why each is needed, admin consent, the client secret and
 * its expiry, and the redirect URIs. The admin ticks that it is done; skipping says what is lost.
 */
import { Code, List, Stack, Text, Title } from '@mantine/core'
import { entraRedirectUris } from '../../../../src-shared/entra-setup'
import { CopyableValue } from '../../components/CopyableValue'
import { GuideConfirm } from './GuideConfirm'
import type { GuideStepProps } from './guide-step-props'

function Part({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={3} fz="md">
        {title}
      </Title>
      {children}
    </Stack>
  )
}

function OktaSetup({ haloUrl }: { haloUrl: string }): React.JSX.Element {
  return (
    <>
      <Part title="1. An API token to read the directory">
        <Text size="sm">
          In the Okta Admin Console: <b>Security › API › Tokens › Create token</b>. Create it signed in as an admin with the least role that can read users, groups and apps: <b>Read-only Administrator</b>, or a custom admin role with <Code>okta.users.read</Code>, <Code>okta.groups.read</Code> and <Code>okta.apps.read</Code>. Okta shows the token once: copy it now.
        </Text>
        <Text size="sm">
          Use your primary Okta address, <Code>https://your-org.okta.com</Code>, not the <Code>-admin</Code> one.
        </Text>
      </Part>
      <Part title="2. The sign-in app for Halo’s single sign-on">
        <List size="sm" spacing={4}>
          <List.Item>
            <b>Applications › Create App Integration › OIDC – OpenID Connect › Native Application</b>, named e.g. “Halo”.
          </List.Item>
          <List.Item>Grant types: Authorization Code and Refresh Token; client authentication: none (PKCE).</List.Item>
          <List.Item>Sign-in redirect URIs:</List.Item>
        </List>
        <CopyableValue value={`${haloUrl}/auth/account/openidresponse`} label="Halo sign-in redirect URI" />
        <CopyableValue value="http://localhost/callback" label="Identity Studio test sign-in redirect URI" />
        <Text size="sm">Sign-out redirect URI:</Text>
        <CopyableValue value={haloUrl} label="sign-out redirect URI" />
        <Text size="sm">Then assign the app to the people (or groups) who will sign in to Halo, and keep its client ID for the single sign-on step.</Text>
      </Part>
    </>
  )
}

function EntraSetup({ haloUrl }: { haloUrl: string }): React.JSX.Element {
  return (
    <>
      <Part title="1. An app registration">
        <Text size="sm">
          Azure portal: <b>Microsoft Entra ID › App registrations › New registration</b>. Supported account types: <b>this organizational directory only</b> (single tenant), or <b>any organizational directory</b> when people of several tenants sign in (multi-tenant). Note the Application (client) ID and the Directory (tenant) ID on its Overview.
        </Text>
      </Part>
      <Part title="2. Microsoft Graph permissions (application), and admin consent">
        <List size="sm" spacing={4}>
          <List.Item>
            <Code>User.Read.All</Code>: read people, their managers and whether their account is enabled.
          </List.Item>
          <List.Item>
            <Code>Group.Read.All</Code> and <Code>GroupMember.Read.All</Code>: read groups and who is in them, for site and role mappings.
          </List.Item>
          <List.Item>
            Only if you import licences: <Code>Organization.Read.All</Code>; to manage them from Halo: <Code>LicenseAssignment.ReadWrite.All</Code>.
          </List.Item>
          <List.Item>
            Only for Intune devices: <Code>DeviceManagementManagedDevices.Read.All</Code>.
          </List.Item>
        </List>
        <Text size="sm">
          Then <b>API permissions › Grant admin consent</b> for your organisation: without it every read is refused.
        </Text>
      </Part>
      <Part title="3. A client secret">
        <Text size="sm">
          <b>Certificates &amp; secrets › New client secret</b>. Azure shows its <b>Value</b> once: copy it now, and note its expiry date — Identity Studio warns 30 and 7 days before it runs out.
        </Text>
      </Part>
      <Part title="4. Redirect URIs">
        <Text size="sm">
          <b>Authentication › Add a platform › Web</b>, then add each:
        </Text>
        {entraRedirectUris(haloUrl).map((uri) => (
          <Stack key={uri.uri} gap={0}>
            <Text size="xs" c="dimmed">
              {uri.purpose}: {uri.why}
            </Text>
            <CopyableValue value={uri.uri} label={`${uri.purpose} redirect URI`} />
          </Stack>
        ))}
      </Part>
    </>
  )
}

export function ProviderSetupStep({ progress, update, facts }: GuideStepProps): React.JSX.Element {
  const haloUrl = (facts.haloInstance?.baseUrl ?? 'https://your-halo').replace(/\/+$/, '')
  return (
    <Stack gap="lg">
      <Text size="sm">Create these in {progress.kind === 'entra' ? 'the Azure portal' : 'the Okta Admin Console'} now; the next step asks for what they give you and tests it.</Text>
      {progress.kind === 'entra' ? <EntraSetup haloUrl={haloUrl} /> : <OktaSetup haloUrl={haloUrl} />}
<GuideConfirm progress={progress} update={update} step="provider" label="I have created these" />
    </Stack>
  )
}
