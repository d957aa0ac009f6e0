/**
 * ID-token faults both sandboxes can be told to make, so every check of a test sign-in can be
 * exercised against a real identity provider's answer: a token changed after signing (its signature
 * no longer matches the published keys), one issued to another application, one already expired, one
 * answering another sign-in (its nonce), and
 * a provider whose clock is off by some minutes (its `iat`/`nbf`/`exp` move with it). The settings
 * are live: a test sets them, signs in, and sets them back.
 */

export type IdTokenFault = 'none' | 'bad-signature' | 'wrong-audience' | 'expired' | 'other-nonce'

export interface IdTokenFaultSettings {
  /** What is wrong with the ID tokens issued from now on. */
  idTokenFault: IdTokenFault
  /** Minutes the provider's clock is ahead of (positive) or behind (negative) the real time, for ID tokens. */
  idTokenClockSkewMinutes: number
}

export const noIdTokenFaults = (): IdTokenFaultSettings => ({ idTokenFault: 'none', idTokenClockSkewMinutes: 0 })

/** The audience a wrong-audience token names: another app's client ID of the same shape. */
const otherAudience = (clientId: string): string => (/^[0-9a-f-]{36}$/i.test(clientId) ? '00000000-0000-4000-8000-0000000000aa' : `0oa${'x'.repeat(Math.max(1, clientId.length - 3))}`)

/** The time claims (`iat`, optional `nbf`, `exp`, `auth_time`) as the faulty provider would write them, and the audience. */
export function faultyClaims(claims: Record<string, unknown>, settings: IdTokenFaultSettings): Record<string, unknown> {
  const shift = settings.idTokenClockSkewMinutes * 60 + (settings.idTokenFault === 'expired' ? -2 * 3600 : 0)
  const moved = { ...claims }
  for (const claim of ['iat', 'nbf', 'exp', 'auth_time']) {
    if (typeof moved[claim] === 'number') moved[claim] = moved[claim] + shift
  }
  if (settings.idTokenFault === 'wrong-audience' && typeof moved.aud === 'string') moved.aud = otherAudience(moved.aud)
  if (settings.idTokenFault === 'other-nonce') moved.nonce = 'a-nonce-from-another-sign-in'
  return moved
}

/** A signed compact JWT as the faulty provider sends it: for bad-signature, its claims changed after signing (the name). */
export function faultyToken(token: string, settings: IdTokenFaultSettings): string {
  if (settings.idTokenFault !== 'bad-signature') return token
  const [header = '', body = '', signature = ''] = token.split('.')
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
  const changed = { ...claims, name: `${typeof claims.name === 'string' ? claims.name : 'Someone'} (changed)` }
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`
}
