/**
 * The Okta sandbox's OAuth over real sockets: service apps signing in with a private_key_jwt client
 * assertion (valid, tampered, wrong audience, expired, replayed, unknown key), the scopes their
 * tokens carry, and what /api/v1 answers a token without the scope it needs (okta.md §1.2).
 */
import { createPrivateKey, randomUUID, sign } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOktaSandbox, type OktaSandbox, type OktaServiceAppCredentials } from '.'

let okta: OktaSandbox
beforeAll(async () => {
  okta = await startOktaSandbox({ people: 80 })
})
afterAll(async () => {
  await okta.close()
})

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

function assertion(app: OktaServiceAppCredentials, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000)
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: app.keyId, ...header })}.${b64({ aud: `${okta.orgUrl}/oauth2/v1/token`, iss: app.clientId, sub: app.clientId, iat: now, exp: now + 300, jti: randomUUID(), ...claims })}`
  return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(app.privateKeyPem)).toString('base64url')}`
}

async function token(form: Record<string, string>, path = '/oauth2/v1/token'): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${okta.orgUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

function clientCredentials(app: OktaServiceAppCredentials, scope: string, signed = assertion(app)): Record<string, string> {
  return { grant_type: 'client_credentials', scope, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: signed }
}

describe('service app sign-in (client credentials with private_key_jwt)', () => {
  it('issues a bearer token for a valid assertion with the requested scopes the app was granted', async () => {
    const app = okta.credentials.serviceApp
    const answer = await token(clientCredentials(app, 'okta.users.read okta.groups.read okta.apps.read'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'okta.users.read okta.groups.read okta.apps.read' })
    const bearer = `Bearer ${String(answer.body.access_token)}`
    for (const path of ['/api/v1/users?limit=1', '/api/v1/groups?limit=1', '/api/v1/apps?limit=1']) {
      expect((await fetch(`${okta.orgUrl}${path}`, { headers: { Authorization: bearer } })).status).toBe(200)
    }
    const me = await fetch(`${okta.orgUrl}/api/v1/users/me`, { headers: { Authorization: bearer } })
    expect(me.status).toBe(404)
    const limited = await token(clientCredentials(okta.credentials.limitedServiceApp, 'okta.users.read okta.groups.read'))
    expect(limited.body.scope).toBe('okta.users.read')
  })

  it('refuses a tampered, mis-addressed, expired, replayed or foreign-key assertion with invalid_client', async () => {
    const app = okta.credentials.serviceApp
    const good = assertion(app)
    const [header, , signature] = good.split('.')
    const tampered = `${header ?? ''}.${b64({ aud: `${okta.orgUrl}/oauth2/v1/token`, iss: app.clientId, sub: app.clientId, exp: Math.floor(Date.now() / 1000) + 300, jti: 'x', scope: 'more' })}.${signature ?? ''}`
    const other = okta.credentials.limitedServiceApp
    const cases: Array<[string, string, RegExp]> = [
      ['tampered', tampered, /signature is invalid/],
      ['audience', assertion(app, { aud: `${okta.orgUrl}/oauth2/default/v1/token` }), /audience/],
      ['expired', assertion(app, { iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
      ['far future', assertion(app, { exp: Math.floor(Date.now() / 1000) + 7200 }), /too far in the future/],
      ['no jti', assertion(app, { jti: undefined }), /jti/],
      ['other app key', assertion({ ...app, privateKeyPem: other.privateKeyPem }, {}, { kid: undefined }), /signature is invalid/],
      ['unknown kid', assertion(app, {}, { kid: 'not-a-key' }), /not registered/],
      ['sub', assertion(app, { sub: other.clientId }), /'sub'/],
      ['unknown client', assertion({ ...app, clientId: '0oa00000000000000000' }), /client_id/]
    ]
    for (const [name, signed, message] of cases) {
      const answer = await token(clientCredentials(app, 'okta.users.read', signed))
      expect(answer.status, name).toBe(401)
      expect(answer.body.error, name).toBe('invalid_client')
      expect(String(answer.body.error_description), name).toMatch(message)
    }
    const once = assertion(app)
    expect((await token(clientCredentials(app, 'okta.users.read', once))).status).toBe(200)
    expect((await token(clientCredentials(app, 'okta.users.read', once))).body.error_description).toMatch(/already been used/)
  })

  it('answers OAuth errors for a missing scope, an ungranted one, a client secret and an unknown grant type', async () => {
    const app = okta.credentials.serviceApp
    expect((await token(clientCredentials(app, ''))).body.error).toBe('invalid_scope')
    expect((await token(clientCredentials(okta.credentials.limitedServiceApp, 'okta.groups.read'))).body.error).toBe('invalid_scope')
    expect((await token(clientCredentials(app, 'openid okta.users.read'))).body.error).toBe('invalid_scope')
    expect(await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: 'secret', scope: 'okta.users.read' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    expect((await token({ grant_type: 'password', username: 'x', password: 'y' })).body.error).toBe('unsupported_grant_type')
    const json = await fetch(`${okta.orgUrl}/oauth2/v1/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(json.status).toBe(400)
    expect((await token(clientCredentials(app, 'okta.users.read', assertion(app, { aud: `${okta.orgUrl}/oauth2/default/v1/token` })), '/oauth2/default/v1/token')).body.error).toBe('invalid_scope')
  })
})

describe('scopes on the Management API', () => {
  it('answers 403 with an empty body and an insufficient_scope challenge when the token lacks the scope', async () => {
    const limited = await token(clientCredentials(okta.credentials.limitedServiceApp, 'okta.users.read okta.groups.read okta.apps.read'))
    const bearer = `Bearer ${String(limited.body.access_token)}`
    expect((await fetch(`${okta.orgUrl}/api/v1/users?limit=1`, { headers: { Authorization: bearer } })).status).toBe(200)
    const groups = await fetch(`${okta.orgUrl}/api/v1/groups`, { headers: { Authorization: bearer } })
    expect(groups.status).toBe(403)
    expect(await groups.text()).toBe('')
    expect(groups.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri="${okta.orgUrl}/oauth2/v1/authorize", realm="${okta.orgUrl}", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups"`
    )
    const apps = await fetch(`${okta.orgUrl}/api/v1/apps`, { headers: { Authorization: bearer } })
    expect(apps.headers.get('www-authenticate')).toContain('scope="okta.apps.read"')
  })

  it('answers 401 E0000011 once an access token has expired', async () => {
    const answer = await token(clientCredentials(okta.credentials.serviceApp, 'okta.users.read'))
    okta.expireAccessTokens()
    const expired = await fetch(`${okta.orgUrl}/api/v1/users?limit=1`, { headers: { Authorization: `Bearer ${String(answer.body.access_token)}` } })
    expect(expired.status).toBe(401)
    expect(await expired.json()).toMatchObject({ errorCode: 'E0000011' })
  })
})
