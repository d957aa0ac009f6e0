/**
 * The Okta sandbox's OAuth and OIDC over real sockets: service apps signing in with a
 * private_key_jwt client assertion (valid, tampered, wrong audience, expired, replayed, unknown
 * key), the scopes their tokens carry, what /api/v1 answers a token without the scope it needs
 * (okta.md §1.2); discovery for both servers, sign-in with code + PKCE, ID tokens checked against
 * the JWKS, refresh tokens and userinfo (§7).
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, randomUUID, sign, verify } from 'node:crypto'
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

describe('OIDC discovery and keys', () => {
  it('serves the org and default servers’ metadata with issuers equal to the requested base, unlimited', async () => {
    const org = await fetch(`${okta.orgUrl}/.well-known/openid-configuration?client_id=${okta.credentials.oidcApp.clientId}`)
    const orgConfig = (await org.json()) as Record<string, unknown>
    expect(orgConfig).toMatchObject({
      issuer: okta.orgUrl,
      authorization_endpoint: `${okta.orgUrl}/oauth2/v1/authorize`,
      token_endpoint: `${okta.orgUrl}/oauth2/v1/token`,
      jwks_uri: `${okta.orgUrl}/oauth2/v1/keys`,
      code_challenge_methods_supported: ['S256']
    })
    expect(org.headers.get('x-rate-limit-limit')).toBeNull()
    const custom = (await (await fetch(`${okta.orgUrl}/oauth2/default/.well-known/openid-configuration`)).json()) as Record<string, unknown>
    expect(custom).toMatchObject({ issuer: `${okta.orgUrl}/oauth2/default`, authorization_endpoint: `${okta.orgUrl}/oauth2/default/v1/authorize`, jwks_uri: `${okta.orgUrl}/oauth2/default/v1/keys` })
    expect(((await (await fetch(`${okta.orgUrl}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>).issuer).toBe(okta.orgUrl)
    expect(((await (await fetch(`${okta.orgUrl}/.well-known/oauth-authorization-server/oauth2/default`)).json()) as Record<string, unknown>).issuer).toBe(`${okta.orgUrl}/oauth2/default`)
    const orgKeys = (await (await fetch(`${okta.orgUrl}/oauth2/v1/keys`)).json()) as { keys: Array<Record<string, string>> }
    const customKeys = (await (await fetch(`${okta.orgUrl}/oauth2/default/v1/keys`)).json()) as { keys: Array<Record<string, string>> }
    expect(orgKeys.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
    expect(orgKeys.keys[0]?.kid).not.toBe(customKeys.keys[0]?.kid)
    const unknown = await fetch(`${okta.orgUrl}/oauth2/aus0000000/.well-known/openid-configuration`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: aus0000000 (AuthorizationServer)' })
  })
})

describe('OIDC sign-in (authorization code + PKCE)', () => {
  const verifier = (): string => randomBytes(32).toString('base64url')
  const challenge = (text: string): string => createHash('sha256').update(text).digest('base64url')

  function authorizeUrl(base: string, options: { redirectUri?: string; codeChallenge?: string; scope?: string; clientId?: string } = {}): string {
    const query = new URLSearchParams({
      client_id: options.clientId ?? okta.credentials.oidcApp.clientId,
      redirect_uri: options.redirectUri ?? 'http://127.0.0.1:51234/callback',
      response_type: 'code',
      scope: options.scope ?? 'openid profile email offline_access',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge_method: 'S256'
    })
    if (options.codeChallenge !== '') query.set('code_challenge', options.codeChallenge ?? challenge(verifier()))
    return `${base}/v1/authorize?${query.toString()}`
  }

  async function redirected(url: string, init: RequestInit = {}): Promise<URL> {
    const response = await fetch(url, { ...init, redirect: 'manual' })
    expect(response.status).toBe(302)
    return new URL(response.headers.get('location') ?? '')
  }

  async function exchange(base: string, code: string, codeVerifier: string, redirectUri = 'http://127.0.0.1:51234/callback'): Promise<{ status: number; body: Record<string, unknown> }> {
    return token({ grant_type: 'authorization_code', client_id: okta.credentials.oidcApp.clientId, code, code_verifier: codeVerifier, redirect_uri: redirectUri }, `${base.slice(okta.orgUrl.length)}/v1/token`)
  }

  function verifiedClaims(idToken: string, keys: Array<Record<string, string>>): Record<string, unknown> {
    const [header = '', payload = '', signature = ''] = idToken.split('.')
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string }
    const jwk = keys.find((key) => key.kid === kid)
    expect(jwk).toBeDefined()
    const publicKey = createPublicKey({ key: jwk as unknown as import('node:crypto').JsonWebKey, format: 'jwk' })
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true)
    return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
  }

  it('signs the autoSignIn person in, refuses a wrong verifier, and issues an ID token that verifies against the JWKS', async () => {
    okta.settings.autoSignIn = okta.credentials.signInUser.login
    try {
      for (const base of [`${okta.orgUrl}/oauth2`, `${okta.orgUrl}/oauth2/default`]) {
        const issuer = base === `${okta.orgUrl}/oauth2` ? okta.orgUrl : base
        const right = verifier()
        const first = await redirected(authorizeUrl(base, { codeChallenge: challenge(right) }))
        expect(first.origin).toBe('http://127.0.0.1:51234')
        expect(first.searchParams.get('state')).toBe('state-123')
        const wrong = await exchange(base, first.searchParams.get('code') ?? '', verifier())
        expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verification failed.' } })
        // A code is single use, even after a failed exchange.
        expect((await exchange(base, first.searchParams.get('code') ?? '', right)).body.error).toBe('invalid_grant')
        const second = await redirected(authorizeUrl(base, { codeChallenge: challenge(right) }))
        const tokens = await exchange(base, second.searchParams.get('code') ?? '', right)
        expect(tokens.status).toBe(200)
        expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email offline_access' })
        const jwks = (await (await fetch(base === `${okta.orgUrl}/oauth2` ? `${okta.orgUrl}/oauth2/v1/keys` : `${base}/v1/keys`)).json()) as { keys: Array<Record<string, string>> }
        const claims = verifiedClaims(String(tokens.body.id_token), jwks.keys)
        const user = okta.store.userByLogin(okta.credentials.signInUser.login)
        expect(claims).toMatchObject({ iss: issuer, aud: okta.credentials.oidcApp.clientId, sub: user?.id, email: (user?.profile as Record<string, unknown>).email, preferred_username: okta.credentials.signInUser.login, nonce: 'nonce-456' })
        expect(claims.name).toBe((user?.profile as Record<string, unknown>).displayName)
        expect(Number(claims.exp) - Number(claims.iat)).toBe(3600)
        const info = await fetch(`${base === `${okta.orgUrl}/oauth2` ? `${okta.orgUrl}/oauth2/v1` : `${base}/v1`}/userinfo`, { headers: { Authorization: `Bearer ${String(tokens.body.access_token)}` } })
        expect(await info.json()).toMatchObject({ sub: user?.id, preferred_username: okta.credentials.signInUser.login, email_verified: true })
        const refreshed = await token({ grant_type: 'refresh_token', client_id: okta.credentials.oidcApp.clientId, refresh_token: String(tokens.body.refresh_token), scope: 'openid' }, `${base.slice(okta.orgUrl.length)}/v1/token`)
        expect(refreshed.status).toBe(200)
        expect(refreshed.body.refresh_token).not.toBe(tokens.body.refresh_token)
        const reused = await token({ grant_type: 'refresh_token', client_id: okta.credentials.oidcApp.clientId, refresh_token: String(tokens.body.refresh_token) }, `${base.slice(okta.orgUrl.length)}/v1/token`)
        expect(reused.body.error).toBe('invalid_grant')
        // A user's sign-in token is not an API token: it has no Okta API scopes.
        const api = await fetch(`${okta.orgUrl}/api/v1/users?limit=1`, { headers: { Authorization: `Bearer ${String(tokens.body.access_token)}` } })
        expect(api.status).toBe(base === `${okta.orgUrl}/oauth2` ? 403 : 401)
      }
    } finally {
      okta.settings.autoSignIn = null
    }
  })

  it('shows a sign-in page that takes the sandbox password, on 127.0.0.1 or localhost redirects', async () => {
    const base = `${okta.orgUrl}/oauth2`
    const right = verifier()
    const page = await fetch(authorizeUrl(base, { codeChallenge: challenge(right), redirectUri: 'http://localhost:8123/done' }))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(html).toContain(okta.credentials.signInUser.password)
    const post = (form: Record<string, string>): Promise<Response> =>
      fetch(`${base}/v1/authorize`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ request: requestId, ...form }).toString() })
    const wrong = await post({ username: okta.credentials.signInUser.login, password: 'nope' })
    expect(wrong.status).toBe(200)
    expect(await wrong.text()).toContain('Unable to sign in')
    const signedIn = await post({ username: okta.credentials.signInUser.login.toUpperCase(), password: okta.credentials.signInUser.password })
    expect(signedIn.status).toBe(302)
    const location = new URL(signedIn.headers.get('location') ?? '')
    expect(location.origin + location.pathname).toBe('http://localhost:8123/done')
    expect((await exchange(base, location.searchParams.get('code') ?? '', right, 'http://localhost:8123/done')).status).toBe(200)
  })

  it('refuses unknown clients, foreign redirects, missing PKCE, extra scopes and people not assigned to the app', async () => {
    const base = `${okta.orgUrl}/oauth2`
    expect((await fetch(authorizeUrl(base, { clientId: '0oanotanapp' }))).status).toBe(400)
    expect((await fetch(authorizeUrl(base, { redirectUri: 'https://evil.example/callback' }))).status).toBe(400)
    const noPkce = await redirected(authorizeUrl(base, { codeChallenge: '' }))
    expect(noPkce.searchParams.get('error')).toBe('invalid_request')
    expect(noPkce.searchParams.get('state')).toBe('state-123')
    expect((await redirected(authorizeUrl(base, { scope: 'openid okta.users.read' }))).searchParams.get('error')).toBe('invalid_scope')
    const native = okta.credentials.oidcApp.clientId
    const outsider = okta.store.userIds().map((id) => okta.store.user(id)).find((user) => user?.status === 'ACTIVE' && !okta.store.isAssigned(native, String(user.id)))
    expect(outsider).toBeDefined()
    okta.settings.autoSignIn = String((outsider?.profile as Record<string, unknown>).login)
    try {
      const denied = await redirected(authorizeUrl(base))
      expect(denied.searchParams.get('error')).toBe('access_denied')
      expect(denied.searchParams.get('error_description')).toBe('User is not assigned to the client application.')
    } finally {
      okta.settings.autoSignIn = null
    }
    expect((await redirected(`${authorizeUrl(base)}&prompt=none`)).searchParams.get('error')).toBe('login_required')
  })
})
