/**
 * A connection's settings as saved. Okta: the org's address, how it signs in (client and key IDs for
 * a service app) and whether its credential is in the keychain, with the address warnings. Entra ID:
 * the tenant and app, how Graph is read (and who authorized), the client secret and its expiry (with
 * the notice 30 and 7 days ahead), delta, Intune devices, and the hosts when they are not
 * Microsoft's global cloud.
 * Both: the Halo instance it imports into.
 */
import { Anchor, Code } from '@mantine/core'
import { Link } from 'react-router'
import { entraDefaultHosts, type Connection } from '../../../../src-shared/contract'
import { expiryDay } from '../../../../src-shared/entra-setup'
import { RelativeTime } from '../../components/RelativeTime'
import { SectionCard } from '../../components/SectionCard'
import { SettingsList, type SettingRow } from '../../components/SettingsList'
import { instancePath } from '../../shell/areas'
import { ConnectionBadges, ConnectionWarnings, SecretExpiryNotice } from './ConnectionBadges'
import { connectionCredentialText, entraSignInLabels, entraTenantTypeLabels, oktaAuthModeLabels } from './connection-labels'

/** `footer`: shown last in the card, e.g. "Authorize". */
export function ConnectionSettingsCard({ connection, footer }: { connection: Connection; footer?: React.ReactNode }): React.JSX.Element {
  const imports: SettingRow = [
    'Imports into',
    <Anchor key="halo" component={Link} to={instancePath(connection.haloInstanceId)} size="sm">
      {connection.haloInstanceName}
    </Anchor>
  ]
  return (
    <SectionCard title="Connection details">
      <ConnectionBadges connection={connection} />
      <SettingsList rows={connection.entra ? entraRows(connection, imports) : oktaRows(connection, imports)} />
      <ConnectionWarnings warnings={connection.okta?.warnings ?? []} />
      <SecretExpiryNotice connection={connection} />
      {footer}
    </SectionCard>
  )
}

function oktaRows(connection: Connection, imports: SettingRow): SettingRow[] {
  const okta = connection.okta
  return [
    ['Org URL', okta ? <Code key="url">{okta.orgUrl}</Code> : '–'],
    imports,
    ['Sign-in', okta ? oktaAuthModeLabels[okta.authMode] : '–'],
    ...(okta?.authMode === 'service_app'
      ? ([
          ['Client ID', okta.clientId ? <Code key="client">{okta.clientId}</Code> : '–'],
          ['Key ID', okta.keyId ? <Code key="kid">{okta.keyId}</Code> : 'From the JWK']
        ] satisfies SettingRow[])
      : []),
    ['Credential', connectionCredentialText(connection)]
  ]
}

function entraRows(connection: Connection, imports: SettingRow): SettingRow[] {
  const entra = connection.entra
  if (!entra) return [imports]
  const delegated = entra.signIn === 'delegated'
  return [
    ['Tenant ID', <Code key="tenant">{entra.tenantId}</Code>],
    ['App', `${entraTenantTypeLabels[entra.tenantType]} app registration`],
    ['Application ID', <Code key="client">{entra.clientId}</Code>],
    imports,
    ['Reads Graph as', `${entraSignInLabels[entra.signIn]} (${delegated ? 'delegated' : 'application'} permissions)`],
    ...(delegated
      ? ([
          [
            'Authorized',
            entra.authorizedAs && entra.authorizedAt ? (
              <span key="authorized">
                by {entra.authorizedAs}, <RelativeTime iso={entra.authorizedAt} />
              </span>
            ) : (
              'Not yet: press Authorize below'
            )
          ]
        ] satisfies SettingRow[])
      : []),
    ['Client secret', connectionCredentialText(connection)],
    ['Secret expires', entra.secretExpiresAt ? `${expiryDay(entra.secretExpiresAt)} (${entra.secretExpirySource === 'graph' ? 'read from Graph' : 'as entered'})` : 'Unknown: enter it in Edit, or grant Application.Read.All and test'],
    ['Delta', entra.delta ? (entra.deltaReady ? 'On: the next fetch reads only the changes' : 'On: the next fetch reads everything, later ones only the changes') : 'Off: every fetch reads everything'],
    ['Devices', entra.devices ? 'On: Intune devices are read with the directory' : 'Off'],
    ...(entra.authorityHost !== entraDefaultHosts.authority || entra.graphHost !== entraDefaultHosts.graph
      ? ([
          ['Login', <Code key="login">{entra.authorityHost}</Code>],
          ['Graph', <Code key="graph">{entra.graphHost}</Code>]
        ] satisfies SettingRow[])
      : [])
  ]
}
