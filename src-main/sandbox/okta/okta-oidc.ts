/**
 * OpenID Connect on the Okta sandbox, for the sign-in work (okta.md §7): discovery for the org
 * server (`/.well-known/openid-configuration`, issuer = the org URL) and the `default` custom server
 * (`/oauth2/default/.well-known/…`, issuer = that base), their JWKS, `/authorize` with a sign-in page
 * (or `autoSignIn` for tests), the authorization code + PKCE S256 grant (the verifier is checked),
 * refresh tokens, RS256 ID tokens, and userinfo. One native (public) app is registered; its redirect
 * URIs are http://127.0.0.1 and http://localhost on any port and path (RFC 8252) [U: Okta matches
 * registered URIs exactly]. People sign in with their login and the sandbox password, if ACTIVE and
 * assigned to the app. ID tokens can be made faulty for tests (../shared/id-token-faults.ts).
 */
import { createHash } from 'node:crypto'
import { randomToken } from './okta-ids'
import { signJwt, type SigningKey } from './okta-keys'
import { oauthError, type AuthServer, type OAuthAnswer, type OktaTokens } from './okta-oauth'
import { errorPage, signInPage } from './okta-pages'
import type { Json, OktaStore } from './okta-store'
import { faultyClaims, faultyToken, type IdTokenFaultSettings } from '../shared/id-token-faults'
import { isLoopbackRedirect, withParams } from '../shared/redirects'

export const sandboxPassword = 'Sandbox-Passw0rd!'
export const oidcScopes = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'groups'] as const

export type WebAnswer = { kind: 'html'; status: number; html: string } | { kind: 'redirect'; location: string }

export interface OidcContext {
  orgUrl: () => string
  store: OktaStore
  tokens: OktaTokens
  signingKey: (server: AuthServer) => SigningKey
  nativeApp: { clientId: string; label: string }
  orgId: string
  autoSignIn: () => string | null
  tokenLifetimeSeconds: () => number
  /** What the tests want wrong with ID tokens (none by default). */
  idTokenFaults: () => IdTokenFaultSettings
  now?: () => number
}

interface SignIn {
  server: AuthServer
  clientId: string
  redirectUri: string
  challenge: string
  scopes: string[]
  nonce: string | null
  state: string | null
}

interface Grant {
  server: AuthServer
  clientId: string
  scopes: string[]
  nonce: string | null
  userId: string
  /** Epoch seconds of the sign-in. */
  authTime: number
  expiresAt: number
}

const codeLifetimeMs = 5 * 60_000
const refreshLifetimeMs = 90 * 24 * 3600_000

export class OktaOidc {
  private readonly pending = new Map<string, SignIn>()
  private readonly codes = new Map<string, Grant & { redirectUri: string; challenge: string }>()
  private readonly refreshTokens = new Map<string, Grant>()
  private readonly now: () => number

  constructor(private readonly context: OidcContext) {
    this.now = context.now ?? Date.now
  }

  private base(server: AuthServer): string {
    return this.context.tokens.issuer(server)
  }

  private endpoint(server: AuthServer, name: string): string {
    return server === 'org' ? `${this.base(server)}/oauth2/v1/${name}` : `${this.base(server)}/v1/${name}`
  }

  /** /.well-known/openid-configuration or /.well-known/oauth-authorization-server of a server. */
  discovery(server: AuthServer, kind: 'openid-configuration' | 'oauth-authorization-server'): Json {
    const document: Json = {
      issuer: this.base(server),
      authorization_endpoint: this.endpoint(server, 'authorize'),
      token_endpoint: this.endpoint(server, 'token'),
      ...(kind === 'openid-configuration' ? { userinfo_endpoint: this.endpoint(server, 'userinfo') } : {}),
      registration_endpoint: `${this.context.orgUrl()}/oauth2/v1/clients`,
      jwks_uri: this.endpoint(server, 'keys'),
      response_types_supported: ['code', 'id_token', 'code id_token', 'code token', 'id_token token', 'code id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
      grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password', ...(server === 'org' ? ['client_credentials'] : []), 'urn:ietf:params:oauth:grant-type:device_code'],
      subject_types_supported: ['public'],
      ...(kind === 'openid-configuration' ? { id_token_signing_alg_values_supported: ['RS256'] } : {}),
      scopes_supported: [...oidcScopes, ...(server === 'org' ? ['okta.users.read', 'okta.groups.read', 'okta.apps.read', 'okta.users.manage', 'okta.groups.manage', 'okta.apps.manage'] : [])],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'],
      claims_supported: ['iss', 'ver', 'sub', 'aud', 'iat', 'exp', 'jti', 'auth_time', 'amr', 'idp', 'nonce', 'name', 'preferred_username', 'given_name', 'family_name', 'email', 'email_verified', 'zoneinfo', 'locale', 'address', 'phone_number', 'updated_at', 'at_hash', 'c_hash'],
      code_challenge_methods_supported: ['S256'],
      introspection_endpoint: this.endpoint(server, 'introspect'),
      revocation_endpoint: this.endpoint(server, 'revoke'),
      end_session_endpoint: this.endpoint(server, 'logout'),
      request_parameter_supported: true,
      request_object_signing_alg_values_supported: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512']
    }
    return document
  }

  keys(server: AuthServer): Json {
    return { keys: [this.context.signingKey(server).publicJwk] }
  }

  /** GET …/v1/authorize. */
  authorize(server: AuthServer, query: URLSearchParams): WebAnswer {
    const clientId = query.get('client_id') ?? ''
    if (clientId !== this.context.nativeApp.clientId) return { kind: 'html', status: 400, html: errorPage('Invalid client', `The 'client_id' parameter "${clientId}" is not a sign-in application of this org.`) }
    const redirectUri = query.get('redirect_uri') ?? ''
    if (!isLoopbackRedirect(redirectUri)) {
      return { kind: 'html', status: 400, html: errorPage('Invalid redirect', `The 'redirect_uri' parameter must be a Login redirect URI in the client app settings (http://127.0.0.1 or http://localhost, any port): "${redirectUri}".`) }
    }
    const state = query.get('state')
    const fail = (error: string, description: string): WebAnswer => ({ kind: 'redirect', location: withParams(redirectUri, { error, error_description: description, state }) })
    if (query.get('response_type') !== 'code') return fail('unsupported_response_type', "The response type is not supported by the authorization server. Configured response types: [code].")
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean)
    if (scopes.length === 0) return fail('invalid_scope', "The authorization request must specify a 'scope'.")
    if (!scopes.every((scope) => (oidcScopes as readonly string[]).includes(scope))) return fail('invalid_scope', 'One or more scopes are not configured for the authorization server resource.')
    const challenge = query.get('code_challenge')
    if (!challenge) return fail('invalid_request', "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.")
    if (query.get('code_challenge_method') !== 'S256') return fail('invalid_request', "The 'code_challenge_method' parameter must be 'S256'.")
    const signIn: SignIn = { server, clientId, redirectUri, challenge, scopes, nonce: query.get('nonce'), state }
    const automatic = this.context.autoSignIn()
    if (automatic !== null) {
      const user = this.context.store.userByLogin(automatic)
      if (!user) return { kind: 'html', status: 500, html: errorPage('Sign-in failed', `autoSignIn names "${automatic}", who is not in this org.`) }
      return this.complete(signIn, user)
    }
    if (query.get('prompt') === 'none') return fail('login_required', 'The client specified not to prompt, but the user is not logged in.')
    const requestId = randomToken()
    this.pending.set(requestId, signIn)
    return this.page(signIn, requestId, query.get('login_hint') ?? '', null)
  }

  /** POST …/v1/authorize: the sign-in form. */
  signIn(form: URLSearchParams): WebAnswer {
    const requestId = form.get('request') ?? ''
    const signIn = this.pending.get(requestId)
    if (!signIn) return { kind: 'html', status: 400, html: errorPage('Sign-in expired', 'This sign-in request is no longer valid. Start the sign-in again from the application.') }
    const login = (form.get('username') ?? '').trim()
    const user = this.context.store.userByLogin(login)
    if (!user || form.get('password') !== sandboxPassword) return this.page(signIn, requestId, login, 'Unable to sign in')
    if (user.status === 'LOCKED_OUT') return this.page(signIn, requestId, login, 'Your account is locked. Please contact your administrator.')
    if (user.status !== 'ACTIVE') return this.page(signIn, requestId, login, 'Unable to sign in')
    this.pending.delete(requestId)
    return this.complete(signIn, user)
  }

  private page(signIn: SignIn, requestId: string, login: string, error: string | null): WebAnswer {
    const demoLogins = this.context.store.appUsersOf(this.context.nativeApp.clientId).slice(0, 40).map((id) => this.context.store.user(id)).filter((user) => user?.status === 'ACTIVE').slice(0, 5).map((user) => String((user?.profile as Json).login))
    const automatic = this.context.autoSignIn()
    return {
      kind: 'html',
      status: 200,
      html: signInPage({ application: this.context.nativeApp.label, action: this.endpoint(signIn.server, 'authorize'), requestId, login, error, demoLogins: automatic ? [automatic] : demoLogins, password: sandboxPassword })
    }
  }

  /** Signed in: a code to the redirect URI, if the person is assigned to the app. */
  private complete(signIn: SignIn, user: Json): WebAnswer {
    const userId = String(user.id)
    if (user.status !== 'ACTIVE') return { kind: 'redirect', location: withParams(signIn.redirectUri, { error: 'access_denied', error_description: 'The user is not active.', state: signIn.state }) }
    if (!this.context.store.isAssigned(signIn.clientId, userId)) {
      return { kind: 'redirect', location: withParams(signIn.redirectUri, { error: 'access_denied', error_description: 'User is not assigned to the client application.', state: signIn.state }) }
    }
    const code = randomToken()
    this.codes.set(code, { ...signIn, userId, authTime: Math.floor(this.now() / 1000), expiresAt: this.now() + codeLifetimeMs })
    return { kind: 'redirect', location: withParams(signIn.redirectUri, { code, state: signIn.state }) }
  }

  /** grant_type=authorization_code (PKCE, public client). */
  authorizationCode(server: AuthServer, form: URLSearchParams): OAuthAnswer {
    const clientId = form.get('client_id') ?? ''
    if (clientId !== this.context.nativeApp.clientId) return oauthError(401, 'invalid_client', "Invalid value for 'client_id' parameter.")
    const presented = form.get('code') ?? ''
    const code = this.codes.get(presented)
    this.codes.delete(presented)
    if (!code || code.expiresAt <= this.now() || code.clientId !== clientId || code.server !== server) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or has expired.')
    if (form.get('redirect_uri') !== code.redirectUri) return oauthError(400, 'invalid_grant', "The 'redirect_uri' does not match the redirection URI used in the authorization request.")
    const verifier = form.get('code_verifier') ?? ''
    if (verifier === '') return oauthError(400, 'invalid_request', "The 'code_verifier' parameter is required.")
    if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) return oauthError(400, 'invalid_grant', 'PKCE verification failed.')
    return this.tokensFor(code)
  }

  /** grant_type=refresh_token: single use, a new one comes with the answer. */
  refresh(server: AuthServer, form: URLSearchParams): OAuthAnswer {
    const presented = form.get('refresh_token') ?? ''
    const grant = this.refreshTokens.get(presented)
    this.refreshTokens.delete(presented)
    if (!grant || grant.expiresAt <= this.now() || grant.clientId !== form.get('client_id') || grant.server !== server) return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.')
    return this.tokensFor(grant)
  }

  private tokensFor(grant: Grant): OAuthAnswer {
    const user = this.context.store.user(grant.userId)
    if (!user || user.status !== 'ACTIVE') return oauthError(400, 'invalid_grant', 'The user is no longer active.')
    const login = String((user.profile as Json).login)
    const issued = this.context.tokens.issue(grant.server, { clientId: grant.clientId, scopes: grant.scopes, userId: grant.userId, subject: login, permissions: new Set() })
    const accessToken = String(issued.json.access_token)
    if (grant.scopes.includes('openid')) issued.json.id_token = this.idToken(grant, user, accessToken)
    if (grant.scopes.includes('offline_access')) {
      const refreshToken = randomToken(32)
      this.refreshTokens.set(refreshToken, { ...grant, expiresAt: this.now() + refreshLifetimeMs })
      issued.json.refresh_token = refreshToken
    }
    return issued
  }

  private idToken(grant: Grant, user: Json, accessToken: string): string {
    const profile = user.profile as Json
    const issuedAt = Math.floor(this.now() / 1000)
    const digest = createHash('sha256').update(accessToken).digest()
    const faults = this.context.idTokenFaults()
    const claims = faultyClaims({
      sub: user.id,
      ...(grant.scopes.includes('profile') ? { name: profile.displayName ?? `${String(profile.firstName)} ${String(profile.lastName)}` } : {}),
      ...(grant.scopes.includes('email') ? { email: profile.email } : {}),
      ver: 1,
      iss: this.base(grant.server),
      aud: grant.clientId,
      iat: issuedAt,
      exp: issuedAt + this.context.tokenLifetimeSeconds(),
      jti: `ID.${randomToken(32)}`,
      amr: ['pwd'],
      idp: this.context.orgId,
      ...(grant.nonce !== null ? { nonce: grant.nonce } : {}),
      ...(grant.scopes.includes('profile') ? { preferred_username: profile.login } : {}),
      auth_time: grant.authTime,
      at_hash: digest.subarray(0, digest.length / 2).toString('base64url')
    }, faults)
    return faultyToken(signJwt(this.context.signingKey(grant.server), claims), faults)
  }

  /** GET/POST …/v1/userinfo with a user's access token. */
  userinfo(server: AuthServer, authorization: string | undefined): { status: number; body: Json | null; headers: Record<string, string> } {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? ''
    const details = this.context.tokens.accessToken(token)
    const user = details?.userId && details.server === server ? this.context.store.user(details.userId) : null
    if (!details || !user) return { status: 401, body: null, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token is invalid."' } }
    const profile = user.profile as Json
    const claims: Json = { sub: user.id }
    if (details.scopes.includes('profile')) {
      Object.assign(claims, {
        name: profile.displayName,
        preferred_username: profile.login,
        given_name: profile.firstName,
        family_name: profile.lastName,
        locale: profile.locale,
        zoneinfo: profile.timezone,
        updated_at: Math.floor(Date.parse(String(user.lastUpdated)) / 1000)
      })
    }
    if (details.scopes.includes('email')) Object.assign(claims, { email: profile.email, email_verified: true })
    if (details.scopes.includes('phone')) claims.phone_number = profile.mobilePhone ?? null
    if (details.scopes.includes('address')) claims.address = { locality: profile.city ?? null, country: profile.countryCode ?? null }
    return { status: 200, body: claims, headers: {} }
  }
}
