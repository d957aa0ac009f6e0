/**
 * A connection's settings as saved: the directory's address, the Halo instance it imports into, how
 * it signs in (client and key IDs for a service app) and whether its credential is in the keychain,
 * with the address warnings (a custom domain and single sign-on) underneath.
 */
import { Anchor, Code } from '@mantine/core'
import { Link } from 'react-router'
import type { Connection } from '../../../../src-shared/contract'
import { SectionCard } from '../../components/SectionCard'
import { SettingsList, type SettingRow } from '../../components/SettingsList'
import { instancePath } from '../../shell/areas'
import { ConnectionBadges, ConnectionWarnings } from './ConnectionBadges'
import { credentialText, oktaAuthModeLabels } from './connection-labels'

export function ConnectionSettingsCard({ connection }: { connection: Connection }): React.JSX.Element {
  const okta = connection.okta
  const rows: SettingRow[] = [
    ['Org URL', okta ? <Code key="url">{okta.orgUrl}</Code> : '–'],
    [
      'Imports into',
      <Anchor key="halo" component={Link} to={instancePath(connection.haloInstanceId)} size="sm">
        {connection.haloInstanceName}
      </Anchor>
    ],
    ['Sign-in', okta ? oktaAuthModeLabels[okta.authMode] : '–'],
    ...(okta?.authMode === 'service_app'
      ? ([
          ['Client ID', okta.clientId ? <Code key="client">{okta.clientId}</Code> : '–'],
          ['Key ID', okta.keyId ? <Code key="kid">{okta.keyId}</Code> : 'From the JWK']
        ] satisfies SettingRow[])
      : []),
    ['Credential', okta ? credentialText(okta) : '–']
  ]
  return (
    <SectionCard title="Connection details">
      <ConnectionBadges connection={connection} />
      <SettingsList rows={rows} />
      <ConnectionWarnings warnings={okta?.warnings ?? []} />
    </SectionCard>
  )
}
