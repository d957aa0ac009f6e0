/**
 * Single sign-on settings of a connection, as the SSO tab edits them (seeds 000 and 001): for Okta
 * the client ID, the authorization server (org or custom, by its id) and so the issuer; for Entra
 * whether it is published, the tenant type, the tenants allowed (multi-tenant) and the application
 * ID; for both who may sign in (agents, users, both) and whether Halo redirects straight to the
 * provider. Checked the same way in the renderer and in main. The redirect URIs to register follow
 * from the Halo instance's address.
 */
import { z } from 'zod'
import { checklistSchema } from './checklist'
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

export const ssoFieldChangeSchema = z.object({ record: z.string(), field: z.string(), label: z.string(), from: z.string().nullable(), to: z.string() })
export type SsoFieldChangeView = z.infer<typeof ssoFieldChangeSchema>

const haloRef = z.union([z.number(), z.string()])

export const ssoTestSchema = z.object({
  settingsHash: z.string(),
  at: z.string(),
  ok: z.boolean(),
  message: z.string(),
  claims: z
    .object({ subject: z.string(), name: z.string().nullable(), email: z.string().nullable(), userName: z.string().nullable(), objectId: z.string().nullable(), tenantId: z.string().nullable(), issuedAt: z.string().nullable(), expiresAt: z.string().nullable() })
    .nullable(),
  halo: z.object({ userId: haloRef.nullable(), agentId: haloRef.nullable() })
})

export const ssoApplySchema = z.object({ at: z.string(), settingsHash: z.string(), override: z.boolean(), changes: z.array(ssoFieldChangeSchema) })

export const ssoStateSchema = z.object({
  settings: ssoSettingsSchema,
  haloConnectionId: z.number().int().nullable(),
  /** The last "Check settings", while the settings are the ones it checked. */
  lastCheck: checklistSchema.nullable(),
  lastTest: ssoTestSchema.nullable(),
  lastApply: ssoApplySchema.nullable(),
  tested: z.boolean(),
  /** Whether these settings are saved (a new connection shows its defaults, unsaved). */
  saved: z.boolean(),
  /** The issuer the settings sign in with, and the redirect URIs to register (purpose, URI). */
  issuer: z.string(),
  redirectUris: z.array(z.object({ purpose: z.string(), uri: z.string() }))
})
export type SsoState = z.infer<typeof ssoStateSchema>

const byConnection = z.object({ connectionId: z.string().min(1) }).strict()

export const ssoProcedures = {
  'sso:get': { summary: "A connection's single sign-on settings, last test and last apply, with the issuer and redirect URIs.", input: byConnection, output: ssoStateSchema },
  'sso:save': {
    summary: 'Validate and keep single sign-on settings (nothing is sent to Halo).',
    input: z.object({ connectionId: z.string().min(1), settings: ssoSettingsSchema, haloConnectionId: z.number().int().nullable() }).strict(),
    output: ssoStateSchema
  },
  'sso:check': { summary: 'The checks before a test sign-in: issuer, discovery document, client ID known to the provider.', input: byConnection, output: checklistSchema },
  'sso:test': { summary: 'A real sign-in in the system browser (authorization code + PKCE through the loopback listener), the ID token verified.', input: byConnection, output: ssoTestSchema },
  'sso:cancelTest': { summary: 'Stop a test sign-in that waits in the browser.', input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) },
  'sso:preview': { summary: "Halo's single sign-on fields now and after Apply (only those that change).", input: byConnection, output: z.array(ssoFieldChangeSchema) },
  'sso:apply': {
    summary: 'Write the changed fields to Halo; refused without a passing test for these settings unless overridden (recorded).',
    input: z.object({ connectionId: z.string().min(1), override: z.boolean() }).strict(),
    output: ssoApplySchema
  },
  'sso:haloConnections': { summary: "The Halo instance's Entra connections (azureadconnection), to choose where Entra settings go.", input: byConnection, output: z.array(z.object({ id: z.number().int(), name: z.string() })) }
} as const
