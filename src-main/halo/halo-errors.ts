/**
 * Turns what can go wrong between us and a Halo instance into envelopes an admin can act on:
 * network failures (DNS, TLS, refused, timeout), a web page where JSON was expected, and Halo's
 * error bodies, which come in several shapes (reference: halo-api.md §6) — Halo's own words are kept;
 * and which of them the instance's own page fixes (its settings, or signing in again there).
 */
import { StudioError } from '../../src-shared/contract'

const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO'
])

/** Describes a failed fetch (it never got an HTTP answer). */
export function networkError(error: unknown, url: string, service: string, timeoutMs: number): StudioError {
  const host = safeHost(url)
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    if (error.name === 'AbortError') return new StudioError('CANCELLED', `The call to ${service} was cancelled.`)
    return new StudioError(
      'UNREACHABLE',
      `${service} at ${host} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`}. Check the address and that the server is up, then try again.`,
      { reason: 'timeout', host }
    )
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause
  const code = cause?.code ?? ''
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StudioError(
      'UNREACHABLE',
      `Could not find ${host}: the name does not resolve (DNS). Check the address for typos, and that this computer is on the network (or VPN) that can see it.`,
      { reason: 'dns', host }
    )
  }
  if (tlsCodes.has(code) || /certificate|ssl|tls/i.test(cause?.message ?? '')) {
    return new StudioError(
      'UNREACHABLE',
      `The secure connection to ${host} failed: ${cause?.message ?? code}. If your Halo uses a certificate from your company's own authority, install that authority on this computer; check the certificate has not expired and matches the address.`,
      { reason: 'tls', host, code }
    )
  }
  if (code === 'ECONNREFUSED') {
    return new StudioError('UNREACHABLE', `${host} refused the connection. Check the address and port, and that ${service} is running.`, {
      reason: 'refused',
      host
    })
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') {
    return new StudioError('UNREACHABLE', `The connection to ${host} was cut before ${service} answered. Try again.`, {
      reason: 'reset',
      host
    })
  }
  return new StudioError('UNREACHABLE', `Could not reach ${service} at ${host}: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}.`, {
    reason: 'network',
    host
  })
}

/** A 2xx answer that is not JSON: usually the address points at a web page, not the Halo API. */
export function notJsonError(url: string, service: string, contentType: string, body: string): StudioError {
  const looksHtml = /html/i.test(contentType) || /^\s*</.test(body)
  return new StudioError(
    'REMOTE_ERROR',
    looksHtml
      ? `${safeHost(url)} answered with a web page instead of the ${service} API (${new URL(url).pathname}). Check the address is your Halo web address (the one you open Halo with), not a portal, proxy or sign-in page.`
      : `${service} answered something that is not JSON (${contentType || 'no content type'}).`,
    { reason: looksHtml ? 'html' : 'not_json', url }
  )
}

/** Halo's own words from an error body, whatever its shape. */
export function haloMessage(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() === '' ? null : body.trim().slice(0, 500)
  if (body === null || typeof body !== 'object') return null
  const record = body as Record<string, unknown>
  for (const key of ['errorMessage', 'error_description', 'Message', 'message', 'error']) {
    const value = record[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  // ASP.NET model state: {"[0].name": "...", "site_id": ["..."]}
  const parts: string[] = []
  for (const [field, value] of Object.entries(record)) {
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : typeof value === 'string' ? value : ''
    if (text) parts.push(`${field}: ${text}`)
  }
  return parts.length > 0 ? parts.join('; ') : null
}

/** An HTTP error answer from Halo, with its own message kept. */
export function httpError(status: number, body: unknown, service: string, url: string): StudioError {
  const said = haloMessage(body)
  const path = new URL(url).pathname
  const details = { status, path, ...(said ? { haloMessage: said } : {}) }
  if (status === 403) {
    return new StudioError(
      'REMOTE_ERROR',
      `${service} refused access to ${path}${said ? `: ${said}` : ''}. Give the API application (and the agent it logs in as) permission for this area in Halo.`,
      { ...details, reason: 'forbidden' }
    )
  }
  if (status === 404) return new StudioError('NOT_FOUND', `${service} has no ${path}${said ? `: ${said}` : ''}.`, details)
  return new StudioError('REMOTE_ERROR', said ? `${service} said: ${said}` : `${service} answered HTTP ${status} for ${path}.`, details)
}

/**
 * Whether the instance's page is where this is fixed: a refused or expired sign-in (client ID,
 * secret, tenant, scope, sign-in method), an address that does not lead to the Halo API (DNS, TLS,
 * refused, no answer, a web page or a redirect), a permission the scope lacks, the request rate.
 */
export function fixedOnInstancePage(error: StudioError): boolean {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason
  switch (error.code) {
    case 'SIGN_IN_REQUIRED':
    case 'RATE_LIMITED':
      return true
    case 'UNREACHABLE':
      return reason === 'dns' || reason === 'tls' || reason === 'refused' || reason === 'timeout'
    case 'REMOTE_ERROR':
      return reason === 'forbidden' || reason === 'html' || reason === 'redirect'
    default:
      return false
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
