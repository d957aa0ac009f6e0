/**
 * The Entra sandbox's identity platform for one tenant (entra.md §2.4, §4, §7): app registrations
 * with client secrets (and their expiry) and consented Graph permissions; the v2 token endpoint for
 * client_credentials, authorization_code with PKCE (S256 verifier checked, a code used once) and
 * refresh_token; /authorize with a sign-in page, or at once for tests (`autoSignIn`), answering by
 * form_post or query; access and ID tokens as RS256 JWTs, with the JWKS to check them; and the
 * bearer check Graph does (expired, malformed, or revoked by `revokeTokens`). Multi-tenant apps also
 * sign in the people of partner tenants at the `organizations` (or `common`) endpoints, their ID
 * tokens naming their own tenant as issuer; a single-tenant app refuses them (AADSTS50020).
 */
import { createHash, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { aadsts, graphError, tokenError, type Answer } from './entra-errors'
import type { EntraTenant, EntraUser } from './entra-tenant'
import { faultyClaims, faultyToken, noIdTokenFaults, type IdTokenFaultSettings } from '../shared/id-token-faults'

export interface EntraSecret {
  keyId: string
  displayName: string
  value: string
  startDateTime: string
  endDateTime: string
}

export interface EntraApp {
  appId: string
  displayName: string
  secrets: EntraSecret[]
  /** Application permissions granted with admin consent (the token's `roles`). */
  roles: string[]
  /** Whether an admin consented: without it, client credentials give no roles and sign-ins fail with AADSTS65001. */
  consented: boolean
  /** Redirect URIs; http://localhost and http://127.0.0.1 match any port (entra.md §1.5). */
  redirectUris: string[]
  /** Accounts in any organizational directory may sign in (signInAudience AzureADMultipleOrgs). */
  multiTenant?: boolean
}

export interface AccessClaims {
  appId: string
  roles: string[]
  scopes: string[]
  userId: string | null
}

interface PendingCode {
  appId: string
  redirectUri: string
  challenge: string | null
  nonce: string | null
  scope: string
  userId: string
  tenant: EntraTenant
  expiresAt: number
}

const graphAudience = 'https://graph.microsoft.com'
const sandboxPassword = 'Sandbox!2026'

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url')
}

export class EntraAuth {
  readonly apps = new Map<string, EntraApp>()
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject; kid: string }
  private readonly codes = new Map<string, PendingCode>()
  private readonly refreshTokens = new Map<string, { appId: string; userId: string; scope: string; tenant: EntraTenant }>()
  /** Access tokens by their `uti`: issued and still good, and refused as expired (a token that ran out mid-read). */
  private readonly issued = new Set<string>()
  private readonly revoked = new Set<string>()
  tokenLifetimeSeconds = 3599
  /** A user principal name /authorize signs in at once (tests); null shows the sign-in page. */
  autoSignIn: string | null = null
  /** What the tests want wrong with ID tokens (none by default; the sandbox passes its live settings). */
  idTokenFaults: IdTokenFaultSettings = noIdTokenFaults()

  constructor(
    private readonly tenant: EntraTenant,
    private readonly now: () => number,
    readonly issuerOrigin: () => string,
    /** Other tenants whose people sign in to multi-tenant apps. */
    readonly partners: readonly EntraTenant[] = []
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 27)
    this.key = { privateKey, publicKey, kid }
  }

  /** Does this path segment name the tenant (its id or its domain), or any organisation (`organizations`, `common`)? */
  isTenant(segment: string): boolean {
    return segment.toLowerCase() === this.tenant.tenantId || segment.toLowerCase() === this.tenant.domain || isAnyOrganisation(segment)
  }

  revokeTokens(): void {
    for (const uti of this.issued) this.revoked.add(uti)
    this.issued.clear()
  }

  /** "Revoke sessions" (or 90 days without use): every refresh token is refused from now on, and access tokens too. */
  revokeSessions(): void {
    this.refreshTokens.clear()
    this.revokeTokens()
  }

  jwks(): { keys: Array<Record<string, unknown>> } {
    const jwk = this.key.publicKey.export({ format: 'jwk' })
    return { keys: [{ kty: 'RSA', use: 'sig', kid: this.key.kid, x5t: this.key.kid, n: jwk.n, e: jwk.e, issuer: this.idIssuer() }] }
  }

  /** The v2 issuer of a tenant's ID tokens; for `organizations` / `common` discovery, with Entra's `{tenantid}` placeholder. */
  idIssuer(tenantId = this.tenant.tenantId): string {
    return `${this.issuerOrigin()}/${tenantId}/v2.0`
  }

  /** POST /{tenant}/oauth2/v2.0/token with the form fields. */
  token(tenantSegment: string, form: URLSearchParams): Answer {
    const now = this.now()
    if (!this.isTenant(tenantSegment)) return aadsts.tenantNotFound(tenantSegment, now)
    const grant = form.get('grant_type')
    const appId = form.get('client_id')
    if (!grant) return aadsts.missing('grant_type', now)
    if (!appId) return aadsts.missing('client_id', now)
    const app = this.apps.get(appId.toLowerCase())
    if (!app) return aadsts.appNotFound(appId, this.tenant.tenantId, now)
    if (grant === 'client_credentials') {
      const refused = this.checkSecret(app, form.get('client_secret'), now)
      if (refused) return refused
      const scope = form.get('scope') ?? ''
      if (!/^https:\/\/graph\.microsoft\.(com|us|de)\/\.default$/.test(scope) && scope !== '00000003-0000-0000-c000-000000000000/.default') return aadsts.badScope(scope, now)
      return { status: 200, body: { token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds, ext_expires_in: this.tokenLifetimeSeconds, access_token: this.accessToken(app, null, app.consented ? app.roles : [], []) } }
    }
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? ''
      const pending = this.codes.get(code)
      this.codes.delete(code)
      if (!pending || pending.appId !== app.appId) return aadsts.badGrant('The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.', 70008, now)
      if (pending.expiresAt < now) return aadsts.badGrant('The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.', 70008, now)
      if (form.get('redirect_uri') !== pending.redirectUri) return aadsts.badGrant("The reply URL specified in the request does not match the reply URL configured for the authorization code.", 500117, now)
      if (pending.challenge !== null) {
        const verifier = form.get('code_verifier') ?? ''
        if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return aadsts.badGrant('The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.', 501481, now)
      }
      const secret = form.get('client_secret')
      if (secret !== null) {
        const refused = this.checkSecret(app, secret, now)
        if (refused) return refused
      }
      return this.userTokens(app, pending.tenant, pending.userId, pending.scope, pending.nonce)
    }
    if (grant === 'refresh_token') {
      const held = this.refreshTokens.get(form.get('refresh_token') ?? '')
      if (!held || held.appId !== app.appId || !held.tenant.users.get(held.userId)?.accountEnabled) {
        return aadsts.badGrant('The refresh token has expired due to inactivity. The token was issued on 2026-08-01T00:00:00Z and was inactive for 90.00:00:00.', 700082, now)
      }
      if (!app.consented) return aadsts.consentMissing(app.appId, now)
      return this.userTokens(app, held.tenant, held.userId, held.scope, null)
    }
    return aadsts.unsupportedGrant(grant, now)
  }

  private checkSecret(app: EntraApp, given: string | null, now: number): Answer | null {
    const secret = app.secrets.find((each) => each.value === given)
    if (!secret) return aadsts.badSecret(app.appId, now)
    if (Date.parse(secret.endDateTime) <= now) return aadsts.expiredSecret(app.appId, now)
    return null
  }

  private userTokens(app: EntraApp, tenant: EntraTenant, userId: string, scope: string, nonce: string | null): Answer {
    const user = tenant.users.get(userId)
    if (!user) return aadsts.badGrant('The user account does not exist in the directory.', 50034, this.now())
    const scopes = scope.split(/\s+/).filter((each) => each && !['openid', 'profile', 'offline_access', 'email'].includes(each))
    const refreshToken = base64url(randomBytes(48))
    this.refreshTokens.set(refreshToken, { appId: app.appId, userId, scope, tenant })
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: scopes.join(' ') || 'User.Read',
        expires_in: this.tokenLifetimeSeconds,
        ext_expires_in: this.tokenLifetimeSeconds,
        access_token: this.accessToken(app, user, [], scopes.map((each) => each.replace(/^https:\/\/graph\.microsoft\.com\//, ''))),
        refresh_token: refreshToken,
        id_token: this.idToken(app, user, tenant, nonce),
        client_info: base64url(JSON.stringify({ uid: user.id, utid: tenant.tenantId }))
      }
    }
  }

  private sign(payload: Record<string, unknown>): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.key.kid, x5t: this.key.kid }))
    const body = base64url(JSON.stringify(payload))
    const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(this.key.privateKey).toString('base64url')
    return `${header}.${body}.${signature}`
  }

  private accessToken(app: EntraApp, user: EntraUser | null, roles: string[], scopes: string[]): string {
    const issuedAt = Math.floor(this.now() / 1000)
    const uti = base64url(randomBytes(16))
    this.issued.add(uti)
    return this.sign({
      aud: graphAudience,
      iss: `https://sts.windows.net/${this.tenant.tenantId}/`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + this.tokenLifetimeSeconds,
      appid: app.appId,
      app_displayname: app.displayName,
      idtyp: user ? 'user' : 'app',
      tid: this.tenant.tenantId,
      ver: '1.0',
      uti,
      ...(user ? { oid: user.id, upn: user.userPrincipalName, name: user.displayName, scp: scopes.join(' ') || 'User.Read' } : { oid: app.appId, sub: app.appId, roles })
    })
  }

  private idToken(app: EntraApp, user: EntraUser, tenant: EntraTenant, nonce: string | null): string {
    const issuedAt = Math.floor(this.now() / 1000)
    const claims = faultyClaims({
      aud: app.appId,
      iss: this.idIssuer(tenant.tenantId),
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + this.tokenLifetimeSeconds,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      email: user.mail,
      sub: createHash('sha256').update(`${user.id}:${app.appId}`).digest('base64url').slice(0, 43),
      tid: tenant.tenantId,
      ver: '2.0',
      // Only when the authorize request had one: MSAL refuses an unexpected nonce (entra.md §1.4).
      ...(nonce ? { nonce } : {})
    }, this.idTokenFaults)
    return faultyToken(this.sign(claims), this.idTokenFaults)
  }

  /** Graph's bearer check: the token's claims, or Graph's 401. */
  bearer(header: string | undefined): AccessClaims | Answer {
    const now = this.now()
    const refuse = (message: string): Answer =>
      graphError(401, 'InvalidAuthenticationToken', message, now, { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' })
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1]
    if (!token) return refuse('Access token is empty.')
    const [head, body, signature] = token.split('.')
    if (!head || !body || !signature || !createVerify('RSA-SHA256').update(`${head}.${body}`).verify(this.key.publicKey, Buffer.from(signature, 'base64url'))) {
      return refuse('CompactToken validation failed with reason code: 80049228.')
    }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { exp: number; uti: string; appid: string; roles?: string[]; scp?: string; oid: string; idtyp: string }
    if (claims.exp * 1000 <= now) return refuse('Lifetime validation failed, the token is expired.')
    if (this.revoked.has(claims.uti)) return refuse('Access token has expired or is not yet valid.')
    return { appId: claims.appid, roles: claims.roles ?? [], scopes: claims.scp ? claims.scp.split(' ') : [], userId: claims.idtyp === 'user' ? claims.oid : null }
  }

  /** Who signs in: a person of this tenant, or of a partner tenant. */
  private findUser(key: string): { user: EntraUser; tenant: EntraTenant } | null {
    for (const tenant of [this.tenant, ...this.partners]) {
      const user = tenant.userByKey(key)
      if (user) return { user, tenant }
    }
    return null
  }

  /** GET (or the sign-in page's POST to) /{tenant}/oauth2/v2.0/authorize. */
  authorize(tenantSegment: string, query: URLSearchParams, login: { username: string; password: string } | null): Answer {
    const now = this.now()
    if (!this.isTenant(tenantSegment)) return page(400, 'Sign in', `<p>AADSTS90002: Tenant '${escape(tenantSegment)}' not found.</p>`)
    const app = this.apps.get((query.get('client_id') ?? '').toLowerCase())
    if (!app) return page(400, 'Sign in', `<p>AADSTS700016: Application with identifier '${escape(query.get('client_id') ?? '')}' was not found in the directory '${this.tenant.tenantId}'.</p>`)
    const redirectUri = query.get('redirect_uri') ?? ''
    if (!redirectMatches(app.redirectUris, redirectUri)) {
      return page(400, 'Sign in', `<p>AADSTS50011: The redirect URI '${escape(redirectUri)}' specified in the request does not match the redirect URIs configured for the application '${app.appId}'.</p>`)
    }
    const respond = (fields: Record<string, string>): Answer => {
      const state = query.get('state')
      const all = { ...fields, ...(state !== null ? { state } : {}) }
      if (query.get('response_mode') === 'form_post') {
        const inputs = Object.entries(all).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('')
        return page(200, 'Signing in', `<form method="post" action="${escape(redirectUri)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script>`)
      }
      const target = new URL(redirectUri)
      for (const [name, value] of Object.entries(all)) target.searchParams.set(name, value)
      return { status: 302, body: '', headers: { Location: target.href } }
    }
    if (!app.consented) return respond({ error: 'consent_required', error_description: (tokenError(400, 'consent_required', 65001, `The user or administrator has not consented to use the application with ID '${app.appId}'.`, now).body as { error_description: string }).error_description })
    const who = login ? login.username : this.autoSignIn
    if (who === null) return signInPage(query)
    const found = this.findUser(who)
    // A partner's person signs in only to a multi-tenant app, at the organizations / common endpoint.
    if (found && found.tenant !== this.tenant && (!app.multiTenant || !isAnyOrganisation(tenantSegment))) return signInPage(query, `AADSTS50020: User account '${found.user.userPrincipalName}' from identity provider does not exist in tenant '${this.tenant.domain}' and cannot access the application '${app.appId}' in that tenant.`)
    const user = found?.user
    if (!found || !user || (login && login.password !== sandboxPassword)) return signInPage(query, 'Your account or password is incorrect.')
    if (!user.accountEnabled) return signInPage(query, 'AADSTS50057: The user account is disabled.')
    const code = base64url(randomBytes(32))
    const method = query.get('code_challenge_method')
    this.codes.set(code, { appId: app.appId, redirectUri, challenge: method === 'S256' ? (query.get('code_challenge') ?? '') : null, nonce: query.get('nonce'), scope: query.get('scope') ?? '', userId: user.id, tenant: found.tenant, expiresAt: now + 600_000 })
    return respond({ code, client_info: base64url(JSON.stringify({ uid: user.id, utid: found.tenant.tenantId })), session_state: base64url(randomBytes(12)) })
  }
}

function isAnyOrganisation(segment: string): boolean {
  return segment.toLowerCase() === 'organizations' || segment.toLowerCase() === 'common'
}

function redirectMatches(registered: string[], given: string): boolean {
  let url: URL
  try {
    url = new URL(given)
  } catch {
    return false
  }
  return registered.some((each) => {
    const allowed = new URL(each)
    if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return allowed.hostname === url.hostname && allowed.protocol === 'http:' && (allowed.pathname === '/' || allowed.pathname === url.pathname)
    return each === given
  })
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

function page(status: number, title: string, content: string): Answer {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:28rem;margin:4rem auto">${content}</body></html>` }
}

function signInPage(query: URLSearchParams, problem?: string): Answer {
  const hidden = [...query.entries()].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('')
  return page(
    problem ? 401 : 200,
    'Sign in to your account',
    `<h1>Sign in</h1><p>Northwind Traders (Entra sandbox). Password for every account: <code>${sandboxPassword}</code></p>${problem ? `<p role="alert">${escape(problem)}</p>` : ''}<form method="post">${hidden}<label>Email or user name <input name="login" autocomplete="username"></label><br><label>Password <input name="passwd" type="password"></label><br><button>Sign in</button></form>`
  )
}

export { sandboxPassword as entraSandboxPassword }
