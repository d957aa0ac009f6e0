/**
 * The Halo client against the Halo sandbox over real sockets: every sign-in mode (client credentials,
 * authorization code + PKCE through the loopback listener, refresh), hosted and on-premise addresses,
 * paging, batched upserts, Halo's 400s, 429 recovery, a token expiring in the middle of a list, and
 * the bad-input cases an admin meets (wrong tenant, bad secret, missing permission).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { StudioError } from '../../src-shared/contract'
import { LoopbackSignIn } from '../auth/loopback-flow'
import { startHaloSandbox, type HaloSandbox, type HaloSandboxOptions } from '../sandbox/halo'
import { HaloAuth } from './halo-auth'
import { HaloClient } from './halo-client'
import type { HaloAuthMode, HaloInstanceSettings, TokenSet } from './halo-settings'
import type { TokenCache } from './token-cache'

const sandboxes: HaloSandbox[] = []
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()))
})

async function sandbox(options: HaloSandboxOptions = {}): Promise<HaloSandbox> {
  const started = await startHaloSandbox({ users: 60, agents: 8, ...options })
  sandboxes.push(started)
  return started
}

function memoryCache(): TokenCache & { saved: TokenSet | null } {
  const cache = {
    saved: null as TokenSet | null,
    load: () => Promise.resolve(cache.saved),
    save: (tokens: TokenSet) => {
      cache.saved = tokens
      return Promise.resolve()
    },
    clear: () => {
      cache.saved = null
      return Promise.resolve()
    }
  }
  return cache
}

interface Connection {
  auth: HaloAuth
  client: HaloClient
  cache: ReturnType<typeof memoryCache>
}

function connect(
  halo: HaloSandbox,
  overrides: { tenant?: string | null; clientId?: string; secret?: string | null; authMode?: HaloAuthMode; rateLimit?: { requests: number; windowMs: number } } = {}
): Connection {
  const authMode = overrides.authMode ?? 'client_credentials'
  const settings: HaloInstanceSettings = {
    id: 'sandbox',
    name: 'Sandbox',
    baseUrl: halo.baseUrl,
    tenant: overrides.tenant === undefined ? (halo.hosted ? halo.tenant : null) : overrides.tenant,
    authServerUrl: null,
    authMode,
    clientId: overrides.clientId ?? (authMode === 'client_credentials' ? halo.credentials.clientCredentials.clientId : halo.credentials.authorizationCode.clientId),
    scope: 'all',
    rateLimit: overrides.rateLimit ?? { requests: 1000, windowMs: 60_000 }
  }
  const secret = overrides.secret === undefined ? (authMode === 'client_credentials' ? halo.credentials.clientCredentials.clientSecret : null) : overrides.secret
  const cache = memoryCache()
  const auth = new HaloAuth({ settings, cache, clientSecret: () => Promise.resolve(secret), timeoutMs: 5000 })
  return { auth, cache, client: new HaloClient({ settings, auth, maxReadRetries: 0 }) }
}

async function failure(work: Promise<unknown>): Promise<StudioError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(StudioError)
  return error as StudioError
}

/** Plays the admin's browser: follows the authorize URL (approving the consent page) to the loopback listener. */
async function browser(authorizeUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<void> {
  let answer = await fetch(authorizeUrl, { redirect: 'manual' })
  if (answer.status === 200) {
    const page = await answer.text()
    const requestId = /name="request" value="([^"]+)"/.exec(page)?.[1] ?? ''
    answer = await fetch(new URL('authorize', authorizeUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request: requestId, decision }).toString()
    })
  }
  const location = answer.headers.get('location')
  if (!location) throw new Error(`The authorize endpoint answered ${answer.status} without a redirect: ${await answer.text()}`)
  await (await fetch(location)).text()
}

describe('client credentials', () => {
  it('discovers the auth server on premise and reads every page of users', async () => {
    const halo = await sandbox({ users: 95 })
    const { auth, client } = connect(halo)
    expect(await auth.authServer()).toBe(`${halo.baseUrl}/auth`)
    const before = halo.requestCount()
    const users = await client.list('users', { pageSize: 20, query: { includeinactive: true } })
    expect(users).toHaveLength(95)
    expect(new Set(users.map((user) => user.id)).size).toBe(95)
    expect(halo.requestCount() - before).toBe(5)
    // Unknown fields are kept for read-modify-write.
    expect(users[0]).toHaveProperty('customfields')
    expect(users[0]).toHaveProperty('site_name')
  })

  it('reads bare-array look-ups and agent roles with GUID ids', async () => {
    const { client } = connect(await sandbox())
    const roles = await client.list('roles')
    expect(roles.length).toBeGreaterThan(3)
    expect(roles[0]?.id).toMatch(/^[0-9a-f-]{36}$/)
    const cabs = await client.list('cabs', { query: { includemembers: true } })
    expect(cabs[0]?.members?.length).toBeGreaterThan(0)
  })

  it('signs in to a hosted instance with its tenant, and says what is wrong with the tenant otherwise', async () => {
    const halo = await sandbox({ hosted: true, tenant: 'northwind' })
    expect((await connect(halo).client.list('sites')).length).toBeGreaterThan(0)
    const wrong = await failure(connect(halo, { tenant: 'southwind' }).auth.accessToken())
    expect(wrong.code).toBe('SIGN_IN_REQUIRED')
    expect(wrong.message).toContain('does not know the tenant "southwind"')
    const missing = await failure(connect(halo, { tenant: null }).auth.accessToken())
    expect(missing.message).toContain('needs a tenant')
  })

  it('names the client ID and secret when the secret is wrong', async () => {
    const error = await failure(connect(await sandbox(), { secret: 'not-the-secret' }).auth.accessToken())
    expect(error.code).toBe('SIGN_IN_REQUIRED')
    expect(error.message).toMatch(/refused the client ID or client secret: Bad credentials/)
    expect(error.message).toContain('Configuration › Integrations › Halo API')
  })

  it('says which permission is missing when the application may not read an area', async () => {
    const halo = await sandbox()
    const { client } = connect(halo, { clientId: halo.credentials.limited.clientId, secret: halo.credentials.limited.clientSecret })
    expect((await client.list('sites')).length).toBeGreaterThan(0)
    const error = await failure(client.list('roles'))
    expect(error.details).toMatchObject({ status: 403, reason: 'forbidden' })
    expect(error.message).toContain('Administration')
  })
})

describe('authorization code with PKCE', () => {
  it('signs in through the consent page and the loopback listener, then refreshes with a rotated token', async () => {
    const halo = await sandbox()
    const { auth, client, cache } = connect(halo, { authMode: 'authorization_code' })
    const loopback = new LoopbackSignIn()
    await auth.signIn(loopback, (url) => browser(url))
    expect(loopback.inProgress).toBe(false)
    expect(cache.saved?.refreshToken).toBeTruthy()
    expect((await client.list('teams')).length).toBeGreaterThan(0)

    const firstRefresh = cache.saved?.refreshToken ?? ''
    halo.expireAllTokens()
    cache.saved = cache.saved && { ...cache.saved, expiresAt: 0 }
    auth.invalidate()
    expect((await client.list('teams')).length).toBeGreaterThan(0)
    expect(cache.saved?.refreshToken).not.toBe(firstRefresh)

    // The spent refresh token cannot be used again.
    const reuse = await fetch(`${halo.baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: halo.credentials.authorizationCode.clientId, refresh_token: firstRefresh }).toString()
    })
    expect(reuse.status).toBe(400)
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('reports a denied consent as a refused sign-in and closes the listener', async () => {
    const halo = await sandbox()
    const { auth } = connect(halo, { authMode: 'authorization_code' })
    const loopback = new LoopbackSignIn()
    const error = await failure(auth.signIn(loopback, (url) => browser(url, 'deny')))
    expect(error.code).toBe('SIGN_IN_FAILED')
    expect(error.message).toMatch(/denied/i)
    expect(loopback.inProgress).toBe(false)
  })

  it('the sandbox checks the PKCE verifier against the challenge', async () => {
    const halo = await sandbox({ autoApprove: true })
    const redirectUri = 'http://127.0.0.1:9/callback'
    const authorize = new URL(`${halo.baseUrl}/auth/authorize`)
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' // S256 of RFC 7636's example verifier
    for (const [key, value] of Object.entries({ response_type: 'code', client_id: halo.credentials.authorizationCode.clientId, redirect_uri: redirectUri, scope: 'all offline_access', state: 's', code_challenge: challenge, code_challenge_method: 'S256' })) {
      authorize.searchParams.set(key, value)
    }
    const exchange = async (verifier: string): Promise<Response> => {
      const answer = await fetch(authorize, { redirect: 'manual' })
      const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? ''
      return fetch(`${halo.baseUrl}/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: halo.credentials.authorizationCode.clientId, code, redirect_uri: redirectUri, code_verifier: verifier }).toString()
      })
    }
    const wrong = await exchange('a-different-verifier-of-sufficient-length-0123456789')
    expect(wrong.status).toBe(400)
    const refusal = (await wrong.json()) as { error: string; error_description: string }
    expect(refusal.error).toBe('invalid_grant')
    expect(refusal.error_description).toContain('code_verifier')
    const right = await exchange('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(right.status).toBe(200)
    const tokens = (await right.json()) as { token_type: string; refresh_token?: string }
    expect(tokens.token_type).toBe('Bearer')
    expect(tokens.refresh_token).toBeTruthy()
  })
})

describe('writes', () => {
  it('creates in batches of 50, answers records in order, and updates only the fields sent', async () => {
    const halo = await sandbox({ users: 10 })
    const { client } = connect(halo)
    const posts = halo.requestCount()
    const created = await client.upsert(
      'users',
      Array.from({ length: 120 }, (_, index) => ({ name: `New Starter ${index}`, emailaddress: `starter${index}@northwind.example`, site_id: 1 }))
    )
    expect(halo.requestCount() - posts).toBe(3)
    expect(created.map((user) => user.name)).toEqual(Array.from({ length: 120 }, (_, index) => `New Starter ${index}`))
    expect(created[0]).toMatchObject({ site_name: 'London – Head Office', client_name: 'Northwind Traders' })

    const [one] = await client.upsert('users', [{ id: created[0]?.id, title: 'Payroll Specialist' }])
    expect(one).toMatchObject({ id: created[0]?.id, name: 'New Starter 0', emailaddress: 'starter0@northwind.example', title: 'Payroll Specialist' })
    expect(await client.get('users', created[0]?.id ?? 0)).toMatchObject({ title: 'Payroll Specialist' })
  })

  it("keeps Halo's own words for a 400 and saves nothing of that batch", async () => {
    const halo = await sandbox({ users: 10 })
    const { client } = connect(halo)
    const error = await failure(client.upsert('users', [{ name: 'Has a site', site_id: 1 }, { name: 'No site' }]))
    expect(error.code).toBe('REMOTE_ERROR')
    expect(error.message).toContain('[1].site_id: Please select a Site')
    expect(halo.store.count('users')).toBe(10)

    const agent = await failure(client.upsert('agents', [{ email: 'no.name@northwind.example' }]))
    expect(agent.message).toContain('Agent name is mandatory')
    const site = await failure(client.upsert('sites', [{ name: 'Nowhere' }]))
    expect(site.message).toContain('Please select a Customer for this Site')
    const missing = await failure(client.get('users', 999_999))
    expect(missing.code).toBe('NOT_FOUND')
  })

  it('deactivates through the flag, and lists leave inactive records out unless asked', async () => {
    const halo = await sandbox({ users: 20 })
    const { client } = connect(halo)
    const active = await client.list('users')
    const target = active[0]
    await client.upsert('users', [{ id: target?.id, inactive: true }])
    const after = await client.list('users')
    expect(after.map((user) => user.id)).not.toContain(target?.id)
    expect((await client.list('users', { query: { includeinactive: true } })).map((user) => user.id)).toContain(target?.id)
  })
})

describe('rate limits and expiring tokens', () => {
  it('recovers from 429 within the window and still reads everything', async () => {
    const halo = await sandbox({ users: 30, rateLimit: { requests: 4, windowMs: 1000 } })
    const { client } = connect(halo, { rateLimit: { requests: 100, windowMs: 1000 } })
    const pages = await Promise.all(Array.from({ length: 3 }, () => client.list('users', { pageSize: 5 })))
    for (const users of pages) expect(users.length).toBeGreaterThan(20)
    expect(halo.requestCount()).toBeGreaterThan(pages.length * 6)
  }, 30_000)

  it('signs in again when the token expires in the middle of a list', async () => {
    const halo = await sandbox({ users: 50 })
    const { client } = connect(halo)
    await client.list('clients')
    const tokensBefore = halo.tokenRequestCount()
    halo.settings.latencyMs = 100
    const expire = setTimeout(() => halo.expireAllTokens(), 250)
    const users = await client.list('users', { pageSize: 5, query: { includeinactive: true } })
    clearTimeout(expire)
    expect(users).toHaveLength(50)
    expect(halo.tokenRequestCount() - tokensBefore).toBe(1)
  }, 20_000)

  it('answers 429 with Halo’s message and no Retry-After, and counts a rolling window', async () => {
    const halo = await sandbox({ rateLimit: { requests: 2, windowMs: 60_000 } })
    const statuses: number[] = []
    let last: Response | null = null
    for (let i = 0; i < 3; i += 1) {
      last = await fetch(`${halo.baseUrl}/api/Site`)
      statuses.push(last.status)
    }
    expect(statuses).toEqual([401, 401, 429])
    expect(last?.headers.get('retry-after')).toBeNull()
    expect(await last?.text()).toBe('Rate Limit Reached - 2 Requests per rolling 1 minute window')
  })
})
