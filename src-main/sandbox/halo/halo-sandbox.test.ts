/**
 * The Halo sandbox on its own, over HTTP: the behaviours halo-api.md describes that the client tests
 * do not already pin down — list shapes and paging rules, search and advanced_search, POST answer
 * shapes, routes matched case-insensitively, token lifetime, faults, and a deterministic demo company.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers/temp-workspace'
import { startHaloSandbox, type HaloSandbox, type HaloSandboxOptions } from '.'
import path from 'node:path'

const running: HaloSandbox[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
})

async function start(options: HaloSandboxOptions = {}): Promise<HaloSandbox> {
  const sandbox = await startHaloSandbox({ users: 40, agents: 6, ...options })
  running.push(sandbox)
  return sandbox
}

async function tokenFor(halo: HaloSandbox, query = ''): Promise<string> {
  const answer = await fetch(`${halo.baseUrl}/auth/token${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: halo.credentials.clientCredentials.clientId, client_secret: halo.credentials.clientCredentials.clientSecret, scope: 'all' }).toString()
  })
  const body = (await answer.json()) as { access_token: string }
  return body.access_token
}

async function api(halo: HaloSandbox, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${halo.baseUrl}/api/${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  const text = await answer.text()
  const json = answer.headers.get('content-type')?.includes('json') === true
  return { status: answer.status, body: text && json ? (JSON.parse(text) as unknown) : text || null }
}

describe('lists', () => {
  it('envelopes Users with record_count, keeps the envelope with count, and answers Agent as a bare array', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    const counted = (await api(halo, token, 'Users?count=3')).body as { record_count: number; users: unknown[] }
    expect(counted.users).toHaveLength(3)
    expect(counted.record_count).toBeGreaterThan(30)
    const paged = (await api(halo, token, 'users?pageinate=true&page_size=7&page_no=2')).body as { page_no: number; users: Array<{ id: number }> }
    expect(paged.page_no).toBe(2)
    expect(paged.users.map((user) => user.id)[0]).toBeGreaterThan(7)
    expect(Array.isArray((await api(halo, token, 'Agent')).body)).toBe(true)
    expect(Array.isArray((await api(halo, token, 'AGENT')).body)).toBe(true)
  })

  it('caps Tickets pages at 100', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    const answer = (await api(halo, token, 'Tickets?pageinate=true&page_size=500')).body as { page_size: number }
    expect(answer.page_size).toBe(100)
  })

  it('searches names and emails, filters exactly with advanced_search, and refuses fields it does not index', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    const [first] = ((await api(halo, token, 'Users?count=1')).body as { users: Array<{ id: number; surname: string; emailaddress: string; azureoid: string | null }> }).users
    const bySurname = (await api(halo, token, `Users?search=${encodeURIComponent(first?.surname.toUpperCase() ?? '')}`)).body as { users: Array<{ id: number }> }
    expect(bySurname.users.map((user) => user.id)).toContain(first?.id)
    const filter = encodeURIComponent(JSON.stringify([{ filter_name: 'emailaddress', filter_type: 2, filter_value: first?.emailaddress }]))
    const exact = (await api(halo, token, `Users?advanced_search=${filter}`)).body as { record_count: number }
    expect(exact.record_count).toBe(1)
    const bad = await api(halo, token, `Users?advanced_search=${encodeURIComponent(JSON.stringify([{ filter_name: 'notes', filter_type: 2, filter_value: 'x' }]))}`)
    expect(bad).toEqual({ status: 400, body: { Message: 'Invalid advanced search parameter' } })
  })

  it('hides inactive sites and disabled agents unless asked, and CAB members unless includemembers', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    const sites = ((await api(halo, token, 'Site')).body as { sites: Array<{ inactive: boolean }> }).sites
    const allSites = ((await api(halo, token, 'Site?includeinactive=true')).body as { sites: Array<{ inactive: boolean }> }).sites
    expect(sites.every((site) => !site.inactive)).toBe(true)
    expect(allSites.length).toBe(sites.length + 1)
    const cabs = (await api(halo, token, 'CAB')).body as Array<Record<string, unknown>>
    expect(cabs[0]).not.toHaveProperty('members')
    expect(((await api(halo, token, 'CAB?includemembers=true')).body as Array<{ members: unknown[] }>)[0]?.members.length).toBeGreaterThan(0)
  })
})

describe('writes', () => {
  it('answers one object for one record (201 for a new user) and an array for several', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    const one = await api(halo, token, 'Users', { method: 'POST', body: [{ name: 'Solo', site_id: 2 }] })
    expect(one.status).toBe(201)
    expect(one.body).toMatchObject({ name: 'Solo', site_id: 2, site_name: 'Manchester' })
    const many = await api(halo, token, 'Team', { method: 'POST', body: [{ name: 'A' }, { name: 'B' }] })
    expect(many.status).toBe(200)
    expect(many.body).toHaveLength(2)
    const removed = await api(halo, token, `Users/${(one.body as { id: number }).id}`, { method: 'DELETE' })
    expect(removed.body).toMatchObject({ id: (one.body as { id: number }).id })
    expect((await api(halo, token, `Users/${(one.body as { id: number }).id}`)).status).toBe(404)
  })

  it('refuses an update of an id it does not know, and a body that is not an array of records', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    expect(await api(halo, token, 'Client', { method: 'POST', body: [{ id: 4242, name: 'Ghost' }] })).toEqual({ status: 400, body: { '[0].id': 'Client 4242 does not exist' } })
    expect((await api(halo, token, 'Client', { method: 'POST', body: ['not a record'] })).status).toBe(400)
    expect(await api(halo, token, 'Client', { method: 'POST', body: [{}] })).toEqual({ status: 400, body: 'Please enter a Customer name' })
  })

  it('keeps the global Control object and updates it partially', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    await api(halo, token, 'Control', { method: 'POST', body: [{ okta_url: 'https://northwind.okta.com' }] })
    expect((await api(halo, token, 'Control')).body).toMatchObject({ okta_url: 'https://northwind.okta.com', enableoktasinglesignon: false })
  })
})

describe('auth', () => {
  it('expires tokens after their lifetime and refuses calls without a bearer', async () => {
    const halo = await start({ tokenLifetimeSeconds: 1 })
    const token = await tokenFor(halo)
    expect((await api(halo, token, 'Site')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await api(halo, token, 'Site')).status).toBe(401)
    expect((await fetch(`${halo.baseUrl}/api/Site`)).status).toBe(401)
    expect((await fetch(`${halo.baseUrl}/api/authinfo`)).status).toBe(200)
  })

  it('requires the tenant in hosted mode on the token and authorize endpoints, and ignores it on premise', async () => {
    const hosted = await start({ hosted: true, tenant: 'northwind' })
    expect(await tokenFor(hosted, '?tenant=northwind')).toBeTruthy()
    const noTenant = await fetch(`${hosted.baseUrl}/auth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' })
    expect(await noTenant.json()).toEqual({ error: 'invalid_request', error_description: 'A tenant is required for this Halo-hosted instance.' })
    const page = await fetch(`${hosted.baseUrl}/auth/authorize?tenant=elsewhere`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('The tenant &#34;elsewhere&#34; does not exist.')
    const onPremise = await start()
    expect(await tokenFor(onPremise, '?tenant=anything')).toBeTruthy()
    expect(await (await fetch(`${hosted.baseUrl}/api/authinfo`)).json()).toMatchObject({ auth_url: `${hosted.baseUrl}/auth`, tenant_id: 'northwind' })
  })
})

describe('faults and latency', () => {
  it('answers 500s, drops connections and delays responses when told to', async () => {
    const halo = await start()
    const token = await tokenFor(halo)
    halo.settings.faults.error500 = 1
    const failed = await api(halo, token, 'Site')
    expect(failed.status).toBe(500)
    halo.settings.faults.error500 = 0
    halo.settings.faults.drop = 1
    await expect(fetch(`${halo.baseUrl}/api/Site`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow()
    halo.settings.faults.drop = 0
    halo.settings.latencyMs = 150
    const started = performance.now()
    expect((await api(halo, token, 'Site')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('demo company', () => {
  it('is the same for the same seed, persists in its file, and grows with the generator', async () => {
    const dir = tempDir('halo-sandbox-')
    const first = await start({ file: path.join(dir, 'a.sqlite'), seed: 7 })
    const second = await start({ file: path.join(dir, 'b.sqlite'), seed: 7 })
    expect(first.store.all('users')).toEqual(second.store.all('users'))
    expect(first.store.all('roles')).toEqual(second.store.all('roles'))
    expect(first.addUsers(5000)).toBe(5040)
    const logins = new Set(first.store.all('users').map((user) => user.login))
    expect(logins.size).toBe(5040)
    await first.close()
    running.splice(running.indexOf(first), 1)
    const reopened = await start({ file: path.join(dir, 'a.sqlite'), seed: 7 })
    expect(reopened.store.count('users')).toBe(5040)
  })
})
