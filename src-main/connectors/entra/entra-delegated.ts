/**
 * Delegated Graph access for an Entra connection: "Authorize" signs an admin in through the system
 * browser (authorization code + PKCE, the redirect to a loopback listener, answered by query), MSAL
 * redeems the code, and its token cache — the admin's refresh token — is kept where the caller's
 * store puts it (the OS keychain), never on disk in clear. Later reads refresh silently from that
 * cache, including unattended ones from the command line, until Entra says the authorization has
 * expired: then "Authorize again". Same authority settings as client credentials (entra-tokens.ts).
 */
import { ConfidentialClientApplication, type ICachePlugin } from '@azure/msal-node'
import { StudioError } from '../../../src-shared/contract'
import { authorizeRedirectPath } from '../../../src-shared/entra-setup'
import type { LoopbackSignIn } from '../../auth/loopback-flow'
import { createPkcePair, randomUrlSafe } from '../../auth/pkce'
import { requiredPermissions, type EntraFeatures } from './entra-check'
import { entraTokenError, type EntraErrorContext } from './entra-errors'
import { authorityConfig, graphResource, type EntraClientCredentials, type EntraTokenSource } from './entra-tokens'

/** Where MSAL's serialized token cache lives between runs. */
export interface TokenCacheStore {
  load(): Promise<string | null>
  save(serialized: string): Promise<void>
}


/** The delegated Graph permissions a connection asks for: those its features need (the secret's expiry is entered instead). */
export function delegatedScopes(features: EntraFeatures, graphHost: string | undefined): string[] {
  const resource = graphResource(graphHost)
  return requiredPermissions(features)
    .filter((permission) => permission.permission !== 'Application.Read.All')
    .map((permission) => `${resource}/${permission.permission}`)
}

function cachePlugin(store: TokenCacheStore): ICachePlugin {
  return {
    async beforeCacheAccess(context) {
      const text = await store.load()
      if (text) context.tokenCache.deserialize(text)
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) await store.save(context.tokenCache.serialize())
    }
  }
}

function delegatedApp(credentials: EntraClientCredentials, store: TokenCacheStore): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId: credentials.clientId, clientSecret: credentials.clientSecret, ...authorityConfig(credentials.authorityHost, credentials.tenantId) },
    cache: { cachePlugin: cachePlugin(store) }
  })
}

function errorContext(credentials: EntraClientCredentials): EntraErrorContext {
  return { tenantId: credentials.tenantId, clientId: credentials.clientId, secretExpiresAt: credentials.secretExpiresAt ?? null, authorityHost: credentials.authorityHost }
}

export interface AuthorizeOptions {
  credentials: EntraClientCredentials
  scopes: string[]
  store: TokenCacheStore
  loopback: LoopbackSignIn
  openBrowser: (url: string) => Promise<void>
  /** Shown on the loopback pages and in errors, e.g. "Entra ID (Northwind)". */
  service: string
  timeoutMs?: number
}

/** Runs "Authorize": the admin signs in in the browser; answers who did. The token cache is saved by the store. */
export async function authorizeEntra(options: AuthorizeOptions): Promise<{ username: string }> {
  const { credentials, scopes } = options
  const pkce = createPkcePair()
  const state = randomUrlSafe(24)
  const nonce = randomUrlSafe(24)
  const authorizeEndpoint = `${new URL(credentials.authorityHost).origin}/${credentials.tenantId}/oauth2/v2.0/authorize`
  const signedIn = await options.loopback.run({
    service: options.service,
    state,
    callbackPath: authorizeRedirectPath,
    redirectHost: 'localhost',
    openBrowser: options.openBrowser,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    authorizeUrl: (redirectUri) => {
      const url = new URL(authorizeEndpoint)
      url.search = new URLSearchParams({
        client_id: credentials.clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        response_mode: 'query',
        scope: [...scopes, 'openid', 'profile', 'offline_access'].join(' '),
        state,
        nonce,
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        prompt: 'select_account'
      }).toString()
      return url.href
    }
  })
  const app = delegatedApp(credentials, options.store)
  try {
    const result = await app.acquireTokenByCode({ code: signedIn.code, redirectUri: signedIn.redirectUri, scopes, codeVerifier: pkce.verifier, nonce })
    return { username: result.account?.username ?? 'an unknown account' }
  } catch (error) {
    throw entraTokenError(error, errorContext(credentials))
  }
}

/** Graph tokens for the admin who authorized, refreshed silently from the stored cache. */
export function delegatedTokens(credentials: EntraClientCredentials, scopes: string[], store: TokenCacheStore): EntraTokenSource {
  const app = delegatedApp(credentials, store)
  return {
    async graphToken(fresh = false) {
      const [account] = await app.getTokenCache().getAllAccounts()
      if (!account) throw new StudioError('SIGN_IN_REQUIRED', 'This connection reads Entra as a signed-in admin, and no one has authorized it yet: press "Authorize" on the Details tab.', { reason: 'not_authorized' })
      try {
        const result = await app.acquireTokenSilent({ account, scopes, forceRefresh: fresh })
        return result.accessToken
      } catch (error) {
        throw entraTokenError(error, errorContext(credentials))
      }
    }
  }
}
