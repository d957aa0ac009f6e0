/**
 * Okta-shaped identifiers for the Okta sandbox: resource ids (`00u…` users, `00g…` groups, `0oa…`
 * apps: a three-character prefix and 17 base62 characters, as real ones), derived from the seed so
 * the same person gets the same id in every sandbox, and the random per-response ids (errorId,
 * X-Okta-Request-Id).
 */
import { createHash, randomBytes } from 'node:crypto'

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A deterministic id: prefix + 17 base62 characters from a hash of the parts. */
export function oktaId(prefix: '00u' | '00g' | '0oa' | '00o' | 'oty' | 'osc' | 'guo' | 'aus', ...parts: Array<string | number>): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest()
  let text = prefix
  for (let index = 0; index < 17; index += 1) text += base62.charAt((digest[index] ?? 0) % 62)
  return text
}

function randomBase62(length: number): string {
  const bytes = randomBytes(length)
  let text = ''
  for (const byte of bytes) text += base62.charAt(byte % 62)
  return text
}

/** errorId as Okta shapes it: `oae` and 22 characters. */
export function newErrorId(): string {
  return `oae${randomBase62(22)}`
}

/** X-Okta-Request-Id: an opaque per-request id. */
export function newRequestId(): string {
  return randomBase62(27)
}

/** An opaque, unguessable token (codes, refresh tokens). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url')
}
