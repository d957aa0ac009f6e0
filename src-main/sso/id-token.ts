/**
 * An ID token from a test sign-in, verified as Halo will rely on it: the signature against the
 * issuer's published keys (JWKS, with jose), the issuer, the audience (the client ID), expiry and
 * not-before with a small clock allowance, and the nonce the sign-in sent. Entra multi-tenant apps
 * accept a token from any of the allowed tenants, each with its own issuer. What Halo matches on
 * (email, user name / UPN, object id) is read out. Each failure says what is wrong and what to do.
 */
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose'
import { StudioError } from '../../src-shared/contract'

export interface IdTokenExpectations {
  issuer: string
  clientId: string
  nonce: string
  jwksUri: string
  /** Entra multi-tenant: the issuer with `{tenantid}` and the tenants allowed to sign in. */
  tenants?: { issuerTemplate: string; allowed: readonly string[] }
  /** Seconds of clock difference forgiven (default 120). */
  clockToleranceSeconds?: number
  now?: () => Date
}

export interface SignedInClaims {
  subject: string
  name: string | null
  email: string | null
  /** preferred_username (Okta's login, Entra's UPN). */
  userName: string | null
  /** Entra's object id and tenant. */
  objectId: string | null
  tenantId: string | null
  issuedAt: string | null
  expiresAt: string | null
}

/** A test sign-in's token was issued moments ago; `iat` is required, and one in the future means the clocks differ (Okta's tokens have no nbf). */
const maxTokenAgeSeconds = 24 * 3600

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

function keySet(uri: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(uri)
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { timeoutDuration: 10_000 })
    keySets.set(uri, set)
  }
  return set
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const when = (seconds: unknown): string | null => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null)

export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<SignedInClaims> {
  const now = expected.now?.() ?? new Date()
  const tolerance = expected.clockToleranceSeconds ?? 120
  let unverified: JWTPayload
  try {
    unverified = decodeJwt(idToken)
  } catch {
    throw new StudioError('REMOTE_ERROR', 'The identity provider sent an ID token that is not a JWT: the sign-in cannot be checked.')
  }
  let issuer = expected.issuer
  if (expected.tenants) {
    const tenant = text(unverified.tid)
    if (!tenant || !expected.tenants.allowed.some((allowed) => allowed.toLowerCase() === tenant.toLowerCase())) {
      throw new StudioError('FORBIDDEN', `The person signed in from tenant ${tenant ?? '(none)'}, which is not in the list of tenants allowed to use this app. Add its tenant ID to the list, or sign in with an account of an allowed tenant.`, { tenant })
    }
    issuer = expected.tenants.issuerTemplate.replace('{tenantid}', tenant)
  }
  let payload: JWTPayload
  try {
    ;({ payload } = await jwtVerify(idToken, keySet(expected.jwksUri), { issuer, audience: expected.clientId, clockTolerance: tolerance, currentDate: now, algorithms: ['RS256'], maxTokenAge: maxTokenAgeSeconds }))
  } catch (error) {
    throw explain(error, unverified, expected, issuer, now)
  }
  if (payload.nonce !== expected.nonce) {
    throw new StudioError('VALIDATION_FAILED', 'The ID token does not belong to this test sign-in (its nonce differs from the one sent): another sign-in answered. Run the test again.')
  }
  return {
    subject: payload.sub ?? '',
    name: text(payload.name),
    email: text(payload.email),
    userName: text(payload.preferred_username) ?? text(payload.upn),
    objectId: text(payload.oid),
    tenantId: text(payload.tid),
    issuedAt: when(payload.iat),
    expiresAt: when(payload.exp)
  }
}

/** jose's refusal in the admin's words. */
function explain(error: unknown, claims: JWTPayload, expected: IdTokenExpectations, issuer: string, now: Date): StudioError {
  const skew = typeof claims.iat === 'number' ? Math.round((claims.iat * 1000 - now.getTime()) / 60_000) : null
  const clock = skew !== null && Math.abs(skew) >= 2 ? ` This computer's clock is about ${Math.abs(skew)} minutes ${skew > 0 ? 'behind' : 'ahead of'} the identity provider's: set the clock right (turn on automatic time), then test again.` : ''
  if (error instanceof errors.JWTExpired) return new StudioError('VALIDATION_FAILED', `The ID token had already expired (at ${when(claims.exp) ?? 'an unknown time'}) when it was checked.${clock || ' Run the test again.'}`)
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new StudioError('VALIDATION_FAILED', `The ID token was issued to another application (${Array.isArray(claims.aud) ? claims.aud.join(', ') : (claims.aud ?? 'none')}), not to client ID ${expected.clientId}. Check the client ID: it is the one on the app's General tab (Okta) or Overview page (Azure).`)
    if (error.claim === 'iss') return new StudioError('VALIDATION_FAILED', `The ID token was issued by "${claims.iss ?? ''}", not by the configured issuer "${issuer}". Use the issuer the token names (org vs custom authorization server).`)
    if (error.claim === 'nbf' || error.claim === 'iat') return new StudioError('VALIDATION_FAILED', `The ID token is not valid yet.${clock || " This computer's clock is behind the identity provider's: set it right, then test again."}`)
    return new StudioError('VALIDATION_FAILED', `The ID token was refused: ${error.message}.`)
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new StudioError('VALIDATION_FAILED', `The ID token's signature does not match the keys ${issuer} publishes (${expected.jwksUri}): it was not issued by this identity provider, or was changed on the way. Check the issuer, then test again.`)
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new StudioError('VALIDATION_FAILED', 'The ID token is not signed with RS256, as Halo expects.')
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return new StudioError('UNREACHABLE', `The identity provider's keys could not be read from ${expected.jwksUri}: the ID token cannot be checked. Try again.`)
  return new StudioError('REMOTE_ERROR', `The ID token could not be checked: ${error instanceof Error ? error.message : String(error)}.`)
}
