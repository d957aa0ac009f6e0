/**
 * What an admin registers and watches in Azure for an Entra connection, worked out the same in main
 * and the renderer: the redirect URIs (Halo's SSO and import, and this app's "Authorize"), the
 * admin-consent link for the app's permissions, and how close the client secret is to expiring
 * (warned 30 days ahead, urgently 7).
 */

export interface RedirectUri {
  /** What the URI is for, e.g. "Agent single sign-on". */
  purpose: string
  uri: string
  /** Azure's platform to add it under. */
  platform: 'Web' | 'Mobile and desktop applications'
  /** Why it is needed, in a sentence. */
  why: string
}

/** The path of this app's "Authorize" redirect (the loopback listener; Entra ignores a localhost port). */
export const authorizeRedirectPath = '/identity-studio'

/**
 * The redirect URIs to register for a Halo instance at `haloUrl` (its agent web app). The user portal
 * is `<haloUrl>/portal` unless the admin gives its own address.
 */
export function entraRedirectUris(haloUrl: string, portalUrl?: string | null): RedirectUri[] {
  const agent = haloUrl.replace(/\/+$/, '')
  const portal = (portalUrl?.trim() || `${agent}/portal`).replace(/\/+$/, '')
  return [
    { purpose: 'Halo web app', uri: agent, platform: 'Web', why: 'Registered first, as the seed of the others; Halo’s own "Authorize" for imports returns here.' },
    { purpose: 'Agent single sign-on', uri: `${agent}/auth/account/azureresponse`, platform: 'Web', why: 'Where Entra sends agents back after signing in to Halo.' },
    { purpose: 'User single sign-on', uri: `${portal}/auth/account/azureresponse`, platform: 'Web', why: 'Where Entra sends users back after signing in to the self-service portal.' },
    { purpose: 'Identity Studio "Authorize"', uri: `http://localhost${authorizeRedirectPath}`, platform: 'Web', why: 'Only for a connection that reads as a signed-in admin: the sign-in returns to this app on this computer.' }
  ]
}

/** Where an administrator grants consent to the app's permissions for the whole tenant. */
export function adminConsentUrl(authorityHost: string, tenantId: string, clientId: string): string {
  const url = new URL(`${new URL(authorityHost).origin}/${tenantId}/adminconsent`)
  url.searchParams.set('client_id', clientId)
  return url.href
}

export const secretWarnDays = 30
export const secretUrgentDays = 7
const dayMs = 86_400_000

export type SecretExpiryLevel = 'ok' | 'soon' | 'urgent' | 'expired'

/** How close a client secret is to expiring: whole days left (negative once expired) and a level to show it at. */
export function secretExpiryState(expiresAt: string, now: Date): { days: number; level: SecretExpiryLevel } {
  const days = Math.floor((Date.parse(expiresAt) - now.getTime()) / dayMs)
  const level: SecretExpiryLevel = days < 0 ? 'expired' : days <= secretUrgentDays ? 'urgent' : days <= secretWarnDays ? 'soon' : 'ok'
  return { days, level }
}

/** "30 November 2026". */
export function expiryDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
