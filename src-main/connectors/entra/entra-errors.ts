/**
 * What went wrong talking to Entra or Graph, in the admin's words, with the AADSTS code or Graph's
 * error code kept (entra.md §1.7, §3.6, §4). Token errors branch on the code (MSAL's `errorNo`, or
 * the AADSTS number in the description), never on the text, which Microsoft changes.
 */
import { StudioError } from '../../../src-shared/contract'
import { expiryDay } from '../../../src-shared/entra-setup'
import { networkError } from '../../halo/halo-errors'

export interface EntraErrorContext {
  tenantId: string
  clientId: string
  /** The client secret's expiry when known (entered, or read from Graph earlier). */
  secretExpiresAt?: string | null
  /** The login host, for network failures. */
  authorityHost: string
}

/** An AADSTS number from MSAL's error (errorNo, or "AADSTSnnnn:" in its message). */
function aadstsOf(error: unknown): number | null {
  if (!(error instanceof Error)) return null
  const record = error as Error & { errorNo?: string; errorMessage?: string }
  const fromNumber = Number(record.errorNo)
  if (Number.isInteger(fromNumber) && fromNumber > 0) return fromNumber
  const match = /AADSTS(\d+)/.exec(`${record.errorMessage ?? ''} ${record.message}`)
  return match ? Number(match[1]) : null
}

export function entraTokenError(error: unknown, context: EntraErrorContext): StudioError {
  if (error instanceof StudioError) return error
  const code = aadstsOf(error)
  const errorCode = error instanceof Error ? ((error as Error & { errorCode?: string }).errorCode ?? '') : ''
  const details = (reason: string): Record<string, unknown> => ({ reason, ...(code ? { aadsts: code } : {}), ...(errorCode ? { errorCode } : {}) })
  const where = 'in the Azure portal, Microsoft Entra ID › App registrations › your app'
  switch (code) {
    case 7000215:
      return new StudioError('SIGN_IN_FAILED', `Entra refused the client secret (AADSTS7000215). Paste the secret's Value, not its Secret ID: ${where} › Certificates & secrets.`, details('bad_secret'))
    case 7000222:
      return new StudioError(
        'SIGN_IN_FAILED',
        `The client secret ${context.secretExpiresAt ? `expired on ${expiryDay(context.secretExpiresAt)}` : 'has expired'} (AADSTS7000222): create a new secret ${where} › Certificates & secrets › New client secret, and paste its value here.`,
        details('expired_secret')
      )
    case 700016:
      return new StudioError('SIGN_IN_FAILED', `Entra has no application ${context.clientId} in tenant ${context.tenantId} (AADSTS700016). Check the Application (client) ID on the app's Overview page, and that the tenant is the one the app is registered in.`, details('app_not_found'))
    case 90002:
      return new StudioError('SIGN_IN_FAILED', `Entra has no tenant "${context.tenantId}" (AADSTS90002). Check the Directory (tenant) ID on the app's Overview page (a GUID, or a verified domain such as contoso.onmicrosoft.com).`, details('tenant_not_found'))
    case 65001:
      return new StudioError('SIGN_IN_FAILED', `No administrator has consented to the app's permissions (AADSTS65001): ${where} › API permissions › Grant admin consent.`, details('consent_missing'))
    case 70011:
      return new StudioError('SIGN_IN_FAILED', `Entra refused the permission scope (AADSTS70011). This is a bug in Identity Studio's request; please report it.`, details('bad_scope'))
    case 700082:
    case 70008:
    case 50173:
      return new StudioError('SIGN_IN_REQUIRED', `The authorization has expired (AADSTS${code}): Authorize again on the Details tab.`, details('authorization_expired'))
    default:
      break
  }
  if (errorCode === 'network_error' || (error instanceof TypeError && /fetch failed/i.test(error.message))) {
    return networkError(error, context.authorityHost, 'Microsoft Entra', 30_000)
  }
  if (errorCode === 'invalid_grant' || errorCode === 'interaction_required' || errorCode === 'no_tokens_found') {
    return new StudioError('SIGN_IN_REQUIRED', 'The authorization has expired: Authorize again on the Details tab.', details('authorization_expired'))
  }
  const said = error instanceof Error ? ((error as Error & { errorMessage?: string }).errorMessage ?? error.message).split(/\r?\n/)[0] : String(error)
  return new StudioError('SIGN_IN_FAILED', `Entra refused the sign-in: ${said}`, details('other'))
}

/** What Graph answered, for one read: its status and `{error: {code, message}}` body. */
export function graphError(status: number, body: unknown, what: string, retryAfter: string | null): StudioError {
  const error = ((body ?? {}) as { error?: { code?: unknown; message?: unknown } }).error ?? {}
  const code = typeof error.code === 'string' ? error.code : ''
  const message = typeof error.message === 'string' ? error.message : ''
  const details = { status, graphCode: code, what }
  if (status === 401) return new StudioError('SIGN_IN_REQUIRED', `Microsoft Graph refused the access token while reading ${what} (${code || 'HTTP 401'}: ${message}). Test the connection again; if it keeps happening, Authorize again.`, details)
  if (status === 403) return new StudioError('FORBIDDEN', `The app is not allowed to read ${what} (${code}: ${message}). Add the permission below as an Application permission under API permissions, then Grant admin consent.`, details)
  if (status === 429 || status === 503) return new StudioError('RATE_LIMITED', `Microsoft Graph kept asking to slow down while reading ${what}${retryAfter ? ` (Retry-After ${retryAfter} s)` : ''}. Try again in a few minutes.`, details)
  if (status === 404) return new StudioError('NOT_FOUND', `Microsoft Graph has no ${what} (${code}: ${message}).`, details)
  return new StudioError('REMOTE_ERROR', `Microsoft Graph refused to read ${what} (HTTP ${status}${code ? `, ${code}` : ''}${message ? `: ${message}` : ''}).`, details)
}
