/**
 * The Halo sandbox's authorisation server (halo-api.md §1): POST /auth/token for client credentials,
 * authorization code with PKCE S256 (the verifier is checked) and refresh tokens (rotated, single
 * use); GET /auth/authorize with a one-click consent page (or automatic approval for tests); the
 * `tenant` parameter required in hosted mode; errors as {error, error_description}. Access tokens
 * live in memory and expire after a settable lifetime.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { PermissionArea } from './sandbox-entities'
import { consentPage, errorPage } from './sandbox-pages'
import { isLoopbackRedirect, withParams } from '../shared/redirects'

export interface SandboxApplication {
  name: string
  clientId: string
  /** null: a public (native) client that proves itself with PKCE only. */
  clientSecret: string | null
  grant: 'client_credentials' | 'authorization_code'
  /** Scopes the application may be given. */
  scopes: readonly string[]
  /** Areas the agent it logs in as may use; absent = all (effective permission = scopes ∩ agent, §1.4). */
  agentAreas?: readonly PermissionArea[]
}

export interface OAuthSettings {
  hosted: boolean
  tenant: string
  tokenLifetimeSeconds: number
  autoApprove: boolean
}

export interface IssuedToken {
  clientId: string
  scopes: string[]
  agentAreas: readonly PermissionArea[] | null
  expiresAt: number
}

export interface OAuthAnswer {
  status: number
  json?: unknown
  html?: string
  redirect?: string
}

const codeLifetimeMs = 2 * 60_000
const refreshLifetimeMs = 14 * 24 * 3600_000

export class SandboxOAuth {
  private readonly accessTokens = new Map<string, IssuedToken>()
  private readonly refreshTokens = new Map<string, IssuedToken>()
  private readonly codes = new Map<string, { clientId: string; redirectUri: string; challenge: string; scopes: string[]; expiresAt: number }>()
  private readonly pending = new Map<string, URLSearchParams>()
  tokenRequests = 0

  constructor(
    readonly settings: OAuthSettings,
    private readonly applications: readonly SandboxApplication[],
    private readonly now: () => number = Date.now
  ) {}

  /** The token behind a bearer header, or null when missing, unknown or expired. */
  verify(authorization: string | undefined): IssuedToken | null {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
    const token = match?.[1] ? this.accessTokens.get(match[1]) : undefined
    if (!token || token.expiresAt <= this.now()) return null
    return token
  }

  /** Makes every issued access token expired (as if the lifetime had passed). */
  expireAllTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0
  }

  authorize(query: URLSearchParams): OAuthAnswer {
    const tenantProblem = this.tenantProblem(query.get('tenant'))
    if (tenantProblem) return { status: 400, html: errorPage('Unknown tenant', tenantProblem) }
    const app = this.applications.find((candidate) => candidate.clientId === query.get('client_id'))
    if (!app) return { status: 400, html: errorPage('Unknown application', `No API application has the client ID "${query.get('client_id') ?? ''}".`) }
    const redirectUri = query.get('redirect_uri') ?? ''
    if (!isLoopbackRedirect(redirectUri)) {
      return { status: 400, html: errorPage('Redirect not allowed', `The redirect URI "${redirectUri}" is not registered for ${app.name}. Native applications may use http://127.0.0.1 on any port.`) }
    }
    const fail = (error: string, description: string): OAuthAnswer => ({ status: 302, redirect: withParams(redirectUri, { error, error_description: description, state: query.get('state') }) })
    if (app.grant !== 'authorization_code') return fail('unauthorized_client', 'This application does not use the authorisation code flow.')
    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.')
    if (!query.get('code_challenge') || query.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'A PKCE code_challenge with code_challenge_method=S256 is required.')
    const scopes = this.grantedScopes(app, query.get('scope'))
    if (!scopes) return fail('invalid_scope', `The scope "${query.get('scope') ?? ''}" is not allowed for this application.`)
    if (this.settings.autoApprove) return this.approve(app, query, scopes)
    const requestId = randomToken()
    this.pending.set(requestId, query)
    return { status: 200, html: consentPage({ application: app.name, tenant: this.settings.hosted ? this.settings.tenant : null, scopes, requestId }) }
  }

  /** The consent page's answer: approve or deny the pending request. */
  decide(form: URLSearchParams): OAuthAnswer {
    const requestId = form.get('request') ?? ''
    const query = this.pending.get(requestId)
    if (!query) return { status: 400, html: errorPage('Sign-in expired', 'This sign-in request is no longer valid. Start the sign-in again from Identity Studio.') }
    this.pending.delete(requestId)
    const redirectUri = query.get('redirect_uri') ?? ''
    if (form.get('decision') !== 'approve') {
      return { status: 302, redirect: withParams(redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: query.get('state') }) }
    }
    const app = this.applications.find((candidate) => candidate.clientId === query.get('client_id'))
    const scopes = app ? this.grantedScopes(app, query.get('scope')) : null
    if (!app || !scopes) return { status: 400, html: errorPage('Sign-in failed', 'The application or its scopes changed during sign-in.') }
    return this.approve(app, query, scopes)
  }

  private approve(app: SandboxApplication, query: URLSearchParams, scopes: string[]): OAuthAnswer {
    const code = randomToken()
    const redirectUri = query.get('redirect_uri') ?? ''
    this.codes.set(code, { clientId: app.clientId, redirectUri, challenge: query.get('code_challenge') ?? '', scopes, expiresAt: this.now() + codeLifetimeMs })
    return { status: 302, redirect: withParams(redirectUri, { code, state: query.get('state') }) }
  }

  token(query: URLSearchParams, form: URLSearchParams): OAuthAnswer {
    this.tokenRequests += 1
    // Tenant as a query parameter (usual) or a form field (some clients) — halo-api.md §1.2.
    const tenantProblem = this.tenantProblem(query.get('tenant') ?? form.get('tenant'))
    if (tenantProblem) return oauthError('invalid_request', tenantProblem)
    const app = this.applications.find((candidate) => candidate.clientId === form.get('client_id'))
    if (!app) return oauthError('invalid_client', 'Bad credentials: unknown client_id.')
    const secret = form.get('client_secret')
    if (app.clientSecret !== null && (secret === null || !sameText(secret, app.clientSecret))) return oauthError('invalid_client', 'Bad credentials.')
    switch (form.get('grant_type')) {
      case 'client_credentials': {
        if (app.grant !== 'client_credentials') return oauthError('unauthorized_client', 'This application may not use the client_credentials grant.')
        const scopes = this.grantedScopes(app, form.get('scope'))
        if (!scopes) return oauthError('invalid_scope', `The scope "${form.get('scope') ?? ''}" is not allowed for this application.`)
        return this.issue(app, scopes.filter((scope) => scope !== 'offline_access'), false)
      }
      case 'authorization_code': {
        const code = this.codes.get(form.get('code') ?? '')
        this.codes.delete(form.get('code') ?? '')
        if (!code || code.expiresAt <= this.now() || code.clientId !== app.clientId) return oauthError('invalid_grant', 'The authorization code is invalid or has expired.')
        if (code.redirectUri !== form.get('redirect_uri')) return oauthError('invalid_grant', 'The redirect_uri does not match the one used to authorize.')
        const verifier = form.get('code_verifier') ?? ''
        if (verifier === '' || s256(verifier) !== code.challenge) return oauthError('invalid_grant', 'The code_verifier does not match the code_challenge.')
        return this.issue(app, code.scopes, code.scopes.includes('offline_access'))
      }
      case 'refresh_token': {
        const presented = form.get('refresh_token') ?? ''
        const stored = this.refreshTokens.get(presented)
        // Single use: a refresh token is spent whether or not this exchange succeeds.
        this.refreshTokens.delete(presented)
        if (!stored || stored.expiresAt <= this.now() || stored.clientId !== app.clientId) return oauthError('invalid_grant', 'The refresh token is invalid, expired or already used.')
        return this.issue(app, stored.scopes, true)
      }
      default:
        return oauthError('unsupported_grant_type', `The grant type "${form.get('grant_type') ?? ''}" is not supported.`)
    }
  }

  private issue(app: SandboxApplication, scopes: string[], withRefresh: boolean): OAuthAnswer {
    const accessToken = randomToken()
    const lifetime = this.settings.tokenLifetimeSeconds
    this.accessTokens.set(accessToken, { clientId: app.clientId, scopes, agentAreas: app.agentAreas ?? null, expiresAt: this.now() + lifetime * 1000 })
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: scopes.join(' ') }
    if (withRefresh) {
      const refreshToken = randomToken()
      this.refreshTokens.set(refreshToken, { clientId: app.clientId, scopes, agentAreas: app.agentAreas ?? null, expiresAt: this.now() + refreshLifetimeMs })
      body.refresh_token = refreshToken
    }
    return { status: 200, json: body }
  }

  /** Requested scopes if all are allowed (none requested = all allowed); null when one is not. */
  private grantedScopes(app: SandboxApplication, requested: string | null): string[] | null {
    const asked = (requested ?? '').split(/\s+/).filter(Boolean)
    if (asked.length === 0) return [...app.scopes]
    const allowed = new Set([...app.scopes, ...(app.grant === 'authorization_code' ? ['offline_access'] : [])])
    return asked.every((scope) => allowed.has(scope)) ? asked : null
  }

  private tenantProblem(tenant: string | null): string | null {
    if (!this.settings.hosted) return null // On-premise instances ignore the tenant.
    if (!tenant) return 'A tenant is required for this Halo-hosted instance.'
    return tenant.toLowerCase() === this.settings.tenant.toLowerCase() ? null : `The tenant "${tenant}" does not exist.`
  }
}

function oauthError(error: string, description: string): OAuthAnswer {
  return { status: 400, json: { error, error_description: description } }
}

function randomToken(): string {
  return randomBytes(24).toString('base64url')
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
