/** The words for a connection's settings and its directory's statuses, groups and devices, shared by the form, the list, the page and the snapshot browser. */
import type { Connection, EntraSignIn, OktaAuthMode } from '../../../../src-shared/contract'

export const kindLabels: Record<Connection['kind'], string> = { okta: 'Okta', entra: 'Entra ID' }

export const oktaAuthModeLabels: Record<OktaAuthMode, string> = { api_token: 'API token', service_app: 'OAuth service app' }

export const entraTenantTypeLabels: Record<'single' | 'multi', string> = { single: 'Single tenant', multi: 'Multitenant' }

export const entraSignInLabels: Record<EntraSignIn, string> = { application: 'The app itself', delegated: 'A signed-in admin' }

/** What a connection signs in with, in a few words: "API token", "OAuth service app", "App permissions", "Signed-in admin". */
export function signInText(connection: Connection): string {
  if (connection.okta) return oktaAuthModeLabels[connection.okta.authMode]
  return connection.entra?.signIn === 'delegated' ? 'Signed-in admin' : 'App permissions'
}

/** "Client secret in keychain" / "No client secret stored", or the Okta credential's. */
export function connectionCredentialText(connection: Connection): string {
  if (connection.okta) return credentialText(connection.okta)
  return connection.entra?.secretSet ? 'Client secret in keychain' : 'No client secret stored'
}

/** Whether the keychain holds what the connection signs in with. */
export function credentialSet(connection: Connection): boolean {
  return connection.okta?.credentialSet ?? connection.entra?.secretSet ?? false
}

/** The directory's address as one line: the Okta org URL, or the Entra tenant. */
export function directoryAddress(connection: Connection): string | null {
  if (connection.okta) return connection.okta.orgUrl
  return connection.entra ? `Tenant ${connection.entra.tenantId}` : null
}

const credentialNames: Record<OktaAuthMode, string> = { api_token: 'API token', service_app: 'private key' }

/** "API token in keychain", "No private key stored". */
export function credentialText(okta: { authMode: OktaAuthMode; credentialSet: boolean }): string {
  const name = credentialNames[okta.authMode]
  return okta.credentialSet ? `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} in keychain` : `No ${name} stored`
}

/** A source's status word as a label: ACTIVE → "Active", LOCKED_OUT → "Locked out", enabled → "Enabled". */
export function statusLabel(status: string): string {
  const words = status.replace(/_/g, ' ').toLowerCase()
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

const statusColors: Record<string, string> = {
  ACTIVE: 'teal',
  enabled: 'teal',
  STAGED: 'blue',
  PROVISIONED: 'blue',
  RECOVERY: 'yellow',
  PASSWORD_EXPIRED: 'yellow',
  LOCKED_OUT: 'orange',
  SUSPENDED: 'orange',
  DEPROVISIONED: 'gray',
  disabled: 'gray'
}

export function statusColor(status: string): string {
  return statusColors[status] ?? 'gray'
}

const groupTypeLabels: Record<string, string> = { OKTA_GROUP: 'Okta group', APP_GROUP: 'App group', BUILT_IN: 'Built-in' }

export function groupTypeLabel(type: string): string {
  return groupTypeLabels[type] ?? statusLabel(type)
}

const complianceLabels: Record<string, string> = { noncompliant: 'Not compliant', inGracePeriod: 'In grace period', configManager: 'Configuration Manager' }

/** Intune's compliance state as a label: compliant → "Compliant", noncompliant → "Not compliant"; none → "Unknown". */
export function complianceLabel(compliance: string | null): string {
  if (compliance === null) return 'Unknown'
  return complianceLabels[compliance] ?? statusLabel(compliance)
}

/** Compliant green, not compliant red, anything else (grace period, unknown, error) grey. */
export function complianceColor(compliance: string | null): string {
  return compliance === 'compliant' ? 'green' : compliance === 'noncompliant' ? 'red' : 'gray'
}

const ownershipLabels: Record<string, string> = { company: 'Corporate', personal: 'Personal' }

/** Intune's ownership as its portal says it: company → "Corporate", personal → "Personal"; null when unknown. */
export function ownershipLabel(ownership: string | null): string | null {
  if (ownership === null || ownership === 'unknown') return null
  return ownershipLabels[ownership] ?? statusLabel(ownership)
}

/** "1 person", "340 people"; "1 group", "35 groups". */
export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
