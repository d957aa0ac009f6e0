/**
 * The checks made before any single sign-on setting reaches Halo (issue: SSO tab): the issuer's
 * discovery document is fetched from `<issuer>/.well-known/openid-configuration`, and must name the
 * same issuer and the endpoints a sign-in uses. For Okta also: the address is the primary Okta
 * domain, not the `-admin` console host (okta.md §7: 404s and issuer mismatches follow), and the
 * org / custom authorization server choice matches the issuer (`/oauth2/<id>` is a custom one).
 * Entra's multi-tenant documents name the issuer with a `{tenantid}` placeholder. Failures are
 * StudioErrors in the admin's words; http is accepted only on this computer (the sandboxes).
 */
import { StudioError } from '../../src-shared/contract'
import { networkError } from '../halo/halo-errors'

export interface Discovery {
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  jwksUri: string
  endSessionEndpoint: string | null
}

export type OktaServer = { kind: 'org' } | { kind: 'custom'; id: string }

/** An issuer as compared: no trailing slash. */
export function normaliseIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, '')
}

/** What is wrong with an Okta issuer before anything is fetched, or null. */
export function oktaIssuerProblem(issuer: string, server: OktaServer): string | null {
  let url: URL
  try {
    url = new URL(normaliseIssuer(issuer))
  } catch {
    return `"${issuer}" is not a web address: the issuer is your Okta domain, for example https://acme.okta.com${server.kind === 'custom' ? `/oauth2/${server.id}` : ''}.`
  }
  const admin = /^(.+)-admin(\.(?:okta|oktapreview|okta-emea|okta-gov)\.com)$/i.exec(url.hostname)
  if (admin) return `${url.host} is the Admin Console address; sign-in there fails with a 404. Use your primary Okta domain without "-admin": ${url.protocol}//${admin[1] ?? ''}${admin[2] ?? ''}.`
  const path = url.pathname.replace(/\/+$/, '')
  const custom = /^\/oauth2\/([^/]+)$/.exec(path)
  if (server.kind === 'org' && custom) return `${issuer} is the issuer of the custom authorization server "${custom[1] ?? ''}", but the org authorization server is chosen. Choose "Custom authorization server", or use the issuer ${url.origin}.`
  if (server.kind === 'custom' && !custom) return `The custom authorization server's issuer ends in /oauth2/<its id> (for example ${url.origin}/oauth2/default); ${issuer} is the org authorization server's. Choose "Org authorization server", or add the server's path.`
  if (server.kind === 'custom' && custom && custom[1] !== server.id) return `The issuer names the authorization server "${custom[1] ?? ''}", but "${server.id}" is chosen.`
  if (server.kind === 'org' && path !== '') return `The org authorization server's issuer is the Okta domain alone (${url.origin}), with nothing after it.`
  return null
}

/**
 * Fetches and checks the discovery document of `issuer`. `tenantIssuer` (Entra multi-tenant) is the
 * placeholder form the document may name instead, e.g. https://login.microsoftonline.com/{tenantid}/v2.0.
 */
export async function discover(issuer: string, options: { timeoutMs?: number; service: string; tenantIssuer?: string } = { service: 'The identity provider' }): Promise<Discovery> {
  const expected = normaliseIssuer(issuer)
  const url = `${expected}/.well-known/openid-configuration`
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost'))) {
    throw new StudioError('VALIDATION_FAILED', `The issuer must use https (${expected} does not); plain http is accepted only on this computer.`)
  }
  const timeoutMs = options.timeoutMs ?? 15_000
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw networkError(error, url, options.service, timeoutMs)
  }
  if (response.status === 404 || response.status === 401) {
    throw new StudioError('NOT_FOUND', `${options.service} has no sign-in configuration at ${url} (HTTP ${response.status}). Check the issuer: for Okta, the primary Okta domain (not -admin, not a custom domain) and, for a custom authorization server, that the org has API Access Management.`, { status: response.status })
  }
  if (!response.ok) throw new StudioError('REMOTE_ERROR', `${options.service} answered HTTP ${response.status} for its sign-in configuration (${url}). Try again later.`, { status: response.status })
  const document = (await response.json().catch(() => null)) as Record<string, unknown> | null
  const text = (key: string): string | null => (typeof document?.[key] === 'string' && document[key] !== '' ? document[key] : null)
  const named = text('issuer')
  if (named === null) throw new StudioError('REMOTE_ERROR', `${url} is not a sign-in configuration (it names no issuer).`)
  const accepted = [expected, ...(options.tenantIssuer ? [normaliseIssuer(options.tenantIssuer)] : [])]
  if (!accepted.includes(normaliseIssuer(named))) {
    throw new StudioError('VALIDATION_FAILED', `The issuer does not match: ${url} says it is "${named}", but "${expected}" is configured. Use exactly the issuer the document names (for Okta, org vs custom authorization server; no custom domain).`, { said: named })
  }
  const authorizationEndpoint = text('authorization_endpoint')
  const tokenEndpoint = text('token_endpoint')
  const jwksUri = text('jwks_uri')
  if (!authorizationEndpoint || !tokenEndpoint || !jwksUri) throw new StudioError('REMOTE_ERROR', `${url} leaves out the ${[!authorizationEndpoint && 'authorization', !tokenEndpoint && 'token', !jwksUri && 'key set (jwks_uri)'].filter(Boolean).join(', ')} endpoint a sign-in needs.`)
  return { issuer: expected, authorizationEndpoint, tokenEndpoint, jwksUri, endSessionEndpoint: text('end_session_endpoint') }
}
