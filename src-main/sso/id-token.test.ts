/**
 * ID token verification against keys served over a real socket: a good token gives the claims Halo
 * matches on; a bad signature, another audience, another issuer, an expired token, a token from the
 * future (clock skew), a nonce from another sign-in and a tenant not allowed are each refused with
 * what to do.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyIdToken, type IdTokenExpectations } from './id-token'

let server: Server
let jwksUri: string
let key: CryptoKey
let stranger: CryptoKey
const issuer = 'https://acme.okta.com'
const clientId = '0oa1b2c3d4e5f6g7h8i9'
const now = new Date('2026-12-01T12:00:00Z')

beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  key = pair.privateKey
  stranger = (await generateKeyPair('RS256')).privateKey
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
  server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ keys: [jwk] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function token(claims: Record<string, unknown>, options: { signer?: CryptoKey; iat?: number; exp?: number } = {}): Promise<string> {
  const iat = options.iat ?? Math.floor(now.getTime() / 1000) - 10
  return new SignJWT({ nonce: 'n-1', email: 'ann@acme.test', preferred_username: 'ann@acme.test', name: 'Ann Lee', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
    .setAudience(typeof claims.aud === 'string' ? claims.aud : clientId)
    .setSubject('00u1')
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 3600)
    .sign(options.signer ?? key)
}

const expected = (): IdTokenExpectations => ({ issuer, clientId, nonce: 'n-1', jwksUri, now: () => now })

describe('verifyIdToken', () => {
  it('gives who signed in and the claims Halo matches on', async () => {
    expect(await verifyIdToken(await token({}), expected())).toEqual({ subject: '00u1', name: 'Ann Lee', email: 'ann@acme.test', userName: 'ann@acme.test', objectId: null, tenantId: null, issuedAt: '2026-12-01T11:59:50.000Z', expiresAt: '2026-12-01T12:59:50.000Z' })
  })

  it('refuses a token signed with another key', async () => {
    await expect(verifyIdToken(await token({}, { signer: stranger }), expected())).rejects.toThrow(/signature does not match the keys https:\/\/acme\.okta\.com publishes/)
  })

  it('refuses a token for another application, or from another issuer', async () => {
    await expect(verifyIdToken(await token({ aud: '0oaSOMEONEELSE' }), expected())).rejects.toThrow('was issued to another application (0oaSOMEONEELSE), not to client ID 0oa1b2c3d4e5f6g7h8i9. Check the client ID')
    await expect(verifyIdToken(await token({ iss: 'https://acme.okta.com/oauth2/default' }), expected())).rejects.toThrow('was issued by "https://acme.okta.com/oauth2/default", not by the configured issuer "https://acme.okta.com"')
  })

  it('refuses an expired token, and a token from the future, saying how far the clock is off', async () => {
    const hourAgo = Math.floor(now.getTime() / 1000) - 2 * 3600
    await expect(verifyIdToken(await token({}, { iat: hourAgo, exp: hourAgo + 3600 }), expected())).rejects.toThrow(/had already expired .* This computer's clock is about 120 minutes ahead of the identity provider's/)
    const later = Math.floor(now.getTime() / 1000) + 15 * 60
    await expect(verifyIdToken(await token({ nbf: later }, { iat: later }), expected())).rejects.toThrow(/not valid yet\. This computer's clock is about 15 minutes behind/)
  })

  it('refuses a token answering another sign-in (nonce)', async () => {
    await expect(verifyIdToken(await token({ nonce: 'n-2' }), expected())).rejects.toThrow('does not belong to this test sign-in')
  })

  it('accepts an allowed tenant of a multi-tenant app with that tenant as the issuer, and refuses the others', async () => {
    const tenants = { issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0', allowed: ['11111111-1111-1111-1111-111111111111'] }
    const fromTenant = (tid: string): Promise<string> => token({ tid, oid: 'oid-1', iss: `https://login.microsoftonline.com/${tid}/v2.0` })
    const claims = await verifyIdToken(await fromTenant('11111111-1111-1111-1111-111111111111'), { ...expected(), tenants })
    expect(claims).toMatchObject({ objectId: 'oid-1', tenantId: '11111111-1111-1111-1111-111111111111' })
    await expect(verifyIdToken(await fromTenant('22222222-2222-2222-2222-222222222222'), { ...expected(), tenants })).rejects.toThrow('tenant 22222222-2222-2222-2222-222222222222, which is not in the list of tenants allowed')
  })
})
