/**
 * Who is calling the Okta sandbox's Management API, and may they (okta.md §1.1, §1.2): SSWS API
 * tokens act as the admin who made them, with that admin's role (no scopes); Bearer access tokens
 * from the org authorization server carry scopes (and a service app's admin role). A missing or
 * malformed Authorization header is 403 E0000005, an unknown or expired token 401 E0000011, a role
 * without the permission 403 E0000006, and a token without the scope a 403 with no body and a
 * `www-authenticate: Bearer … error="insufficient_scope"` challenge.
 */
import { errors, type ApiAnswer } from './okta-errors'

export type Permission = 'users' | 'groups' | 'apps'

export const allPermissions: ReadonlySet<Permission> = new Set<Permission>(['users', 'groups', 'apps'])

export interface Caller {
  kind: 'api-token' | 'access-token'
  /** The admin behind an API token, or the user an access token was issued to; null for a service app. */
  userId: string | null
  /** What the admin role allows. */
  permissions: ReadonlySet<Permission>
  /** OAuth scopes; null for API tokens, which have none. */
  scopes: ReadonlySet<string> | null
}

export interface AccessToken {
  clientId: string
  scopes: string[]
  userId: string | null
  /** Which authorization server minted it: only the org server's tokens work on /api/v1. */
  server: 'org' | 'default'
  permissions: ReadonlySet<Permission>
  /** Epoch ms. */
  expiresAt: number
}

export class OktaAuth {
  private readonly apiTokens = new Map<string, { userId: string; permissions: ReadonlySet<Permission> }>()
  private readonly accessTokens = new Map<string, AccessToken>()

  constructor(private readonly now: () => number = Date.now) {}

  addApiToken(token: string, userId: string, permissions: ReadonlySet<Permission>): void {
    this.apiTokens.set(token, { userId, permissions })
  }

  addAccessToken(token: string, details: AccessToken): void {
    this.accessTokens.set(token, details)
  }

  /** A live access token, or null when unknown or expired. */
  accessToken(token: string): AccessToken | null {
    const details = this.accessTokens.get(token)
    return details && details.expiresAt > this.now() ? details : null
  }

  /** Makes every issued access token expired (as if its hour had passed). */
  expireAccessTokens(): void {
    for (const details of this.accessTokens.values()) details.expiresAt = 0
  }

  authenticate(header: string | undefined): Caller | ApiAnswer {
    const match = /^(SSWS|Bearer) +(\S+)$/i.exec((header ?? '').trim())
    if (!match) return errors.invalidSession()
    const [, scheme = '', token = ''] = match
    if (scheme.toUpperCase() === 'SSWS') {
      const owner = this.apiTokens.get(token)
      return owner ? { kind: 'api-token', userId: owner.userId, permissions: owner.permissions, scopes: null } : errors.invalidToken()
    }
    const details = this.accessToken(token)
    if (!details || details.server !== 'org') return errors.invalidToken()
    return { kind: 'access-token', userId: details.userId, permissions: details.permissions, scopes: new Set(details.scopes) }
  }
}

export function isCaller(value: Caller | ApiAnswer): value is Caller {
  return 'permissions' in value
}

/** The scope a permission needs (`.manage` includes read). */
export function readScope(permission: Permission): string {
  return `okta.${permission}.read`
}

/** null when the caller may read; else the answer Okta gives (scope first, then the role). */
export function refusal(caller: Caller, permission: Permission, orgUrl: string, resource: string): ApiAnswer | null {
  const scope = readScope(permission)
  if (caller.scopes !== null && !caller.scopes.has(scope) && !caller.scopes.has(`okta.${permission}.manage`)) {
    const challenge = [
      `Bearer authorization_uri="${orgUrl}/oauth2/v1/authorize"`,
      `realm="${orgUrl}"`,
      `scope="${scope}"`,
      'error="insufficient_scope"',
      'error_description="The access token provided does not contain the required scopes."',
      `resource="${resource}"`
    ].join(', ')
    return { status: 403, body: null, headers: { 'WWW-Authenticate': challenge } }
  }
  return caller.permissions.has(permission) ? null : errors.accessDenied()
}
