/**
 * Single sign-on settings of a connection, as the SSO tab edits them (seeds 000 and 001): for Okta
 * the client ID, the authorization server (org or custom, by its id) and so the issuer; for Entra
 * whether it is published, the tenant type, the tenants allowed (multi-tenant) and the application
 * ID; for both who may sign in (agents, users, both) and whether Halo redirects straight to the
 * provider. Checked the same way in the renderer and in main. The redirect URIs to register follow
 * from the Halo instance's address.
 */
import { z } from 'zod'
import type { FormIssue } from './halo'

export const ssoAudienceSchema = z.enum(['agents', 'users', 'both'])
export type SsoAudience = z.infer<typeof ssoAudienceSchema>

const trimmed = (max: number) => z.string().trim().max(max)

export const oktaSsoSettingsSchema = z
  .object({
    kind: z.literal('okta'),
    enabled: z.boolean(),
    clientId: trimmed(100),
    server: z.discriminatedUnion('kind', [z.object({ kind: z.literal('org') }).strict(), z.object({ kind: z.literal('custom'), id: trimmed(100) }).strict()]),
    audience: ssoAudienceSchema,
    autoRedirect: z.boolean()
  })
  .strict()
export type OktaSsoSettings = z.infer<typeof oktaSsoSettingsSchema>

export const entraSsoSettingsSchema = z
  .object({
    kind: z.literal('entra'),
    published: z.boolean(),
    tenantType: z.enum(['single', 'multi']),
    /** Multi-tenant: the tenants whose people may sign in (GUIDs). */
    allowedTenants: z.array(trimmed(64)).max(200),
    applicationId: trimmed(64),
    audience: ssoAudienceSchema,
    autoRedirect: z.boolean()
  })
  .strict()
export type EntraSsoSettings = z.infer<typeof entraSsoSettingsSchema>

export const ssoSettingsSchema = z.discriminatedUnion('kind', [oktaSsoSettingsSchema, entraSsoSettingsSchema])
export type SsoSettings = z.infer<typeof ssoSettingsSchema>

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Okta client IDs: 20 characters, starting 0oa (apps made in the Admin Console). */
const oktaClientId = /^0oa[0-9A-Za-z]{17}$/

export function ssoSettingsIssues(settings: SsoSettings): FormIssue[] {
  const issues: FormIssue[] = []
  if (settings.kind === 'okta') {
    if (!settings.clientId) issues.push({ path: 'clientId', message: "Enter the Client ID from the Okta app's General tab (Applications › your OIDC app)." })
    else if (!oktaClientId.test(settings.clientId)) issues.push({ path: 'clientId', message: 'An Okta client ID is 20 letters and digits starting with 0oa, as shown on the app’s General tab.' })
    if (settings.server.kind === 'custom' && !/^[A-Za-z0-9_-]{1,100}$/.test(settings.server.id)) issues.push({ path: 'server.id', message: 'Enter the authorization server’s ID (Security › API › Authorization Servers), for example default or aus1a2b3c4d5e6f7g8.' })
  } else {
    if (!guid.test(settings.applicationId)) issues.push({ path: 'applicationId', message: "The Application (client) ID is a GUID (8-4-4-4-12 hexadecimal characters), shown on the app's Overview page in Azure." })
    if (settings.tenantType === 'multi') {
      if (settings.allowedTenants.length === 0) issues.push({ path: 'allowedTenants', message: 'A multi-tenant app needs the tenant ID of each organisation whose people may sign in.' })
      settings.allowedTenants.forEach((tenant, index) => {
        if (!guid.test(tenant)) issues.push({ path: `allowedTenants.${index}`, message: `"${tenant}" is not a tenant ID: each is a GUID (Microsoft Entra admin center › Overview › Tenant ID).` })
      })
      const seen = new Set<string>()
      settings.allowedTenants.forEach((tenant, index) => {
        if (seen.has(tenant.toLowerCase())) issues.push({ path: `allowedTenants.${index}`, message: `Tenant ${tenant} is listed twice.` })
        seen.add(tenant.toLowerCase())
      })
    }
  }
  return issues
}

/** The issuer an Okta setting signs in with: the org URL, or its custom server. */
export function oktaSsoIssuer(orgUrl: string, server: OktaSsoSettings['server']): string {
  const origin = orgUrl.replace(/\/+$/, '')
  return server.kind === 'org' ? origin : `${origin}/oauth2/${server.id}`
}

/** The redirect URIs to register on the Okta app: sign-in (Halo's OpenID response) and sign-out (Halo itself). */
export function oktaSsoRedirectUris(haloUrl: string): { signIn: string; signOut: string } {
  const halo = haloUrl.replace(/\/+$/, '')
  return { signIn: `${halo}/auth/account/openidresponse`, signOut: halo }
}
