/** Redirect rules the sandboxes' authorize endpoints share: loopback redirects for native apps, and answers on them. */

/** RFC 8252: a native app redirects to http on 127.0.0.1, [::1] or localhost, any port and path. */
export function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri)
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname) && url.username === '' && url.hash === ''
  } catch {
    return false
  }
}

/** The redirect URI with answer parameters added (null ones left out). */
export function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri)
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value)
  return url.href
}
