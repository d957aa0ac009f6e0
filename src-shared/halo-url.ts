/**
 * Halo instance addresses: what an admin may type, what it means, and the exact words when it is wrong.
 * Hosted instances (`https://acme.halopsa.com`) need a tenant; on-premise ones (`https://halo.corp.local`)
 * do not, and their auth server may live elsewhere (discovered through /api/authinfo or entered).
 */
import { StudioError } from './contract'

export type HaloDeployment = 'hosted' | 'on-premise'

const hostedSuffixes = ['.halopsa.com', '.haloitsm.com', '.haloservicedesk.com', '.halocrm.io', '.haloitsm.co.uk', '.halopsa.co.uk']

export interface HaloAddress {
  /** Web address without a trailing slash or /api, e.g. https://acme.halopsa.com */
  baseUrl: string
  /** The resource server, baseUrl + /api */
  apiUrl: string
  /** Whether the host is one of Halo's hosted domains. */
  looksHosted: boolean
  /** For hosted instances, the first label of the host (the usual tenant name). */
  suggestedTenant: string | null
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Parses what the admin typed; `field` names the form field in error messages. */
export function parseHaloAddress(input: string, field = 'Halo URL'): HaloAddress {
  const text = input.trim()
  if (text === '') throw invalid(field, `Enter your Halo web address, for example https://acme.halopsa.com or https://halo.corp.local.`)
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    throw notAWebAddress(field, text)
  }
  // Chromium's URL parser (the renderer's) escapes a space in a host name ("not%20a%20url") where Node's refuses it.
  if (url.hostname.includes('%')) throw notAWebAddress(field, text)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(field, `"${text}" is not a web address (it starts with ${url.protocol}). Use https://…`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(
      field,
      `${url.host} must be reached over https: Halo sends credentials and tokens on every call. Use https://${url.host}${url.pathname === '/' ? '' : url.pathname}.`
    )
  }
  if (url.username || url.password) throw invalid(field, 'Leave the user name and password out of the address.')
  if (url.search || url.hash) throw invalid(field, 'Leave out anything after ? or # in the address.')
  // Admins often paste the API or auth address from Halo's API details page; keep the web root.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(api|auth)$/i, '')
  const baseUrl = `${url.protocol}//${url.host}${path}`
  const host = url.hostname.toLowerCase()
  const looksHosted = hostedSuffixes.some((suffix) => host.endsWith(suffix))
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api`,
    looksHosted,
    suggestedTenant: looksHosted ? (host.split('.')[0] ?? null) : null
  }
}

/** The auth server when none is discovered or entered: <base>/auth. */
export function defaultAuthServer(baseUrl: string): string {
  return `${baseUrl}/auth`
}

function notAWebAddress(field: string, text: string): StudioError {
  return invalid(field, `"${text}" is not a web address. Use the address you open Halo with, for example https://halo.corp.local.`)
}

function invalid(field: string, message: string): StudioError {
  return new StudioError('VALIDATION_FAILED', message, { issues: [{ path: field, message }] })
}
