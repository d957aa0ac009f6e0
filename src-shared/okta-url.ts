/**
 * Okta org addresses: what an admin may type on the Details tab and the exact words when it is wrong
 * (reference okta.md §6.2, §7; seed 000). The org URL is https://{org}.okta.com (or oktapreview,
 * okta-emea, a custom domain); never the -admin console host, never with a path or query. A custom
 * domain works for the API but single sign-on needs the primary Okta domain (the seed's 404 case).
 */
import { isLoopbackHost } from './halo-url'

const oktaSuffixes = ['.okta.com', '.oktapreview.com', '.okta-emea.com', '.okta-gov.com', '.okta.mil']

export interface OktaAddressCheck {
  /** Normalised org URL (no trailing slash) when there is no error. */
  orgUrl: string | null
  error: string | null
  /** Worth knowing but not blocking. */
  warnings: string[]
}

export function checkOktaAddress(input: string): OktaAddressCheck {
  const text = input.trim()
  const fail = (error: string): OktaAddressCheck => ({ orgUrl: null, error, warnings: [] })
  if (text === '') return fail('Enter your Okta org URL, for example https://acme.okta.com.')
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return fail(`"${text}" is not a web address. Enter your Okta org URL, for example https://acme.okta.com.`)
  }
  // Chromium's URL parser (the renderer's) escapes a space in a host name where Node's refuses it.
  if (url.hostname.includes('%')) return fail(`"${text}" is not a web address. Enter your Okta org URL, for example https://acme.okta.com.`)
  const host = url.hostname.toLowerCase()
  const loopback = isLoopbackHost(host)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return fail(`Okta is only reached over https. Use https://${url.host}.`)
  }
  const adminMatch = /^(.+)-admin(\.(?:okta|oktapreview|okta-emea|okta-gov)\.com|\.okta\.mil)$/.exec(host)
  if (adminMatch) {
    return fail(`${url.host} is the Admin Console address. Use your org URL without "-admin": https://${adminMatch[1] ?? ''}${adminMatch[2] ?? ''}.`)
  }
  if (url.username || url.password) return fail('Leave the user name and password out of the address.')
  if (url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
    return fail(`Enter only the org URL, with nothing after the host name: ${url.protocol}//${url.host}.`)
  }
  const warnings: string[] = []
  if (!loopback && !oktaSuffixes.some((suffix) => host.endsWith(suffix))) {
    warnings.push(
      `${url.host} is not an Okta domain. A custom domain works for reading the directory, but single sign-on needs your primary Okta domain (like https://acme.okta.com); Okta answers 404 otherwise.`
    )
  }
  return { orgUrl: `${url.protocol}//${url.host}`, error: null, warnings }
}
