/**
 * "Test connection" for Entra: signs in with the connection's credentials, reads the permissions
 * (application roles) the token carries and checks each one the connection needs, with why it is
 * needed — licence and device permissions only when those features are on — and reads the client
 * secret's expiry from Graph when the app may read its own registration (Application.Read.All; the
 * secret is recognised by its first three characters, Graph's `hint`). Also the admin-consent link.
 */
import type { Application, PasswordCredential } from '@microsoft/microsoft-graph-types'
import { StudioError } from '../../../src-shared/contract'
import { adminConsentUrl } from '../../../src-shared/entra-setup'
import type { EntraTokenSource } from './entra-tokens'
import type { GraphClient, GraphPage } from './graph-client'

export interface EntraFeatures {
  licences: boolean
  licenceManagement: boolean
  devices: boolean
}

export interface RequiredPermission {
  permission: string
  /** Broader permissions that also do (e.g. Directory.Read.All). */
  alsoAccepted: string[]
  why: string
}

export function requiredPermissions(features: EntraFeatures): RequiredPermission[] {
  return [
    { permission: 'User.Read.All', alsoAccepted: ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], why: 'Read every user and their manager: the people Halo imports.' },
    { permission: 'GroupMember.Read.All', alsoAccepted: ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], why: 'Read groups and their members: site, role and CAB mappings match on them.' },
    ...(features.licences ? [{ permission: 'Organization.Read.All', alsoAccepted: ['LicenseAssignment.Read.All', 'LicenseAssignment.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'], why: "Read the tenant's licences (subscribed SKUs) to import them into Halo." }] : []),
    ...(features.licenceManagement ? [{ permission: 'LicenseAssignment.ReadWrite.All', alsoAccepted: ['User.ReadWrite.All', 'Directory.ReadWrite.All'], why: 'Assign and remove licences in Entra when Halo manages them.' }] : []),
    ...(features.devices ? [{ permission: 'DeviceManagementManagedDevices.Read.All', alsoAccepted: ['DeviceManagementManagedDevices.ReadWrite.All'], why: "Read Intune's managed devices into the snapshot, each with the person it is enrolled to." }] : []),
    { permission: 'Application.Read.All', alsoAccepted: ['Application.ReadWrite.All', 'Directory.Read.All'], why: "Optional: read the client secret's expiry, so Identity Studio warns before it runs out. Without it, enter the expiry date yourself." }
  ]
}

export interface EntraCheck {
  /** Each required permission, and whether the token carries it (or a broader one). */
  permissions: Array<RequiredPermission & { granted: boolean }>
  /** The permissions the token carries (application roles, or a signed-in admin's delegated scopes). */
  roles: string[]
  appName: string | null
  /** The client secret's expiry as Graph tells it; null when the app may not read its registration. */
  secretExpiresAt: string | null
  /** Where to grant admin consent for the app's permissions. */
  adminConsentUrl: string
}

/** The permissions an access token carries: an app's `roles`, or a signed-in admin's `scp` (the token is Entra's, read, not verified). */
export function tokenPermissions(accessToken: string): string[] {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { roles?: unknown; scp?: unknown }
    if (typeof payload.scp === 'string') return payload.scp.split(' ').filter(Boolean)
    return Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : []
  } catch {
    return []
  }
}

export async function checkEntraConnection(options: { tokens: EntraTokenSource; graph: GraphClient; tenantId: string; clientId: string; clientSecret: string; authorityHost: string; features: EntraFeatures }): Promise<EntraCheck> {
  const roles = tokenPermissions(await options.tokens.graphToken())
  const permissions = requiredPermissions(options.features).map((required) => ({ ...required, granted: [required.permission, ...required.alsoAccepted].some((role) => roles.includes(role)) }))
  let appName: string | null = null
  let secretExpiresAt: string | null = null
  try {
    const page = await options.graph.get<GraphPage<Application>>(`applications?$filter=appId eq '${options.clientId}'&$select=appId,displayName,passwordCredentials`, 'the app registration')
    const app = page.value[0]
    appName = app?.displayName ?? null
    secretExpiresAt = secretExpiry(app?.passwordCredentials ?? [], options.clientSecret)
  } catch (error) {
    if (!(error instanceof StudioError) || error.code !== 'FORBIDDEN') throw error
  }
  return { permissions, roles, appName, secretExpiresAt, adminConsentUrl: adminConsentUrl(options.authorityHost, options.tenantId, options.clientId) }
}

/** The expiry of the secret in use: the credential whose hint starts the secret (the latest if several do). */
export function secretExpiry(credentials: readonly PasswordCredential[], secret: string): string | null {
  const matching = credentials.filter((credential) => credential.hint && secret.startsWith(credential.hint) && credential.endDateTime)
  const latest = matching.map((credential) => credential.endDateTime as string).sort().at(-1)
  return latest ?? null
}
