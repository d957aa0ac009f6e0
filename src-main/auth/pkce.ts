/** PKCE (RFC 7636, S256 only) and the random values an authorization-code flow needs. */
import { createHash, randomBytes } from 'node:crypto'

export interface PkcePair {
  verifier: string
  challenge: string
  method: 'S256'
}

/** A random URL-safe string of `bytes` bytes of entropy. */
export function randomUrlSafe(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

export function createPkcePair(): PkcePair {
  // 32 random bytes give a 43-character verifier, the minimum length RFC 7636 allows.
  const verifier = randomUrlSafe(32)
  return { verifier, challenge: s256(verifier), method: 'S256' }
}
