/**
 * Directory connections in the contract: an Okta org (or, later, an Entra tenant) bound to a Halo
 * instance. The form is validated the same way in the renderer and in main; what the renderer sees of
 * a saved connection never includes its token or private key.
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
  lastTest: checklistSchema.nullable(),
  snapshot: snapshotSummarySchema.nullable()
})
export type Connection = z.infer<typeof connectionSchema>
