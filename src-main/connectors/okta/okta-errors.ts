/**
 * What went wrong talking to Okta, in the admin's words with Okta's own code kept (reference okta.md
 * §1.2, §4): a bad or revoked token, a missing admin role (E0000006), a missing OAuth scope (a 403
 * with no body and `www-authenticate: … insufficient_scope`), a refused service-app sign-in, not
 * found, rate limited after our retries, and network failures.
 */
import { StudioError } from '../../../src-shared/contract'
import { networkError } from '../../halo/halo-errors'

/** Okta's own refusals, then the network's (as networkError names them: a wrong name, a refused port, a cut connection…). */
export type OktaFailureReason = 'token' | 'role' | 'scope' | 'service_app' | 'session' | 'rate_limited' | 'not_found' | 'dns' | 'tls' | 'refused' | 'reset' | 'timeout' | 'network' | 'other'

/** `tokenError`: the body of the last refused service-app token request, if any (the SDK drops it). */
export function oktaError(error: unknown, context: { orgUrl: string; what: string; tokenError?: string | null }): StudioError {
  if (error instanceof StudioError) return error
  const host = safeHost(context.orgUrl)
  if (isSdkHttpFailure(error)) {
    const status = Number(error.status)
    const code = error.errorCode === undefined || error.errorCode === null ? '' : String(error.errorCode)
    const summary = error.errorSummary ?? ''
    const said = code ? `${code} ${summary}`.trim() : ''
    const details = (reason: OktaFailureReason, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ reason, status, ...(code ? { oktaCode: code } : {}), ...extra })
    // When its token request fails, the SDK still sends the API call (without a token) and throws
    // that call's 401: a refused token request is the cause to report.
    if (/\/oauth2\/v1\/token$/.test(safePath(error.url)) || (status === 401 && context.tokenError)) {
      const oauth = parseOAuthError(context.tokenError ?? null)
      return new StudioError(
        'SIGN_IN_REQUIRED',
        `Okta refused the service app's sign-in${oauth ? `: ${oauth}` : ''}. Check the client ID, that the public key for this private key (and key ID) is registered on the app, and that the app is granted the Okta API scopes.`,
        details('service_app', oauth ? { oktaMessage: oauth } : {})
      )
    }
    if (status === 401) {
      return new StudioError(
        'SIGN_IN_REQUIRED',
        `Okta refused the API token (${said || 'HTTP 401'}). It may be mistyped, revoked, or expired after 30 days without use. Create a new one in Okta: Security › API › Tokens, with an admin account that can read users, groups and apps.`,
        details('token')
      )
    }
    if (status === 403 && code === 'E0000006') {
      return new StudioError(
        'REMOTE_ERROR',
        `Okta says the account behind these credentials may not read ${context.what} (${said}). Give that admin (or the service app) a role that can: Super Admin, Read-only Admin, or a custom role with okta.users.read, okta.groups.read and okta.apps.read.`,
        details('role')
      )
    }
    if (status === 403 && code === 'E0000005') {
      return new StudioError('SIGN_IN_REQUIRED', `Okta did not accept the credentials as sent (${said}). Paste only the API token, without "SSWS" or spaces.`, details('session'))
    }
    if (status === 403) {
      const challenge = error.headers?.get('www-authenticate') ?? ''
      const scope = /scope="([^"]+)"/.exec(challenge)?.[1]
      if (/insufficient_scope/.test(challenge)) {
        return new StudioError(
          'REMOTE_ERROR',
          `The service app was not granted the scope ${scope ?? 'needed'} to read ${context.what}. In Okta, open the app › Okta API Scopes and grant ${scope ?? 'it'} (a Super Admin must do this).`,
          details('scope', scope ? { scope } : {})
        )
      }
      return new StudioError('REMOTE_ERROR', `Okta refused access to ${context.what}${said ? ` (${said})` : ''}.`, details('role'))
    }
    if (status === 404) return new StudioError('NOT_FOUND', `Okta has no ${context.what} here${said ? ` (${said})` : ''}. Check the org URL.`, details('not_found'))
    if (status === 429) {
      return new StudioError(
        'RATE_LIMITED',
        `Okta is rate-limiting these credentials ("too many requests" while reading ${context.what}); its limits reset every minute. Try again shortly. If it keeps happening, other tools are spending the same token's budget: give Identity Studio its own token.`,
        details('rate_limited')
      )
    }
    return new StudioError('REMOTE_ERROR', `Okta answered HTTP ${status} while reading ${context.what}${said ? `: ${said}` : ''}.`, details('other'))
  }
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' || (error as { type?: unknown } | null)?.type === 'system') {
    // node-fetch's FetchError carries the system code directly; the shared mapper expects it as `cause`.
    const message = error instanceof Error ? error.message : String(error)
    return networkError({ cause: { code, message } }, context.orgUrl, `Okta (${host})`, 60_000)
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new StudioError('UNREACHABLE', `Okta at ${host} did not answer in time. Check the address and your network, then try again.`, { reason: 'timeout' })
  }
  return new StudioError('REMOTE_ERROR', `Reading ${context.what} from Okta failed: ${error instanceof Error ? error.message : String(error)}`, { reason: 'other' })
}

/** The SDK's OktaApiError (a JSON error body) or HttpError (any other body); HttpError is not exported. */
interface SdkHttpFailure {
  name: string
  status: number | string
  url: string
  errorCode?: string | number | null
  errorSummary?: string
  headers?: { get(name: string): string | null }
}

function isSdkHttpFailure(error: unknown): error is SdkHttpFailure {
  if (!(error instanceof Error)) return false
  const candidate = error as Partial<SdkHttpFailure>
  return (candidate.name === 'OktaApiError' || candidate.name === 'HttpError') && candidate.status !== undefined && typeof candidate.url === 'string'
}

function parseOAuthError(body: string | null): string | null {
  if (!body) return null
  try {
    const parsed = JSON.parse(body) as { error?: unknown; error_description?: unknown }
    const description = typeof parsed.error_description === 'string' ? parsed.error_description : ''
    const error = typeof parsed.error === 'string' ? parsed.error : ''
    return description ? `${description}${error ? ` (${error})` : ''}` : error || null
  } catch {
    return null
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}
