/** The words for a connection's settings and its directory's statuses and groups, shared by the form, the list, the page and the snapshot browser. */
import type { Connection, OktaAuthMode } from '../../../../src-shared/contract'

export const kindLabels: Record<Connection['kind'], string> = { okta: 'Okta', entra: 'Entra ID' }

export const oktaAuthModeLabels: Record<OktaAuthMode, string> = { api_token: 'API token', service_app: 'OAuth service app' }

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

/** "1 person", "340 people"; "1 group", "35 groups". */
export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
