/**
 * "Test sign-in": a real authorization code + PKCE sign-in at the identity provider, in the system
 * browser through the loopback listener (`state` and `nonce` sent and checked), the code exchanged
 * at the token endpoint and the ID token verified (id-token.ts). Before the browser opens, the
 * authorize endpoint is asked once without following it, so an unknown client ID or an unregistered
 * redirect URI is said at once instead of on a page the admin has to read. What the provider says
 * (user not assigned, consent missing, …) is put in the admin's words with where to fix it.
 */
import { StudioError } from '../../src-shared/contract'
import type { LoopbackSignIn } from '../auth/loopback-flow'
import { createPkcePair, randomUrlSafe } from '../auth/pkce'
import { networkError } from '../halo/halo-errors'
import { verifyIdToken, type IdTokenExpectations, type SignedInClaims } from './id-token'
import type { Discovery } from './oidc-discovery'

export interface TestSignInOptions {
  loopback: LoopbackSignIn
  openBrowser(url: string): Promise<void>
  /** "Okta" or "Microsoft Entra ID", in messages and on the loopback pages. */
  service: string
  discovery: Discovery
  clientId: string
  /** A web (confidential) app's secret for the code exchange; public apps use PKCE alone. */
  clientSecret?: string | null
  tenants?: IdTokenExpectations['tenants']
  /** The redirect URI's host and path, as registered on the app (default http://localhost/callback). */
  redirectHost?: '127.0.0.1' | 'localhost'
  callbackPath?: string
  timeoutMs?: number
  signal?: AbortSignal
}

const scope = 'openid profile email'

function authorizeUrl(options: Pick<TestSignInOptions, 'discovery' | 'clientId'>, redirectUri: string, extra: { state: string; nonce: string; challenge: string }): string {
  const url = new URL(options.discovery.authorizationEndpoint)
  url.search = new URLSearchParams({ client_id: options.clientId, response_type: 'code', response_mode: 'query', scope, redirect_uri: redirectUri, state: extra.state, nonce: extra.nonce, code_challenge: extra.challenge, code_challenge_method: 'S256' }).toString()
  return url.href
}

/**
 * Whether the provider takes this client ID and redirect URI: its authorize endpoint answers a sign-in
 * page or a redirect for a known app, and an error page (HTTP 400) for an unknown one.
 */
export async function probeClient(options: Pick<TestSignInOptions, 'discovery' | 'clientId' | 'service'>, redirectUri: string): Promise<void> {
  const url = authorizeUrl(options, redirectUri, { state: randomUrlSafe(16), nonce: randomUrlSafe(16), challenge: createPkcePair().challenge })
  let response: Response
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000) })
  } catch (error) {
    throw networkError(error, url, options.service, 15_000)
  }
  if (response.status < 400) return
  const page = (await response.text().catch(() => '')).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ')
  throw refusal(options.service, page, options.clientId, redirectUri)
}

/** The provider's refusal (an error page's text, or a callback's error_description) in the admin's words. */
function refusal(service: string, said: string, clientId: string, redirectUri: string): StudioError {
  const code = /AADSTS(\d+)/.exec(said)?.[1] ?? null
  const quoted = said.trim().slice(0, 300)
  if (code === '700016' || /invalid client|client_id.*(not|invalid)/i.test(said)) return new StudioError('VALIDATION_FAILED', `${service} does not know the client ID ${clientId}: copy it from the app (Okta: the app's General tab; Azure: the app registration's Overview page). ${service} said: ${quoted}`, { reason: 'unknown_client' })
  if (code === '50011' || /redirect/i.test(said)) return new StudioError('VALIDATION_FAILED', `The redirect URI ${redirectUri} is not registered on the app: add it (Okta: Sign-in redirect URIs; Azure: Authentication › Mobile and desktop applications), then test again. ${service} said: ${quoted}`, { reason: 'redirect_uri' })
  if (code === '50105' || /not assigned/i.test(said)) return new StudioError('FORBIDDEN', `The person who signed in is not assigned to the app: assign them, or a group they are in (Okta: the app's Assignments tab; Azure: Enterprise applications › the app › Users and groups). ${service} said: ${quoted}`, { reason: 'not_assigned' })
  if (code === '65001' || /consent/i.test(said)) return new StudioError('FORBIDDEN', `Nobody has consented to the app yet: an administrator grants consent (Azure: API permissions › Grant admin consent), then test again. ${service} said: ${quoted}`, { reason: 'consent' })
  if (code === '90002') return new StudioError('VALIDATION_FAILED', `${service} does not know this tenant: check the tenant ID. ${service} said: ${quoted}`, { reason: 'tenant' })
  return new StudioError('SIGN_IN_FAILED', `${service} did not sign you in: ${quoted}`, { reason: 'idp_error' })
}

/** Runs the sign-in; resolves with who signed in, verified. */
export async function testSignIn(options: TestSignInOptions): Promise<SignedInClaims> {
  const state = randomUrlSafe(16)
  const nonce = randomUrlSafe(16)
  const pkce = createPkcePair()
  let refused: Error | null = null
  const result = await options.loopback
    .run({
      service: options.service,
      state,
      redirectHost: options.redirectHost ?? 'localhost',
      callbackPath: options.callbackPath ?? '/callback',
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      authorizeUrl: (redirectUri) => authorizeUrl(options, redirectUri, { state, nonce, challenge: pkce.challenge }),
      openBrowser: async (url) => {
        try {
          await probeClient(options, new URL(url).searchParams.get('redirect_uri') ?? '')
        } catch (error) {
          refused = error instanceof Error ? error : new Error(String(error))
          throw refused
        }
        await options.openBrowser(url)
      }
    })
    .catch((error: unknown) => {
      // The probe's own words, not the loopback's "could not open your browser".
      if (refused !== null) throw refused
      if (error instanceof StudioError && error.details?.reason === 'idp_error') throw refusal(options.service, error.message, options.clientId, '')
      throw error
    })
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: result.code, redirect_uri: result.redirectUri, client_id: options.clientId, code_verifier: pkce.verifier, ...(options.clientSecret ? { client_secret: options.clientSecret } : {}) })
  let response: Response
  try {
    response = await fetch(options.discovery.tokenEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form, signal: AbortSignal.timeout(15_000) })
  } catch (error) {
    throw networkError(error, options.discovery.tokenEndpoint, options.service, 15_000)
  }
  const body = (await response.json().catch(() => null)) as { id_token?: unknown; error?: unknown; error_description?: unknown } | null
  if (!response.ok || typeof body?.id_token !== 'string') {
    const said = `${typeof body?.error_description === 'string' ? body.error_description : ''} (${typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`})`
    if (body?.error === 'invalid_client') throw new StudioError('VALIDATION_FAILED', `${options.service} refused the app's credentials when exchanging the sign-in code: ${said}. A web app needs its client secret; a native (public) app needs PKCE allowed.`, { reason: 'invalid_client' })
    throw new StudioError('SIGN_IN_FAILED', response.ok ? `${options.service} signed you in but sent no ID token: add the openid scope to the app's grants.` : `${options.service} did not exchange the sign-in code: ${said}.`, { reason: 'token' })
  }
  return verifyIdToken(body.id_token, { issuer: options.discovery.issuer, clientId: options.clientId, nonce, jwksUri: options.discovery.jwksUri, ...(options.tenants ? { tenants: options.tenants } : {}) })
}
