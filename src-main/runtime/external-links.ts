/**
 * Which links the app may open in the system browser: https only, on the vendor and documentation
 * hosts the app points admins to, or a URL a handler approved explicitly (for example an OAuth
 * authorize URL it built). Everything else is refused with EXTERNAL_URL_REJECTED.
 */
import { StudioError } from '../../src-shared/contract'
import { isLoopbackHost } from '../../src-shared/halo-url'

export type OpenUrl = (url: string) => Promise<void>

/** Hosts (and their subdomains) admins are sent to from hints and setup steps. */
const trustedHosts = [
  'haloitsm.com',
  'halopsa.com',
  'haloservicedesk.com',
  'usehalo.com',
  'okta.com',
  'oktapreview.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'learn.microsoft.com',
  'login.microsoftonline.com'
]

export class ExternalLinks {
  private readonly approved = new Set<string>()

  constructor(private readonly openUrl: OpenUrl) {}

  /**
   * Lets a handler open one exact URL it built itself: https, or http on this computer's loopback
   * (the local sandbox's sign-in pages).
   */
  approve(url: string): void {
    this.approved.add(parseWebUrl(url, { allowLoopbackHttp: true }).href)
  }

  check(url: string): URL {
    const loopback = parseWebUrl(url, { allowLoopbackHttp: true })
    if (loopback.protocol === 'http:' && this.approved.has(loopback.href)) return loopback
    const parsed = parseWebUrl(url, { allowLoopbackHttp: false })
    const host = parsed.hostname.toLowerCase()
    const trusted = trustedHosts.some((t) => host === t || host.endsWith(`.${t}`))
    if (!trusted && !this.approved.has(parsed.href)) {
      throw new StudioError('EXTERNAL_URL_REJECTED', `Identity Studio does not open links to ${host}.`, { url: parsed.href })
    }
    return parsed
  }

  async open(url: string): Promise<void> {
    const parsed = this.check(url)
    this.approved.delete(parsed.href)
    await this.openUrl(parsed.href)
  }
}

function parseWebUrl(url: string, { allowLoopbackHttp }: { allowLoopbackHttp: boolean }): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new StudioError('EXTERNAL_URL_REJECTED', `"${url.slice(0, 200)}" is not a web address.`)
  }
  if (parsed.protocol !== 'https:' && !(allowLoopbackHttp && parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) {
    throw new StudioError('EXTERNAL_URL_REJECTED', 'Only https links can be opened from Identity Studio.', {
      url: parsed.href
    })
  }
  if (parsed.username || parsed.password) {
    throw new StudioError('EXTERNAL_URL_REJECTED', 'Links that carry a user name or password are not opened.')
  }
  return parsed
}
