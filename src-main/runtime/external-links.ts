/**
 * Which links the app may open in the system browser: https only, on the vendor and documentation
 * hosts the app points admins to, or a URL a handler approved explicitly (for example an OAuth
 * authorize URL it built). Everything else is refused with EXTERNAL_URL_REJECTED.
 */
import { StudioError } from '../../src-shared/contract'

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

  /** Lets a handler open one exact https URL it built itself. */
  approve(url: string): void {
    this.approved.add(parseHttps(url).href)
  }

  check(url: string): URL {
    const parsed = parseHttps(url)
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

function parseHttps(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new StudioError('EXTERNAL_URL_REJECTED', `"${url.slice(0, 200)}" is not a web address.`)
  }
  if (parsed.protocol !== 'https:') {
    throw new StudioError('EXTERNAL_URL_REJECTED', 'Only https links can be opened from Identity Studio.', {
      url: parsed.href
    })
  }
  if (parsed.username || parsed.password) {
    throw new StudioError('EXTERNAL_URL_REJECTED', 'Links that carry a user name or password are not opened.')
  }
  return parsed
}
