/**
 * Signs in to one Halo instance and keeps a valid access token: the auth server is entered or
 * discovered (GET /api/authinfo → auth_url), then client credentials, or authorization code + PKCE in
 * the system browser through the loopback listener; tokens are refreshed a minute before expiry and
 * cached in the keychain. Token errors become messages that say which setting to fix.
 */
import { StudioError } from '../../src-shared/contract'
import type { LoopbackSignIn } from '../auth/loopback-flow'
import { createPkcePair, randomUrlSafe } from '../auth/pkce'
import { httpError, networkError, notJsonError } from './halo-errors'
import type { HaloInstanceSettings, TokenSet } from './halo-settings'
import { defaultAuthServer } from '../../src-shared/halo-url'
import type { TokenCache } from './token-cache'

const refreshSkewMs = 60_000

export interface HaloAuthDeps {
  settings: HaloInstanceSettings
  cache: TokenCache
  clientSecret: () => Promise<string | null>
  timeoutMs: number
  now?: () => number
}

interface TokenAnswer {
  access_token?: unknown
  refresh_token?: unknown
  expires_in?: unknown
  scope?: unknown
}

export class HaloAuth {
  private tokens: TokenSet | null = null
  private loaded = false
  private discovered: string | null = null
  private pending: Promise<string> | null = null
  private readonly now: () => number

  constructor(private readonly deps: HaloAuthDeps) {
    this.now = deps.now ?? Date.now
  }

  private get service(): string {
    return `Halo (${this.deps.settings.name})`
  }

  /** The auth server: as entered, else from /api/authinfo, else <base>/auth. */
  async authServer(): Promise<string> {
    if (this.deps.settings.authServerUrl) return this.deps.settings.authServerUrl.replace(/\/+$/, '')
    if (this.discovered) return this.discovered
    const url = `${this.deps.settings.baseUrl}/api/authinfo`
    const response = await this.send(url, { method: 'GET', headers: { Accept: 'application/json' } })
    if (response.status === 404) {
      this.discovered = defaultAuthServer(this.deps.settings.baseUrl)
      return this.discovered
    }
    const body = await readJson(response, url, this.service)
    if (!response.ok) throw httpError(response.status, body, this.service, url)
    const authUrl = (body as { auth_url?: unknown } | null)?.auth_url
    this.discovered = typeof authUrl === 'string' && authUrl.trim() !== '' ? authUrl.trim().replace(/\/+$/, '') : defaultAuthServer(this.deps.settings.baseUrl)
    return this.discovered
  }

  /** A valid access token, signing in (client credentials) or refreshing as needed. */
  accessToken(): Promise<string> {
    // Concurrent callers share one token request.
    this.pending ??= this.obtain().finally(() => {
      this.pending = null
    })
    return this.pending
  }

  /** Forgets the current access token (after a 401) so the next call gets a new one. */
  invalidate(): void {
    if (this.tokens) this.tokens = { ...this.tokens, expiresAt: 0 }
  }

  /** Interactive sign-in (authorization code + PKCE) through the system browser. */
  async signIn(loopback: LoopbackSignIn, openBrowser: (url: string) => Promise<void>): Promise<void> {
    const authServer = await this.authServer()
    const pkce = createPkcePair()
    const state = randomUrlSafe(24)
    const { settings } = this.deps
    const result = await loopback.run({
      service: this.service,
      state,
      openBrowser,
      authorizeUrl: (redirectUri) => {
        const url = new URL(`${authServer}/authorize`)
        if (settings.tenant) url.searchParams.set('tenant', settings.tenant)
        url.searchParams.set('response_type', 'code')
        url.searchParams.set('client_id', settings.clientId)
        url.searchParams.set('redirect_uri', redirectUri)
        url.searchParams.set('scope', withOfflineAccess(settings.scope))
        url.searchParams.set('state', state)
        url.searchParams.set('code_challenge', pkce.challenge)
        url.searchParams.set('code_challenge_method', pkce.method)
        return url.href
      }
    })
    await this.tokenRequest({
      grant_type: 'authorization_code',
      code: result.code,
      redirect_uri: result.redirectUri,
      code_verifier: pkce.verifier,
      scope: withOfflineAccess(settings.scope)
    })
  }

  async signOut(): Promise<void> {
    this.tokens = null
    await this.deps.cache.clear()
  }

  private async obtain(): Promise<string> {
    if (!this.loaded) {
      this.tokens = await this.deps.cache.load()
      this.loaded = true
    }
    if (this.tokens && this.tokens.expiresAt - refreshSkewMs > this.now()) return this.tokens.accessToken
    if (this.tokens?.refreshToken) {
      try {
        return await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: this.tokens.refreshToken })
      } catch (error) {
        if (!(error instanceof StudioError) || error.code !== 'SIGN_IN_REQUIRED') throw error
        // A used or expired refresh token: client credentials can simply sign in again below.
      }
    }
    if (this.deps.settings.authMode === 'client_credentials') {
      return this.tokenRequest({ grant_type: 'client_credentials', scope: this.deps.settings.scope })
    }
    throw new StudioError('SIGN_IN_REQUIRED', `Your sign-in to ${this.service} has expired. Sign in again.`, { reason: 'expired' })
  }

  private async tokenRequest(fields: Record<string, string>): Promise<string> {
    const { settings } = this.deps
    const url = new URL(`${await this.authServer()}/token`)
    if (settings.tenant) url.searchParams.set('tenant', settings.tenant)
    const form = new URLSearchParams({ ...fields, client_id: settings.clientId })
    const secret = await this.deps.clientSecret()
    if (secret) form.set('client_secret', secret)
    else if (settings.authMode === 'client_credentials') {
      throw new StudioError('SIGN_IN_REQUIRED', `No client secret is stored for ${this.service}. Enter it in the instance's settings.`, {
        reason: 'no_secret'
      })
    }
    const response = await this.send(url.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form.toString()
    })
    const body = await readJson(response, url.href, this.service)
    if (!response.ok) {
      if (fields.grant_type === 'refresh_token') await this.deps.cache.clear()
      throw this.tokenError(response.status, body, fields.grant_type ?? '')
    }
    const answer = (body ?? {}) as TokenAnswer
    if (typeof answer.access_token !== 'string' || answer.access_token === '') {
      throw new StudioError('REMOTE_ERROR', `${this.service} answered the sign-in without an access token.`)
    }
    const expiresIn = Number(answer.expires_in)
    this.tokens = {
      accessToken: answer.access_token,
      // Refresh tokens rotate: keep the new one, or the old one when none came back.
      refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : fields.grant_type === 'refresh_token' ? null : this.tokens?.refreshToken ?? null,
      expiresAt: this.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
      scope: typeof answer.scope === 'string' ? answer.scope : null
    }
    this.loaded = true
    await this.deps.cache.save(this.tokens)
    return this.tokens.accessToken
  }

  private tokenError(status: number, body: unknown, grant: string): StudioError {
    const record = (body ?? {}) as { error?: unknown; error_description?: unknown }
    const error = typeof record.error === 'string' ? record.error : ''
    const description = typeof record.error_description === 'string' ? record.error_description : ''
    const said = description ? `${description} (${error})` : error
    const { settings } = this.deps
    if (error === 'invalid_tenant' || /tenant/i.test(description)) {
      return new StudioError(
        'SIGN_IN_REQUIRED',
        settings.tenant
          ? `${this.service} does not know the tenant "${settings.tenant}". Copy the tenant from Configuration › Integrations › Halo API › API Details.`
          : `${this.service} needs a tenant (it is a Halo-hosted instance). Copy it from Configuration › Integrations › Halo API › API Details.`,
        { reason: 'tenant', haloMessage: said }
      )
    }
    if (error === 'invalid_client') {
      return new StudioError(
        'SIGN_IN_REQUIRED',
        `${this.service} refused the client ID or client secret: ${said}. Check both against the API application in Configuration › Integrations › Halo API › Applications.`,
        { reason: 'client', haloMessage: said }
      )
    }
    if (error === 'invalid_grant') {
      return new StudioError(
        'SIGN_IN_REQUIRED',
        grant === 'authorization_code' ? `${this.service} refused the sign-in: ${said}. Sign in again.` : `Your sign-in to ${this.service} has expired. Sign in again.`,
        { reason: 'grant', haloMessage: said }
      )
    }
    if (error === 'invalid_scope') {
      return new StudioError('SIGN_IN_REQUIRED', `${this.service} refused the scope "${settings.scope}": ${said}. Allow it on the API application, or change the scope.`, {
        reason: 'scope',
        haloMessage: said
      })
    }
    if (error === 'unauthorized_client' || error === 'unsupported_grant_type') {
      return new StudioError(
        'SIGN_IN_REQUIRED',
        `The Halo API application does not allow this sign-in method (${said}). Set its authentication method to ${settings.authMode === 'client_credentials' ? '"Client ID and Secret (Services)"' : '"Authorisation Code (Native Application)"'}.`,
        { reason: 'method', haloMessage: said }
      )
    }
    return httpError(status, body, this.service, `${settings.baseUrl}/auth/token`)
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(this.deps.timeoutMs) })
    } catch (error) {
      throw networkError(error, url, this.service, this.deps.timeoutMs)
    }
  }
}

function withOfflineAccess(scope: string): string {
  return scope.split(/\s+/).includes('offline_access') ? scope : `${scope} offline_access`.trim()
}

/** Reads a JSON body; an HTML page (or other non-JSON) on a success status is a wrong address. */
export async function readJson(response: Response, url: string, service: string): Promise<unknown> {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location') ?? 'another page'
    throw new StudioError(
      'REMOTE_ERROR',
      `${new URL(url).host} redirected ${new URL(url).pathname} to ${location} instead of answering. The address may point at a portal or a sign-in proxy rather than the Halo API; use the address you open Halo with.`,
      { reason: 'redirect', url, location }
    )
  }
  const text = await response.text()
  const contentType = response.headers.get('content-type') ?? ''
  if (text.trim() === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    if (response.ok) throw notJsonError(url, service, contentType, text)
    // An error page (HTML from a proxy or IIS) says nothing useful; Halo's plain-text errors do.
    return /html/i.test(contentType) || /^\s*</.test(text) ? null : text
  }
}
