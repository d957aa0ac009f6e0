/**
 * The Okta sandbox's OAuth and OIDC routes (okta.md §1.2, §3, §7): /oauth2/v1/… (the org server)
 * and /oauth2/default/… (the custom server) — token, authorize (page and form), userinfo, keys —
 * and the discovery documents under /.well-known. Discovery and keys are never rate-limited; the
 * rest counts against the `oauth2` bucket. Unknown servers are 404 E0000007 (AuthorizationServer).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { errors } from './okta-errors'
import { commonHeaders, readText, writeAnswer, writeHtml, writeRedirect, type RequestTarget } from './okta-http'
import { oauthError, type AuthServer, type OAuthAnswer, type OktaTokens } from './okta-oauth'
import type { OktaOidc } from './okta-oidc'
import type { OktaTraffic } from './okta-traffic'

export class OAuthRoutes {
  constructor(
    private readonly traffic: OktaTraffic,
    private readonly tokens: OktaTokens,
    private readonly oidc: OktaOidc
  ) {}

  /** /oauth2/… */
  async serve(request: IncomingMessage, response: ServerResponse, segments: readonly string[], target: RequestTarget): Promise<void> {
    const server: AuthServer | null = segments[1] === 'v1' ? 'org' : segments[1] === 'default' ? 'default' : null
    const now = Date.now()
    if (server === null) return writeAnswer(response, errors.notFound(segments[1] ?? '', 'AuthorizationServer'), commonHeaders(now))
    const rest = segments.slice(server === 'org' ? 1 : 2).join('/')
    if ((server === 'default' || rest === 'v1/keys') && this.metadata(response, server, rest)) return
    const admitted = this.traffic.admit('oauth2', now)
    const headers = { ...commonHeaders(now), ...admitted.headers }
    if (!admitted.allowed) return writeAnswer(response, errors.rateLimited(), headers)
    if (rest === 'v1/token') {
      const answer = await this.token(request, server)
      return writeAnswer(response, { status: answer.status, body: answer.json }, { ...headers, 'Cache-Control': 'no-store', Pragma: 'no-cache' })
    }
    if (rest === 'v1/authorize' && (request.method === 'GET' || request.method === 'POST')) {
      const answer = request.method === 'GET' ? this.oidc.authorize(server, target.query) : this.oidc.signIn(new URLSearchParams(await readText(request)))
      if (answer.kind === 'redirect') return writeRedirect(response, answer.location)
      return writeHtml(response, answer.status, answer.html, { 'X-Okta-Request-Id': headers['X-Okta-Request-Id'] ?? '' })
    }
    if (rest === 'v1/userinfo' && (request.method === 'GET' || request.method === 'POST')) {
      const answer = this.oidc.userinfo(server, request.headers.authorization)
      return writeAnswer(response, { status: answer.status, body: answer.body, headers: answer.headers }, headers)
    }
    return writeAnswer(response, errors.noRoute(target.path), headers)
  }

  /**
   * /.well-known/openid-configuration and /.well-known/oauth-authorization-server (the org server),
   * and RFC 8414's /.well-known/oauth-authorization-server/oauth2/default. False when not one of them.
   */
  wellKnown(response: ServerResponse, segments: readonly string[]): boolean {
    const custom = segments.slice(2).join('/') === 'oauth2/default'
    return this.metadata(response, custom ? 'default' : 'org', segments.slice(0, 2).join('/'))
  }

  private metadata(response: ServerResponse, server: AuthServer, rest: string): boolean {
    const headers = { ...commonHeaders(Date.now()), 'Cache-Control': 'max-age=86400, must-revalidate' }
    const kind = rest === '.well-known/openid-configuration' ? 'openid-configuration' : rest === '.well-known/oauth-authorization-server' ? 'oauth-authorization-server' : null
    if (kind !== null) writeAnswer(response, { status: 200, body: this.oidc.discovery(server, kind) }, headers)
    else if (rest === 'v1/keys') writeAnswer(response, { status: 200, body: this.oidc.keys(server) }, headers)
    else return false
    return true
  }

  /** POST …/v1/token: client credentials (service apps), authorization code and refresh (sign-in). */
  private async token(request: IncomingMessage, server: AuthServer): Promise<OAuthAnswer> {
    if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.')
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      return oauthError(400, 'invalid_request', 'The token request must be form-encoded (application/x-www-form-urlencoded).')
    }
    const form = new URLSearchParams(await readText(request))
    const grant = form.get('grant_type')
    if (grant === null) return oauthError(400, 'invalid_request', "The token request must specify a 'grant_type'.")
    if (grant === 'client_credentials') return this.tokens.clientCredentials(server, form)
    if (grant === 'authorization_code') return this.oidc.authorizationCode(server, form)
    if (grant === 'refresh_token') return this.oidc.refresh(server, form)
    return oauthError(400, 'unsupported_grant_type', `The authorization grant type '${grant}' is not supported by the authorization server.`)
  }
}
