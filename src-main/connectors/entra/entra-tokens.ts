/**
 * Graph access tokens for an Entra connection, behind our own small interface so the rest of the
 * connector never sees MSAL (@azure/msal-node, pinned: entra.md §1.1). Client credentials for
 * unattended runs. The login host is settable (national clouds); http is accepted for loopback hosts
 * only, which is how the sandbox runs: MSAL insists on an https authority, so a loopback host is given
 * as an https authority on a made-up host listed in knownAuthorities, with `authorityMetadata`
 * pointing at the real http endpoints — entra.md §2.3 recipe B — and MSAL makes no discovery call.
 */
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node'
import { StudioError } from '../../../src-shared/contract'
import { entraTokenError, type EntraErrorContext } from './entra-errors'

export interface EntraTokenSource {
  /** A Graph token; `fresh` skips MSAL's cache (after Graph refused the cached one). */
  graphToken(fresh?: boolean): Promise<string>
}

export interface EntraClientCredentials {
  tenantId: string
  clientId: string
  clientSecret: string
  /** https://login.microsoftonline.com, a national cloud's, or http://127.0.0.1:<port> (sandbox). */
  authorityHost: string
  /** The Graph host the token is for: https://graph.microsoft.com by default. */
  graphHost?: string
  secretExpiresAt?: string | null
}

/** The made-up https host a loopback authority is given to MSAL as (recipe B). */
const loopbackAuthority = 'login.loopback.invalid'

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
}

/** MSAL's authority settings for a login host, refusing plain http anywhere but loopback. */
export function authorityConfig(authorityHost: string, tenantId: string): Pick<Configuration['auth'], 'authority' | 'knownAuthorities' | 'authorityMetadata'> {
  let url: URL
  try {
    url = new URL(authorityHost)
  } catch {
    throw new StudioError('VALIDATION_FAILED', `The login address "${authorityHost}" is not a web address (for example https://login.microsoftonline.com).`)
  }
  const origin = url.origin
  if (url.protocol === 'https:') return { authority: `${origin}/${tenantId}` }
  if (url.protocol !== 'http:' || !isLoopbackUrl(url)) throw new StudioError('VALIDATION_FAILED', `The login address must use https (${origin} does not); plain http is accepted only on this computer (127.0.0.1 or localhost).`)
  const base = `${origin}/${tenantId}`
  return {
    authority: `https://${loopbackAuthority}/${tenantId}`,
    knownAuthorities: [loopbackAuthority],
    authorityMetadata: JSON.stringify({
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`
    })
  }
}

/** The resource Graph tokens are for: the Graph host's origin (a loopback sandbox stands in for graph.microsoft.com). */
export function graphResource(graphHost: string | undefined): string {
  const url = new URL(graphHost ?? 'https://graph.microsoft.com')
  return isLoopbackUrl(url) ? 'https://graph.microsoft.com' : url.origin
}

export function clientCredentialTokens(credentials: EntraClientCredentials): EntraTokenSource {
  const context: EntraErrorContext = { tenantId: credentials.tenantId, clientId: credentials.clientId, secretExpiresAt: credentials.secretExpiresAt ?? null, authorityHost: credentials.authorityHost }
  const app = new ConfidentialClientApplication({
    auth: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, ...authorityConfig(credentials.authorityHost, credentials.tenantId) }
  })
  const scope = `${graphResource(credentials.graphHost)}/.default`
  return {
    async graphToken(fresh = false) {
      try {
        const result = await app.acquireTokenByClientCredential({ scopes: [scope], skipCache: fresh })
        if (!result?.accessToken) throw new StudioError('SIGN_IN_FAILED', 'Entra answered the sign-in without an access token.')
        return result.accessToken
      } catch (error) {
        throw entraTokenError(error, context)
      }
    }
  }
}
