/**
 * The Entra sandbox over real sockets, as entra.md describes the real services: the token endpoint's
 * grants and its AADSTS errors in Entra's exact shape, Graph's bearer check, paging, $select, $top,
 * $count and $filter rules, nested groups, managers, delta rounds (initial, after a 1 % change,
 * from "latest", expired), licences, throttling, and the sign-in with PKCE whose ID token verifies
 * against the published keys.
 */
import { createHash, createPublicKey, createVerify, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEntraSandbox, type EntraAppCredentials, type EntraSandbox } from '.'

let entra: EntraSandbox

type Item = { id: string } & Record<string, unknown>
/** A Graph answer as the tests read it: a page, an object, or an error. */
interface Body extends Record<string, unknown> {
  value: Item[]
  error: { code: string; message: string }
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
  '@odata.count'?: number
}

beforeAll(async () => {
  entra = await startEntraSandbox({ people: 600, autoSignIn: null })
})
afterAll(async () => {
  await entra.close()
})

async function token(credentials: EntraAppCredentials, fields: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${entra.baseUrl}/${credentials.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret, scope: 'https://graph.microsoft.com/.default', ...fields })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function bearer(credentials: EntraAppCredentials = entra.credentials.app): Promise<string> {
  const answer = await token(credentials)
  return String(answer.body.access_token)
}

async function graph(path: string, options: { token?: string; headers?: Record<string, string>; method?: string; body?: unknown } = {}): Promise<{ status: number; headers: Headers; body: Body }> {
  const url = path.startsWith('http') ? path : `${entra.baseUrl}/v1.0${path}`
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: { Authorization: `Bearer ${options.token ?? (await bearer())}`, ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
    ...(options.body ? { body: JSON.stringify(options.body) } : {})
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: (response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text) as Body }
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

async function allPages(path: string, auth: string): Promise<Item[]> {
  const items: Item[] = []
  let next: string | undefined = path
  while (next) {
    const page: { body: Body } = await graph(next, { token: auth })
    items.push(...page.body.value)
    next = page.body['@odata.nextLink']
  }
  return items
}

describe('token endpoint', () => {
  it('gives client credentials a signed access token with the consented roles', async () => {
    const answer = await token(entra.credentials.app)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
    const claims = claimsOf(String(answer.body.access_token))
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: entra.tenantId, appid: entra.credentials.app.clientId, idtyp: 'app' })
    expect(claims.roles).toEqual(expect.arrayContaining(['User.Read.All', 'GroupMember.Read.All']))
    expect((await token({ ...entra.credentials.app, tenantId: entra.tenantDomain })).status).toBe(200)
  })

  it('answers each failure with its AADSTS code in Entra’s shape', async () => {
    const cases: Array<[Promise<{ status: number; body: Record<string, unknown> }>, number, string, number, RegExp]> = [
      [token({ ...entra.credentials.app, clientSecret: 'wrong' }), 401, 'invalid_client', 7000215, /Invalid client secret provided/],
      [token(entra.credentials.expiredApp), 401, 'invalid_client', 7000222, /client secret keys for app '.*' are expired/],
      [token({ ...entra.credentials.app, clientId: '11111111-2222-4333-8444-555555555555' }), 400, 'unauthorized_client', 700016, /was not found in the directory/],
      [token({ ...entra.credentials.app, tenantId: 'contoso.onmicrosoft.com' }), 400, 'invalid_request', 90002, /Tenant 'contoso.onmicrosoft.com' not found/],
      [token(entra.credentials.app, { scope: 'User.Read.All' }), 400, 'invalid_scope', 70011, /scope/]
    ]
    for (const [pending, status, error, code, description] of cases) {
      const answer = await pending
      expect(answer.status).toBe(status)
      expect(answer.body).toMatchObject({ error, error_codes: [code], error_uri: `https://login.microsoftonline.com/error?code=${code}` })
      expect(String(answer.body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `))
      expect(String(answer.body.error_description)).toMatch(description)
      expect(String(answer.body.error_description)).toMatch(/Trace ID: .*\r\nCorrelation ID: .*\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
      expect(answer.body).toHaveProperty('trace_id')
      expect(answer.body).toHaveProperty('correlation_id')
    }
  })

  it('gives an app without admin consent no roles, so Graph refuses it', async () => {
    const answer = await token(entra.credentials.unconsentedApp)
    expect(claimsOf(String(answer.body.access_token)).roles).toEqual([])
    const refused = await graph('/users', { token: String(answer.body.access_token) })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' })
  })
})

describe('Graph', () => {
  it('refuses a missing, forged or revoked bearer with InvalidAuthenticationToken', async () => {
    const missing = await fetch(`${entra.baseUrl}/v1.0/users`)
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm=""/)
    expect(((await missing.json()) as Body).error).toMatchObject({ code: 'InvalidAuthenticationToken', innerError: { 'request-id': expect.any(String) as string } })
    const good = await bearer()
    const forged = `${good.slice(0, -4)}AAAA`
    expect((await graph('/users', { token: forged })).body.error.message).toBe('CompactToken validation failed with reason code: 80049228.')
    const old = await bearer()
    await new Promise((resolve) => setTimeout(resolve, 5))
    entra.revokeTokens()
    const revoked = await graph('/users', { token: old })
    expect(revoked.status).toBe(401)
    expect(revoked.body.error.message).toBe('Access token has expired or is not yet valid.')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await graph('/users?$top=1')).status).toBe(200)
  })

  it('pages users 100 at a time with the default properties, and all of them once with $top=999', async () => {
    const auth = await bearer()
    const first = await graph('/users', { token: auth })
    expect(first.body.value).toHaveLength(100)
    expect(Object.keys(first.body.value[0] ?? {}).sort()).toEqual(['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'])
    expect(first.body['@odata.nextLink']).toMatch(new RegExp(`^${entra.baseUrl}/v1.0/users\\?.*\\$skiptoken=`))
    const selected = await allPages('/users?$top=999&$select=id,displayName,accountEnabled,userType', auth)
    expect(selected).toHaveLength(entra.tenant.users.size)
    expect(new Set(selected.map((user) => user.id)).size).toBe(entra.tenant.users.size)
    expect(Object.keys(selected[0] ?? {}).sort()).toEqual(['accountEnabled', 'displayName', 'id', 'userType'])
    expect(selected.some((user) => user.userType === 'Guest')).toBe(true)
    expect(selected.some((user) => user.accountEnabled === false)).toBe(true)
    const tooBig = await graph('/users?$top=1000', { token: auth })
    expect(tooBig.status).toBe(400)
    expect(tooBig.body.error.message).toBe("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")
  })

  it('counts and filters only as Graph allows', async () => {
    const auth = await bearer()
    expect((await graph('/users?$count=true', { token: auth })).status).toBe(400)
    const counted = await graph('/users?$count=true&$top=1', { token: auth, headers: { ConsistencyLevel: 'eventual' } })
    expect(counted.body['@odata.count']).toBe(entra.tenant.users.size)
    const plain = await graph('/users/$count', { token: auth, headers: { ConsistencyLevel: 'eventual' } })
    expect(plain.body).toBe(String(entra.tenant.users.size))
    const disabled = await allPages("/users?$filter=accountEnabled eq false&$select=id,accountEnabled", auth)
    expect(disabled.length).toBe([...entra.tenant.users.values()].filter((user) => !user.accountEnabled).length)
    expect(disabled.length).toBeGreaterThan(0)
    const notEnabled = await graph('/users?$filter=accountEnabled ne true', { token: auth })
    expect(notEnabled.status).toBe(400)
    expect(notEnabled.body.error.code).toBe('Request_UnsupportedQuery')
    expect((await graph('/users?$filter=accountEnabled ne true&$count=true', { token: auth, headers: { ConsistencyLevel: 'eventual' } })).body.value.length).toBe(Math.min(100, disabled.length))
  })

  it('finds a guest by a #EXT# user principal name sent as %23', async () => {
    const guest = [...entra.tenant.users.values()].find((user) => user.userType === 'Guest')
    expect(guest?.userPrincipalName).toMatch(/#EXT#@northwindtraders\.onmicrosoft\.com$/)
    const found = await graph(`/users/${encodeURIComponent(guest?.userPrincipalName ?? '')}?$select=id,userType,externalUserState`)
    expect(found.body).toMatchObject({ id: guest?.id, userType: 'Guest' })
  })

  it('answers managers, nested groups and memberships', async () => {
    const auth = await bearer()
    const users = [...entra.tenant.users.values()]
    const managed = users.find((user) => user.managerId !== null)
    const head = users.find((user) => user.userType === 'Member' && user.managerId === null)
    expect((await graph(`/users/${managed?.id}/manager?$select=id`, { token: auth })).body.id).toBe(managed?.managerId)
    expect((await graph(`/users/${head?.id}/manager`, { token: auth })).body.error.code).toBe('Request_ResourceNotFound')
    const groups = await allPages('/groups?$select=id,displayName,groupTypes', auth)
    const halo = groups.find((group) => group.displayName === 'Halo Agents')
    const support = groups.find((group) => group.displayName === 'IT Support Agents')
    expect(groups.find((group) => group.displayName === 'All Staff')?.groupTypes).toEqual(['Unified'])
    const direct = await allPages(`/groups/${halo?.id}/members?$select=id`, auth)
    expect(direct.some((member) => member['@odata.type'] === '#microsoft.graph.group' && member.id === support?.id)).toBe(true)
    const transitive = await allPages(`/groups/${halo?.id}/transitiveMembers/microsoft.graph.user?$select=id`, auth)
    const supportMembers = await allPages(`/groups/${support?.id}/members?$select=id`, auth)
    expect(supportMembers.length).toBeGreaterThan(10)
    for (const member of supportMembers) expect(transitive.map((each) => each.id)).toContain(member.id)
    expect(transitive.every((member) => member['@odata.type'] === '#microsoft.graph.user')).toBe(true)
    const agent = supportMembers[0]?.id
    const directOf = await allPages(`/users/${agent}/memberOf?$select=id,displayName`, auth)
    const transitiveOf = await allPages(`/users/${agent}/transitiveMemberOf?$select=id,displayName`, auth)
    expect(directOf.map((group) => group.displayName)).not.toContain('Halo Agents')
    expect(transitiveOf.map((group) => group.displayName)).toContain('Halo Agents')
  })

  it('refuses what the token’s roles do not allow', async () => {
    const limited = await bearer(entra.credentials.limitedApp)
    expect((await graph('/users?$top=1', { token: limited })).status).toBe(200)
    for (const path of ['/groups', '/subscribedSkus', '/deviceManagement/managedDevices', '/applications']) {
      const refused = await graph(path, { token: limited })
      expect(refused.status, path).toBe(403)
      expect(refused.body.error.code).toBe('Authorization_RequestDenied')
    }
  })

  it('lists licences and assigns one only to a user with a usage location', async () => {
    const auth = await bearer()
    const skus = (await graph('/subscribedSkus', { token: auth })).body.value
    expect(skus.map((sku) => sku.skuPartNumber)).toEqual(['SPE_E3', 'O365_BUSINESS_ESSENTIALS', 'EMS'])
    const ems = skus[2]?.skuId
    const nowhere = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.usageLocation === null)
    const somewhere = [...entra.tenant.users.values()].find((user) => user.usageLocation === 'GB')
    const refused = await graph(`/users/${nowhere?.id}/assignLicense`, { token: auth, method: 'POST', body: { addLicenses: [{ skuId: ems, disabledPlans: [] }], removeLicenses: [] } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toBe('License assignment cannot be done for user with invalid usage location.')
    const assigned = await graph(`/users/${somewhere?.id}/assignLicense`, { token: auth, method: 'POST', body: { addLicenses: [{ skuId: ems, disabledPlans: [] }], removeLicenses: [] } })
    expect(assigned.status).toBe(200)
    expect(entra.tenant.users.get(somewhere?.id ?? '')?.assignedLicenses.map((licence) => licence.skuId)).toContain(ems)
  })

  it('tells the client secret’s expiry, and lists Intune devices', async () => {
    const auth = await bearer()
    const apps = (await graph(`/applications?$filter=appId eq '${entra.credentials.app.clientId}'&$select=appId,displayName,passwordCredentials`, { token: auth })).body.value
    expect(apps).toHaveLength(1)
    expect((apps[0]?.passwordCredentials as unknown[] | undefined)?.[0]).toMatchObject({ endDateTime: entra.credentials.app.secretExpiresAt, hint: entra.credentials.app.clientSecret.slice(0, 3), secretText: null })
    const devices = await allPages('/deviceManagement/managedDevices', auth)
    expect(devices.length).toBe(entra.tenant.devices.length)
    expect(devices[0]).toMatchObject({ operatingSystem: expect.stringMatching(/Windows|macOS/) as string, complianceState: expect.any(String) as string })
  })

  it('throttles with 429 and 503 and Retry-After, in Graph’s body', async () => {
    const auth = await bearer()
    entra.settings.throttleNext = 1
    const throttled = await graph('/users?$top=1', { token: auth })
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('2')
    expect(throttled.body.error.code).toBe('TooManyRequests')
    entra.settings.unavailableNext = 1
    const unavailable = await graph('/users?$top=1', { token: auth })
    expect(unavailable.status).toBe(503)
    expect(unavailable.headers.get('retry-after')).toBe('2')
    expect((await graph('/users?$top=1', { token: auth })).status).toBe(200)
    entra.settings.resourceUnitsPer10s = 3
    await graph('/users?$top=1&$select=id', { token: auth })
    const overBudget = await graph('/users?$top=1', { token: auth })
    expect(overBudget.status).toBe(429)
    expect(overBudget.headers.get('x-ms-throttle-information')).toBe('ResourceUnitLimitExceeded')
    entra.settings.resourceUnitsPer10s = 8000
  })
})

describe('delta queries', () => {
  const select = 'id,displayName,jobTitle,department,accountEnabled'

  async function round(link: string, auth: string): Promise<{ items: Item[]; deltaLink: string; pages: number }> {
    const items: Item[] = []
    let next: string = link
    let pages = 0
    for (;;) {
      const page: { status: number; body: Body } = await graph(next, { token: auth })
      expect(page.status, JSON.stringify(page.body)).toBe(200)
      pages += 1
      items.push(...page.body.value)
      expect(page.body['@odata.nextLink'] && page.body['@odata.deltaLink']).toBeFalsy()
      if (page.body['@odata.deltaLink']) return { items, deltaLink: page.body['@odata.deltaLink'], pages }
      next = String(page.body['@odata.nextLink'])
    }
  }

  it('reads everything, then exactly what a 1 % change touched, with removals marked', async () => {
    const auth = await bearer()
    const initial = await round(`/users/delta?$select=${select}`, auth)
    expect(initial.items).toHaveLength(entra.tenant.users.size)
    expect(initial.pages).toBeGreaterThan(1)
    const quiet = await round(initial.deltaLink, auth)
    expect(quiet.items).toEqual([])
    const changed = entra.mutate(0.01)
    const delta = await round(quiet.deltaLink, auth)
    const touched = new Set([...changed.updated, ...changed.disabled, ...changed.added, ...changed.removed])
    expect(new Set(delta.items.map((item) => item.id))).toEqual(touched)
    for (const id of changed.removed) expect(delta.items.find((item) => item.id === id)?.['@removed']).toEqual({ reason: expect.stringMatching(/^(changed|deleted)$/) as string })
    for (const id of changed.disabled) expect(delta.items.find((item) => item.id === id)).toMatchObject({ accountEnabled: false, displayName: expect.any(String) as string })
    expect(Object.keys(delta.items.find((item) => !item['@removed']) ?? {}).sort()).toEqual(['accountEnabled', 'department', 'displayName', 'id', 'jobTitle'])
  })

  it('starts from "latest" with no data, then gives only the next change', async () => {
    const auth = await bearer()
    const latest = await graph(`/users/delta?$deltatoken=latest&$select=${select}`, { token: auth })
    expect(latest.body.value).toEqual([])
    const someone = [...entra.tenant.users.values()].find((user) => user.userType === 'Member')
    entra.tenant.updateUser(someone?.id ?? '', { jobTitle: 'Chief Delta Officer' })
    const next = await round(latest.body['@odata.deltaLink'] ?? '', auth)
    expect(next.items).toEqual([{ id: someone?.id, displayName: someone?.displayName, jobTitle: 'Chief Delta Officer', department: someone?.department ?? null, accountEnabled: someone?.accountEnabled }])
  })

  it('gives membership changes as members@delta on the groups', async () => {
    const auth = await bearer()
    const initial = await round('/groups/delta?$select=id,displayName,members', auth)
    expect(initial.items.length).toBe(entra.tenant.groups.size)
    const everyone = initial.items.find((group) => group.displayName === 'All Staff')
    expect((everyone?.['members@delta'] as unknown[] | undefined)?.length).toBeGreaterThan(100)
    const group = [...entra.tenant.groups.values()].find((each) => each.displayName === 'VPN Users')
    const [leaver] = [...(group?.members ?? [])]
    const joiner = [...entra.tenant.users.values()].find((user) => !group?.members.has(user.id))
    entra.tenant.removeMember(group?.id ?? '', leaver ?? '')
    entra.tenant.addMember(group?.id ?? '', joiner?.id ?? '')
    const delta = await round(initial.deltaLink, auth)
    expect(delta.items).toEqual([
      {
        id: group?.id,
        displayName: 'VPN Users',
        'members@delta': [
          { '@odata.type': '#microsoft.graph.user', id: leaver, '@removed': { reason: 'deleted' } },
          { '@odata.type': '#microsoft.graph.user', id: joiner?.id }
        ]
      }
    ])
  })

  it('refuses an expired delta token with syncStateNotFound', async () => {
    const auth = await bearer()
    const { deltaLink } = await round(`/users/delta?$deltatoken=latest`, auth)
    entra.expireDeltaTokens()
    const expired = await graph(deltaLink, { token: auth })
    expect(expired.status).toBe(400)
    expect(expired.body.error).toMatchObject({ code: 'syncStateNotFound', message: 'The sync state generation is not found. The delta token is expired and data must be synchronized again.' })
    const fresh = (await graph('/users/delta?$deltatoken=latest', { token: auth })).body['@odata.deltaLink'] ?? ''
    entra.advanceClock(8 * 86_400_000)
    const week = await graph(fresh, { token: await bearer() })
    expect(week.body.error.code).toBe('syncStateNotFound')
    entra.advanceClock(-8 * 86_400_000)
  })
})

describe('sign-in (authorization code with PKCE)', () => {
  const redirectUri = 'http://localhost:53117'

  function authorizeUrl(challenge: string, mode: 'form_post' | 'query', nonce?: string): string {
    const query = new URLSearchParams({ client_id: entra.credentials.app.clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'https://graph.microsoft.com/User.Read.All openid profile offline_access', state: 'st-1', code_challenge: challenge, code_challenge_method: 'S256', response_mode: mode, ...(nonce ? { nonce } : {}) })
    return `${entra.baseUrl}/${entra.tenantId}/oauth2/v2.0/authorize?${query.toString()}`
  }

  async function redeem(code: string, verifier: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${entra.baseUrl}/${entra.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: entra.credentials.app.clientId, code, redirect_uri: redirectUri, code_verifier: verifier, client_info: '1' }) })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('shows a sign-in page, or signs in at once for tests, answering by form_post or query', async () => {
    entra.setAutoSignIn(null)
    const pageAnswer = await fetch(authorizeUrl('x', 'form_post'))
    expect(await pageAnswer.text()).toContain('<form method="post">')
    const wrong = await fetch(authorizeUrl('x', 'form_post').replace(redirectUri, encodeURIComponent('https://evil.example/cb')).replace('http%3A%2F%2Flocalhost%3A53117', encodeURIComponent('https://evil.example/cb')))
    expect(await wrong.text()).toContain('AADSTS50011')
    const upn = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)?.userPrincipalName ?? ''
    entra.setAutoSignIn(upn)
    const posted = await (await fetch(authorizeUrl('x', 'form_post'))).text()
    expect(posted).toMatch(new RegExp(`<form method="post" action="${redirectUri}"><input type="hidden" name="code" value="[^"]+"><input type="hidden" name="client_info"`))
    expect(posted).toContain('name="state" value="st-1"')
    const redirected = await fetch(authorizeUrl('x', 'query'), { redirect: 'manual' })
    expect(redirected.status).toBe(302)
    expect(new URL(redirected.headers.get('location') ?? '').searchParams.get('state')).toBe('st-1')
  })

  it('redeems a code once, with the right verifier, for tokens whose ID token verifies against the keys', async () => {
    const upn = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)?.userPrincipalName ?? ''
    entra.setAutoSignIn(upn)
    const verifier = randomBytes(32).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const codeOf = async (): Promise<string> => new URL((await fetch(authorizeUrl(challenge, 'query', 'n-1'), { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? ''
    const badVerifier = await redeem(await codeOf(), 'not-the-verifier')
    expect(badVerifier.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] })
    const code = await codeOf()
    const tokens = await redeem(code, verifier)
    expect(tokens.status).toBe(200)
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) as string, client_info: expect.any(String) as string })
    expect(JSON.parse(Buffer.from(String(tokens.body.client_info), 'base64url').toString('utf8'))).toEqual({ uid: expect.any(String) as string, utid: entra.tenantId })
    const idToken = String(tokens.body.id_token)
    const idClaims = claimsOf(idToken)
    expect(idClaims).toMatchObject({ aud: entra.credentials.app.clientId, iss: `${entra.baseUrl}/${entra.tenantId}/v2.0`, preferred_username: upn, nonce: 'n-1', tid: entra.tenantId })
    const discovery = (await (await fetch(`${entra.baseUrl}/${entra.tenantDomain}/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string }
    expect(discovery.issuer).toBe(idClaims.iss)
    const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Array<{ kid: string } & Record<string, string>> }
    const [head, body, signature] = idToken.split('.')
    const kid = (JSON.parse(Buffer.from(head ?? '', 'base64url').toString('utf8')) as { kid: string }).kid
    const jwk = keys.find((key) => key.kid === kid)
    expect(createVerify('RSA-SHA256').update(`${head}.${body}`).verify(createPublicKey({ key: { kty: 'RSA', n: jwk?.n ?? '', e: jwk?.e ?? '' }, format: 'jwk' }), Buffer.from(signature ?? '', 'base64url'))).toBe(true)
    expect((await redeem(code, verifier)).body).toMatchObject({ error: 'invalid_grant', error_codes: [70008] })
    const refreshed = await fetch(`${entra.baseUrl}/${entra.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', client_id: entra.credentials.app.clientId, refresh_token: String(tokens.body.refresh_token) }) })
    expect(refreshed.status).toBe(200)
    const delegated = String(((await refreshed.json()) as Record<string, unknown>).access_token)
    expect((await graph('/users?$top=1&$select=id', { token: delegated })).status).toBe(200)
  })

  it('answers consent_required (AADSTS65001) for an app no admin consented to', async () => {
    const query = new URLSearchParams({ client_id: entra.credentials.unconsentedApp.clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid', state: 's', response_mode: 'query' })
    const answer = await fetch(`${entra.baseUrl}/${entra.tenantId}/oauth2/v2.0/authorize?${query.toString()}`, { redirect: 'manual' })
    const location = new URL(answer.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('consent_required')
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65001: /)
  })

  it('signs a partner tenant’s person in to the multi-tenant app at /organizations, with their tenant as issuer, and refuses them elsewhere (AADSTS50020)', async () => {
    const partner = [...entra.partnerTenant.users.values()][0]
    entra.setAutoSignIn(partner?.userPrincipalName ?? null)
    try {
      const query = (clientId: string): string => new URLSearchParams({ client_id: clientId, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile', state: 'st-9', response_mode: 'query', nonce: 'n-9' }).toString()
      const discovery = (await (await fetch(`${entra.baseUrl}/organizations/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string; authorization_endpoint: string }
      expect(discovery.issuer).toBe(`${entra.baseUrl}/{tenantid}/v2.0`)
      const answer = await fetch(`${discovery.authorization_endpoint}?${query(entra.credentials.app.clientId)}`, { redirect: 'manual' })
      const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? ''
      const tokens = await fetch(`${entra.baseUrl}/organizations/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', client_id: entra.credentials.app.clientId, client_secret: entra.credentials.app.clientSecret, code, redirect_uri: redirectUri }) })
      const idToken = String(((await tokens.json()) as { id_token?: string }).id_token)
      const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss: string; tid: string }
      expect(claims).toMatchObject({ iss: `${entra.baseUrl}/${entra.partnerTenant.tenantId}/v2.0`, tid: entra.partnerTenant.tenantId })
      // A single-tenant app, or the home tenant's own endpoint: not for partners.
      for (const url of [`${entra.baseUrl}/organizations/oauth2/v2.0/authorize?${query(entra.credentials.limitedApp.clientId)}`, `${entra.baseUrl}/${entra.tenantId}/oauth2/v2.0/authorize?${query(entra.credentials.app.clientId)}`]) {
        const refused = await fetch(url, { redirect: 'manual' })
        expect(refused.status).toBe(401)
        expect(await refused.text()).toContain(`AADSTS50020: User account &#39;${partner?.userPrincipalName ?? ''}&#39; from identity provider does not exist in tenant`)
      }
    } finally {
      entra.setAutoSignIn(null)
    }
  })
})
