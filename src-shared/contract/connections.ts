/**
 * Directory connections in the contract: an Okta org or an Entra tenant bound to a Halo instance.
 * The forms are validated the same way in the renderer and in main; what the renderer sees of a
 * saved connection never includes its token, private key or client secret.
 */
import { z } from 'zod'
import { checkOktaAddress } from '../okta-url'
import { checklistSchema } from './checklist'
import { snapshotSummarySchema } from './directory'
import type { FormIssue } from './halo'

export const connectionKindSchema = z.enum(['okta', 'entra'])
export const oktaAuthModeSchema = z.enum(['api_token', 'service_app'])
export type OktaAuthMode = z.infer<typeof oktaAuthModeSchema>

/** The Okta API scopes Identity Studio reads with (seed 000: the minimum for a custom role). */
export const oktaReadScopes = ['okta.users.read', 'okta.groups.read', 'okta.apps.read'] as const

const trimmed = (max: number) => z.string().trim().max(max)

export const oktaConnectionFormSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: trimmed(80).min(1, 'Give the connection a name, for example "Northwind Okta".'),
    haloInstanceId: z.string().min(1, 'Choose the Halo instance this directory imports into.'),
    orgUrl: trimmed(300),
    authMode: oktaAuthModeSchema,
    /** Write-only: a new API token, or null to keep the stored one. */
    apiToken: z.string().trim().max(200).nullable(),
    clientId: trimmed(200).nullable(),
    /** Write-only: a new private key (PEM or JWK JSON), or null to keep the stored one. */
    privateKey: z.string().trim().max(10_000).nullable(),
    keyId: trimmed(200).nullable()
  })
  .strict()
export type OktaConnectionForm = z.infer<typeof oktaConnectionFormSchema>

/** Rules across fields; `credentialStored` says whether a token or key is already in the keychain. */
export function oktaConnectionFormIssues(form: OktaConnectionForm, credentialStored: boolean): FormIssue[] {
  const issues: FormIssue[] = []
  const address = checkOktaAddress(form.orgUrl)
  if (address.error) issues.push({ path: 'orgUrl', message: address.error })
  if (form.authMode === 'api_token') {
    if (!form.apiToken && !credentialStored) {
      issues.push({ path: 'apiToken', message: 'Enter the API token (Okta Admin Console › Security › API › Tokens › Create token).' })
    } else if (form.apiToken && /\s/.test(form.apiToken)) {
      issues.push({ path: 'apiToken', message: 'An Okta API token has no spaces: paste only the token, without "SSWS".' })
    }
  } else {
    if (!form.clientId) issues.push({ path: 'clientId', message: 'Enter the client ID of the Okta API service app.' })
    if (!form.privateKey && !credentialStored) {
      issues.push({ path: 'privateKey', message: "Paste the service app's private key (PEM, or the JWK JSON Okta generates)." })
    } else if (form.privateKey && !looksLikePrivateKey(form.privateKey)) {
      issues.push({ path: 'privateKey', message: 'This is not a private key: paste a PEM block starting "-----BEGIN PRIVATE KEY-----" or a JWK JSON object with "d".' })
    } else if (form.privateKey?.trim().startsWith('-----BEGIN') && !form.keyId) {
      issues.push({ path: 'keyId', message: 'A PEM key needs its key ID (kid), shown next to the key in the service app.' })
    }
  }
  return issues
}

function looksLikePrivateKey(input: string): boolean {
  const text = input.trim()
  if (/^-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----$/.test(text)) return true
  try {
    const jwk = JSON.parse(text) as { d?: unknown; kty?: unknown }
    return typeof jwk.d === 'string' && typeof jwk.kty === 'string'
  } catch {
    return false
  }
}

export const entraTenantTypeSchema = z.enum(['single', 'multi'])

/**
 * How an Entra connection reads Graph: `application` with its own permissions (client credentials;
 * runs unattended), or `delegated` as the admin who pressed "Authorize" (their refresh token kept in
 * the keychain). Both are a confidential app with a client secret.
 */
export const entraSignInSchema = z.enum(['application', 'delegated'])
export type EntraSignIn = z.infer<typeof entraSignInSchema>

export const entraDefaultHosts = { authority: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com' } as const

export const entraConnectionFormSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: trimmed(80).min(1, 'Give the connection a name, for example "Northwind Entra ID".'),
    haloInstanceId: z.string().min(1, 'Choose the Halo instance this directory imports into.'),
    tenantType: entraTenantTypeSchema,
    signIn: entraSignInSchema,
    tenantId: trimmed(256),
    clientId: trimmed(64),
    /** Write-only: a new client secret, or null to keep the stored one. */
    clientSecret: z.string().trim().max(400).nullable(),
    /** The secret's expiry as shown in Azure (YYYY-MM-DD), when Graph cannot tell it. */
    secretExpiresOn: trimmed(10).nullable(),
    /** The login and Graph hosts: national clouds, or the sandbox on this computer. */
    authorityHost: trimmed(300),
    graphHost: trimmed(300),
    /** Read only the changes since the last fetch (Graph delta queries). */
    delta: z.boolean(),
    /** Read Intune's managed devices into the snapshot (needs DeviceManagementManagedDevices.Read.All). */
    devices: z.boolean()
  })
  .strict()
export type EntraConnectionForm = z.infer<typeof entraConnectionFormSchema>

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const domain = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

/** Whether `host` is an https address, or http on this computer (the sandbox). */
function hostIssue(host: string, what: string, example: string): string | null {
  let url: URL
  try {
    url = new URL(host)
  } catch {
    return `The ${what} address is not a web address (for example ${example}).`
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')) return null
  return `The ${what} address must use https (for example ${example}); plain http is accepted only on this computer.`
}

/** Rules across fields; `secretStored` says whether a client secret is already in the keychain. */
export function entraConnectionFormIssues(form: EntraConnectionForm, secretStored: boolean): FormIssue[] {
  const issues: FormIssue[] = []
  const tenant = form.tenantId.toLowerCase()
  if (!tenant) issues.push({ path: 'tenantId', message: "Enter the Directory (tenant) ID from the app's Overview page in Azure, or a verified domain such as contoso.onmicrosoft.com." })
  else if (['common', 'organizations', 'consumers'].includes(tenant)) issues.push({ path: 'tenantId', message: `"${form.tenantId}" is not one tenant: an unattended import signs in to your own tenant. Enter its Directory (tenant) ID.` })
  else if (!guid.test(tenant) && !domain.test(tenant)) issues.push({ path: 'tenantId', message: 'A tenant ID is a GUID (8-4-4-4-12 hexadecimal characters) or a verified domain such as contoso.onmicrosoft.com.' })
  if (!guid.test(form.clientId)) issues.push({ path: 'clientId', message: "The Application (client) ID is a GUID (8-4-4-4-12 hexadecimal characters), shown on the app's Overview page in Azure." })
  if (!form.clientSecret && !secretStored) issues.push({ path: 'clientSecret', message: "Paste the client secret's Value (App registrations › your app › Certificates & secrets)." })
  else if (form.clientSecret && guid.test(form.clientSecret)) issues.push({ path: 'clientSecret', message: "This looks like the secret's ID: paste its Value instead (shown once, when the secret is created)." })
  if (form.secretExpiresOn !== null && form.secretExpiresOn !== '') {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(form.secretExpiresOn) ? new Date(`${form.secretExpiresOn}T00:00:00Z`) : null
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== form.secretExpiresOn) issues.push({ path: 'secretExpiresOn', message: 'Enter the expiry as a date, for example 2027-06-30 (Certificates & secrets › Expires).' })
  }
  const authority = hostIssue(form.authorityHost, 'login', entraDefaultHosts.authority)
  if (authority) issues.push({ path: 'authorityHost', message: authority })
  const graph = hostIssue(form.graphHost, 'Microsoft Graph', entraDefaultHosts.graph)
  if (graph) issues.push({ path: 'graphHost', message: graph })
  return issues
}

/** What an Entra connection keeps (no secret): its tenant, app, hosts, delta and devices switches and the secret's expiry. */
export const entraConnectionSettingsSchema = z.object({
  tenantType: entraTenantTypeSchema,
  /** Connections saved before there was a choice read with application permissions. */
  signIn: entraSignInSchema.default('application'),
  tenantId: z.string(),
  clientId: z.string(),
  authorityHost: z.string(),
  graphHost: z.string(),
  delta: z.boolean(),
  /** Intune devices are read with the directory. */
  devices: z.boolean().default(false),
  /** The client secret's expiry (ISO), and whether Graph told it or the admin entered it; null when unknown. */
  secretExpiresAt: z.string().nullable(),
  secretExpirySource: z.enum(['graph', 'entered']).nullable(),
  /** Delegated sign-in: who authorized (their user name) and when; null until someone has. */
  authorizedAs: z.string().nullable().default(null),
  authorizedAt: z.string().nullable().default(null)
})

export const connectionSchema = z.object({
  id: z.string(),
  kind: connectionKindSchema,
  name: z.string(),
  haloInstanceId: z.string(),
  haloInstanceName: z.string(),
  okta: z
    .object({
      orgUrl: z.string(),
      authMode: oktaAuthModeSchema,
      clientId: z.string().nullable(),
      keyId: z.string().nullable(),
      credentialSet: z.boolean(),
      /** Address warnings worth showing (custom domain and SSO). */
      warnings: z.array(z.string())
    })
    .nullable(),
  entra: entraConnectionSettingsSchema
    .extend({
      secretSet: z.boolean(),
      /** Whether the next fetch can read only the changes (a stored deltaLink). */
      deltaReady: z.boolean()
    })
    .nullable(),
  lastTest: checklistSchema.nullable(),
  snapshot: snapshotSummarySchema.nullable()
})
export type Connection = z.infer<typeof connectionSchema>
