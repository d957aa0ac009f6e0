/**
 * The renderer's Content-Security-Policy, one definition for both the desktop window (response header
 * on app files) and browser mode (HTTP header). Scripts only from the app itself; all network calls to
 * Okta, Entra and Halo happen in main, so connect-src stays 'self'. Inline styles are allowed because
 * the component library sets CSS variables through style attributes.
 */
export function contentSecurityPolicy({ frameAncestors }: { frameAncestors: boolean }): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ]
  if (frameAncestors) directives.push("frame-ancestors 'none'")
  return directives.join('; ')
}
