/**
 * The Okta sandbox's token endpoints (`/oauth2/v1/token`, and `/oauth2/default/v1/token` for the
 * custom server): client credentials for API service apps, which prove themselves with a
 * `private_key_jwt` client assertion — an RS256 JWT signed with the app's private key, iss = sub =
 * client_id, aud = the token endpoint's URL, exp in the future (at most an hour ahead), a jti used
 * once (as @okta/okta-sdk-nodejs 8 sends it: src/jwt.js via njwt) — checked against the app's
 * registered public key. The access token carries the requested scopes the app was granted.
 * Errors are OAuth's {error, error_description}. The OIDC module (okta-oidc.ts) mints its tokens
 * here too.
 */
import type { KeyObject } from 'node:crypto'
import type { AccessToken, OktaAuth, Permission } from './okta-auth'
import { randomToken } from './okta-ids'
import { decodeJwt, signJwt, verifyRs256, type SigningKey } from './okta-keys'

export type AuthServer = 'org' | 'default'

export interface ServiceClient {
  clientId: string
  /** The Okta API scopes granted on the app's "Okta API Scopes" tab. */
  grantedScopes: readonly string[]
  /** Registered public keys (kid → key). */
  keys: ReadonlyMap<string, KeyObject>
  /** The admin roles assigned to the app. */
  permissions: ReadonlySet<Permission>
}

export interface OAuthAnswer {
  status: number
  json: Record<string, unknown>
}

export interface TokenContext {
  orgUrl: () => string
  auth: OktaAuth
  services: readonly ServiceClient[]
  signingKey: (server: AuthServer) => SigningKey
  tokenLifetimeSeconds: () => number
  now?: () => number
}

export const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export function oauthError(status: number, error: string, description: string): OAuthAnswer {
  return { status, json: { error, error_description: description } }
}

const clientAuthFailed = (description: string): OAuthAnswer => oauthError(401, 'invalid_client', description)

export class OktaTokens {
  private readonly usedJtis = new Map<string, number>()
  private readonly now: () => number

  constructor(private readonly context: TokenContext) {
    this.now = context.now ?? Date.now
  }

  issuer(server: AuthServer): string {
    return server === 'org' ? this.context.orgUrl() : `${this.context.orgUrl()}/oauth2/default`
  }

  /** POST …/v1/token with grant_type=client_credentials. */
  clientCredentials(server: AuthServer, form: URLSearchParams): OAuthAnswer {
    const checked = this.authenticateClient(server, form)
    if ('status' in checked) return checked
    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean)
    if (requested.length === 0) return oauthError(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided.")
    const notOkta = requested.filter((scope) => !/^okta\.\w+\.(read|manage)$/.test(scope))
    if (notOkta.length > 0) return oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${notOkta.join(', ')}.`)
    if (server !== 'org') return oauthError(400, 'invalid_scope', 'Okta API scopes can only be requested from the org authorization server.')
    // [U] Scopes the app was not granted are left out of the token (the issue's choice); none left: invalid_scope.
    const granted = requested.filter((scope) => checked.grantedScopes.includes(scope) || checked.grantedScopes.includes(scope.replace(/\.read$/, '.manage')))
    if (granted.length === 0) return oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${requested.join(', ')}.`)
    return this.issue(server, { clientId: checked.clientId, scopes: granted, userId: null, permissions: checked.permissions })
  }

  /** A live access token's details, or null. */
  accessToken(token: string): AccessToken | null {
    return this.context.auth.accessToken(token)
  }

  /** Mints an access token (a JWT from the server's key, also remembered for /api/v1). */
  issue(server: AuthServer, grant: { clientId: string; scopes: string[]; userId: string | null; subject?: string; permissions: ReadonlySet<Permission> }): OAuthAnswer {
    const lifetime = this.context.tokenLifetimeSeconds()
    const issuedAt = Math.floor(this.now() / 1000)
    const accessToken = signJwt(this.context.signingKey(server), {
      ver: 1,
      jti: `AT.${randomToken(32)}`,
      iss: this.issuer(server),
      aud: server === 'org' ? this.context.orgUrl() : 'api://default',
      iat: issuedAt,
      exp: issuedAt + lifetime,
      cid: grant.clientId,
      ...(grant.userId !== null ? { uid: grant.userId } : {}),
      scp: grant.scopes,
      sub: grant.subject ?? grant.clientId
    })
    const details: AccessToken = { clientId: grant.clientId, scopes: grant.scopes, userId: grant.userId, server, permissions: grant.permissions, expiresAt: this.now() + lifetime * 1000 }
    this.context.auth.addAccessToken(accessToken, details)
    return { status: 200, json: { token_type: 'Bearer', expires_in: lifetime, access_token: accessToken, scope: grant.scopes.join(' ') } }
  }

  /** Checks the client assertion (private_key_jwt); answers the app or the OAuth error. */
  private authenticateClient(server: AuthServer, form: URLSearchParams): ServiceClient | OAuthAnswer {
    const formClientId = form.get('client_id')
    const assertion = form.get('client_assertion')
    if (form.get('client_secret') !== null || assertion === null) {
      return clientAuthFailed('Client authentication failed. Either the client or the client credentials are invalid.')
    }
    if (form.get('client_assertion_type') !== assertionType) return oauthError(400, 'invalid_request', `The client_assertion_type must be '${assertionType}'.`)
    const decoded = decodeJwt(assertion)
    if (!decoded) return clientAuthFailed('The client_assertion is not a valid JWT.')
    const { header, payload } = decoded
    const clientId = typeof payload.iss === 'string' ? payload.iss : ''
    const client = this.context.services.find((candidate) => candidate.clientId === clientId)
    if (!client || (formClientId !== null && formClientId !== clientId)) return clientAuthFailed("Invalid value for 'client_id' parameter.")
    if (payload.sub !== clientId) return clientAuthFailed("The 'sub' claim in the client_assertion must be the client_id.")
    if (header.alg !== 'RS256') return clientAuthFailed(`The client_assertion algorithm ${String(header.alg)} is not supported; use RS256.`)
    const kid = typeof header.kid === 'string' ? header.kid : null
    const candidates = kid === null ? [...client.keys.values()] : [client.keys.get(kid)].filter((key) => key !== undefined)
    if (candidates.length === 0) return clientAuthFailed(`The client_assertion was signed with a key (kid ${String(kid)}) not registered for the app.`)
    if (!candidates.some((key) => verifyRs256(decoded, key))) return clientAuthFailed('The client_assertion signature is invalid.')
    if (payload.aud !== `${this.issuer(server)}${server === 'org' ? '/oauth2/v1/token' : '/v1/token'}`) {
      return clientAuthFailed('The audience claim for client_assertion must be the endpoint invoked for the request.')
    }
    const now = this.now() / 1000
    if (typeof payload.exp !== 'number') return clientAuthFailed("The client_assertion token must have an 'exp' claim.")
    if (payload.exp <= now) return clientAuthFailed('The client_assertion token is expired.')
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : now
    if (payload.exp - Math.min(issuedAt, now) > 3600) return clientAuthFailed('The client_assertion token has an expiration too far in the future.')
    if (typeof payload.jti !== 'string' || payload.jti === '') return clientAuthFailed("The client_assertion token must have a 'jti' claim.")
    for (const [jti, until] of this.usedJtis) if (until < now) this.usedJtis.delete(jti)
    if (this.usedJtis.has(payload.jti)) return clientAuthFailed('The client_assertion token has already been used (jti).')
    this.usedJtis.set(payload.jti, payload.exp)
    return client
  }
}
