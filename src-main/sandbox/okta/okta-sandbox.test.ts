/**
 * The Okta sandbox over real sockets, against what okta.md says Okta does: cursor paging with
 * absolute Link headers (edges at exactly 200, 201 and 0), DEPROVISIONED hidden from plain lists,
 * filter/search/q semantics and E0000031, users/groups/apps shapes, and each auth answer.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOktaSandbox, type OktaSandbox } from '.'

let okta: OktaSandbox
beforeAll(async () => {
  okta = await startOktaSandbox()
})
afterAll(async () => {
  await okta.close()
})

type Loose = Record<string, unknown>

interface Answer {
  status: number
  headers: Headers
  body: unknown
  links: { self?: string; next?: string }
}

async function get(path: string, authorization: string | null = `SSWS ${okta.credentials.apiToken}`): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${okta.orgUrl}${path}`
  const response = await fetch(url, { headers: authorization === null ? {} : { Authorization: authorization } })
  const text = await response.text()
  const links: Answer['links'] = {}
  for (const match of (response.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)) links[match[2] as 'self' | 'next'] = match[1]
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown), links }
}

async function list(path: string, authorization?: string): Promise<Loose[]> {
  const answer = await get(path, authorization)
  expect(answer.status).toBe(200)
  return answer.body as Loose[]
}

/** Follows next links to the end; answers every item and the page sizes. */
async function all(path: string): Promise<{ items: Loose[]; pages: number[] }> {
  const items: Loose[] = []
  const pages: number[] = []
  let next: string | undefined = path
  while (next) {
    const answer = await get(next)
    expect(answer.status).toBe(200)
    const page = answer.body as Loose[]
    items.push(...page)
    pages.push(page.length)
    next = answer.links.next
  }
  return { items, pages }
}

const q = (text: string): string => encodeURIComponent(text)

describe('paging', () => {
  it('pages users 200 at a time by id cursor, with absolute self and next links, and no next on the last page', async () => {
    const { items, pages } = await all('/api/v1/users')
    expect(items).toHaveLength(okta.truth().listedUsers)
    expect(pages[0]).toBe(200)
    const ids = items.map((user) => String(user.id))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    const first = await get('/api/v1/users')
    expect(first.links.self).toBe(`${okta.orgUrl}/api/v1/users`)
    expect(first.links.next).toBe(`${okta.orgUrl}/api/v1/users?after=${ids[199] ?? ''}`)
  })

  it('sends self and next as separate Link header lines', async () => {
    const rawHeaders = await new Promise<string[]>((resolve, reject) => {
      request(`${okta.orgUrl}/api/v1/users?limit=2`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } }, (response) => {
        response.resume()
        resolve(response.rawHeaders)
      })
        .on('error', reject)
        .end()
    })
    const links = rawHeaders.filter((_, index) => index % 2 === 1 && rawHeaders[index - 1]?.toLowerCase() === 'link')
    expect(links).toHaveLength(2)
    expect(links[0]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\?limit=2>; rel="self"$/)
    expect(links[1]).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\?after=00u\w{17}&limit=2>; rel="next"$/)
  })

  it('has no next when exactly 200 remain, a next to one more when 201 remain, and an empty page after the last id', async () => {
    const ids = (await all('/api/v1/users')).items.map((user) => String(user.id))
    const exactly200 = await get(`/api/v1/users?after=${ids[ids.length - 201] ?? ''}`)
    expect(exactly200.body).toHaveLength(200)
    expect(exactly200.links.next).toBeUndefined()
    const with201 = await get(`/api/v1/users?after=${ids[ids.length - 202] ?? ''}`)
    expect(with201.body).toHaveLength(200)
    const rest = await get(with201.links.next ?? '')
    expect((rest.body as Loose[]).map((user) => user.id)).toEqual([ids[ids.length - 1]])
    expect(rest.links.next).toBeUndefined()
    const none = await get(`/api/v1/users?after=${ids[ids.length - 1] ?? ''}`)
    expect(none.body).toEqual([])
    expect(none.links).toEqual({ self: `${okta.orgUrl}/api/v1/users?after=${ids[ids.length - 1] ?? ''}` })
    const noMatch = await get(`/api/v1/users?filter=${q('profile.login eq "nobody@northwind.example"')}`)
    expect(noMatch.body).toEqual([])
    expect(noMatch.links.next).toBeUndefined()
  })

  it('caps limit at the maximum and keeps the query in next links, spaces as %20', async () => {
    expect(await list('/api/v1/users?limit=5000')).toHaveLength(200)
    const filtered = await get(`/api/v1/users?limit=3&filter=${q('status eq "ACTIVE"')}`)
    expect(filtered.links.next).toMatch(/\?after=00u\w{17}&limit=3&filter=status%20eq%20%22ACTIVE%22$/)
    expect((await all(`/api/v1/apps?limit=5`)).pages).toEqual([5, 5, 2])
    expect(await list('/api/v1/apps')).toHaveLength(12)
  })
})

describe('which users a list shows', () => {
  it('hides DEPROVISIONED people from a plain list and q, and includes them with filter and search', async () => {
    const truth = okta.truth()
    expect(truth.statusCounts.DEPROVISIONED).toBeGreaterThan(0)
    const plain = (await all('/api/v1/users')).items
    expect(plain.some((user) => user.status === 'DEPROVISIONED')).toBe(false)
    const filtered = (await all(`/api/v1/users?filter=${q('status eq "DEPROVISIONED"')}`)).items
    expect(filtered).toHaveLength(truth.statusCounts.DEPROVISIONED)
    const searched = (await all(`/api/v1/users?search=${q('status eq "deprovisioned"')}`)).items
    expect(searched).toHaveLength(truth.statusCounts.DEPROVISIONED)
    const everyStatus = ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'].map((status) => `status eq "${status}"`).join(' or ')
    expect((await all(`/api/v1/users?filter=${q(everyStatus)}`)).items).toHaveLength(truth.users)
    const deprovisioned = filtered[0]?.profile as Loose
    expect(await list(`/api/v1/users?q=${q(String(deprovisioned.email))}`)).toEqual([])
  })
})

describe('filter, search and q', () => {
  it('filters exactly (case-sensitive values, operators not), with and/or and lastUpdated ranges', async () => {
    const [someone] = await list('/api/v1/users?limit=1')
    const profile = someone?.profile as Loose
    const byLogin = await list(`/api/v1/users?filter=${q(`profile.login EQ "${String(profile.login)}"`)}`)
    expect(byLogin.map((user) => user.id)).toEqual([someone?.id])
    expect(await list(`/api/v1/users?filter=${q(`profile.login eq "${String(profile.login).toUpperCase()}"`)}`)).toEqual([])
    expect(await list(`/api/v1/users?filter=${q('status eq "active"')}`)).toEqual([])
    const either = await list(`/api/v1/users?filter=${q(`id eq "${String(someone?.id)}" or (status eq "LOCKED_OUT" and profile.lastName eq "${String(profile.lastName)}")`)}`)
    expect(either.map((user) => user.id)).toContain(someone?.id)
    const since = (await all(`/api/v1/users?filter=${q('lastUpdated gt "2026-10-01T00:00:00.000Z" and lastUpdated le "2026-10-31T12:00:00.000Z"')}`)).items
    expect(since.length).toBeGreaterThan(0)
    expect(since.every((user) => String(user.lastUpdated) > '2026-10-01T00:00:00.000Z')).toBe(true)
  })

  it('answers 400 E0000031 to expressions Okta refuses', async () => {
    for (const filter of ['profile.department eq "IT"', 'status ne "ACTIVE"', 'not (status eq "ACTIVE")', 'status eq "ACTIVE', 'status eq ACTIVE', 'lastUpdated gt "yesterday"', 'status sw "ACT"', '(status eq "ACTIVE"', 'status eq "ACTIVE" and']) {
      const answer = await get(`/api/v1/users?filter=${q(filter)}`)
      expect(answer.status, filter).toBe(400)
      expect(Object.keys(answer.body as Loose)).toEqual(['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'])
      expect(answer.body).toMatchObject({ errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorLink: 'E0000031', errorCauses: [] })
    }
    expect((await get(`/api/v1/users?search=${q('profile.department co "IT"')}`)).status).toBe(400)
    expect((await get(`/api/v1/groups?filter=${q('profile.name eq "Everyone"')}`)).status).toBe(400)
    expect((await get(`/api/v1/apps?filter=${q('label eq "Slack"')}`)).status).toBe(400)
  })

  it('searches any profile attribute with sw/eq/co, ignoring case, beyond ASCII too', async () => {
    const it = (await all(`/api/v1/users?search=${q('profile.department eq "it"')}`)).items
    expect(it.length).toBeGreaterThan(20)
    expect(it.every((user) => (user.profile as Loose).department === 'IT')).toBe(true)
    const krakow = (await all(`/api/v1/users?search=${q('profile.city eq "KRAKÓW"')}`)).items
    expect(krakow.length).toBeGreaterThan(0)
    expect(krakow.every((user) => (user.profile as Loose).city === 'Kraków')).toBe(true)
    const sw = await list(`/api/v1/users?search=${q('profile.lastName sw "o\'b"')}`)
    expect(sw.every((user) => String((user.profile as Loose).lastName).toLowerCase().startsWith("o'b"))).toBe(true)
    const co = (await all(`/api/v1/users?search=${q('profile.email co "SMITH"')}`)).items
    expect(co.length).toBeGreaterThan(0)
    expect(co.every((user) => String((user.profile as Loose).email).toLowerCase().includes('smith'))).toBe(true)
    const noTitle = (await all(`/api/v1/users?search=${q('profile.title pr')}`)).items
    expect(noTitle.length).toBeLessThan(okta.truth().users)
  })

  it('answers q with a starts-with on first name, last name or email, 10 by default', async () => {
    const page = await get(`/api/v1/users?q=${q('o')}`)
    const users = page.body as Loose[]
    expect(users).toHaveLength(10)
    expect(page.links.next).toBeDefined()
    for (const user of users) {
      const profile = user.profile as Loose
      expect([profile.firstName, profile.lastName, profile.email].some((value) => String(value).toLowerCase().startsWith('o'))).toBe(true)
    }
  })
})

describe('users', () => {
  it('answers a user by id with lifecycle links, by login (any case) too, and me as the token owner', async () => {
    const [listed] = await list(`/api/v1/users?limit=1&filter=${q('status eq "ACTIVE"')}`)
    expect(Object.keys(listed?._links as Loose)).toEqual(['self'])
    const byId = await get(`/api/v1/users/${String(listed?.id)}`)
    const links = (byId.body as Loose)._links as Record<string, { href: string; method?: string }>
    expect(Object.keys(links)).toEqual(expect.arrayContaining(['self', 'suspend', 'deactivate', 'resetPassword', 'expirePassword', 'changePassword', 'schema', 'type']))
    expect(links.suspend).toEqual({ href: `${okta.orgUrl}/api/v1/users/${String(listed?.id)}/lifecycle/suspend`, method: 'POST' })
    const login = String((listed?.profile as Loose).login)
    expect(((await get(`/api/v1/users/${encodeURIComponent(login.toUpperCase())}`)).body as Loose).id).toBe(listed?.id)
    const me = (await get('/api/v1/users/me')).body as Loose
    expect((me.profile as Loose).login).toBe(okta.truth().superAdmin)
    const helpDesk = (await get('/api/v1/users/me', `SSWS ${okta.credentials.readOnlyToken}`)).body as Loose
    expect((helpDesk.profile as Loose).login).toBe(okta.truth().helpDeskAdmin)
  })

  it('gives a DEPROVISIONED user activate and delete links and null dates where Okta has them', async () => {
    const [gone] = await list(`/api/v1/users?limit=1&filter=${q('status eq "DEPROVISIONED"')}`)
    const full = (await get(`/api/v1/users/${String(gone?.id)}`)).body as Loose
    expect(Object.keys(full._links as Loose).sort()).toEqual(['activate', 'delete', 'resetFactors', 'schema', 'self', 'type'])
    expect(full.passwordChanged).toBeNull()
    const staged = (await list(`/api/v1/users?filter=${q('status eq "STAGED"')}`))[0]
    expect(staged).toMatchObject({ activated: null, statusChanged: null, lastLogin: null, passwordChanged: null })
    expect(String(staged?.created)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('answers 404 E0000007 for an unknown user, group or app', async () => {
    const user = await get('/api/v1/users/00u000000000000000xx')
    expect(user.status).toBe(404)
    expect(user.body).toMatchObject({ errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: 00u000000000000000xx (User)', errorLink: 'E0000007', errorCauses: [] })
    expect(((await get('/api/v1/groups/00gnope/users')).body as Loose).errorSummary).toBe('Not found: Resource not found: 00gnope (UserGroup)')
    expect(((await get('/api/v1/apps/0oanope')).body as Loose).errorSummary).toBe('Not found: Resource not found: 0oanope (AppInstance)')
  })

  it('lists a user’s groups, Everyone included, with full group objects', async () => {
    const me = (await get('/api/v1/users/me')).body as Loose
    const answer = await get(`/api/v1/users/${String(me.id)}/groups`)
    const groups = answer.body as Loose[]
    expect(groups.map((group) => (group.profile as Loose).name)).toEqual(expect.arrayContaining(['Everyone', 'Halo Agents', 'Department - IT']))
    expect(groups.map((group) => group.id)).toEqual(okta.store.groupsOf(String(me.id)))
    expect(answer.links.self).toBe(`${okta.orgUrl}/api/v1/users/${String(me.id)}/groups`)
  })
})

describe('groups and apps', () => {
  it('has the BUILT_IN Everyone, OKTA_GROUPs and AD APP_GROUPs with a source, and member counts with expand=stats', async () => {
    const groups = (await all('/api/v1/groups?expand=stats')).items
    expect(groups).toHaveLength(okta.truth().groups)
    const everyone = groups.find((group) => group.type === 'BUILT_IN')
    expect(everyone?.profile).toEqual({ name: 'Everyone', description: 'All users in your organization' })
    expect(((everyone?._embedded as Loose).stats as Loose).usersCount).toBe(okta.truth().users)
    const ad = groups.find((group) => group.type === 'APP_GROUP')
    expect(ad?.objectClass).toEqual(['okta:windows_security_principal'])
    expect(Object.keys(ad?.profile as Loose)).toEqual(expect.arrayContaining(['samAccountName', 'dn', 'objectSid', 'windowsDomainQualifiedName']))
    expect(((ad?._links as Loose).source as Loose).href).toMatch(/\/api\/v1\/apps\/0oa\w{17}$/)
    const appGroups = await list(`/api/v1/groups?filter=${q('type eq "APP_GROUP"')}&expand=app`)
    expect(appGroups).toHaveLength(okta.truth().groupTypes.APP_GROUP)
    expect(((appGroups[0]?._embedded as Loose).app as Loose).name).toBe('active_directory')
    const halo = await get(`/api/v1/groups?q=${q('halo')}`)
    expect((halo.body as Loose[]).map((group) => (group.profile as Loose).name).sort()).toEqual(['Halo Administrators', 'Halo Agents', 'Halo Portal Users'])
    expect(halo.links.next).toBeUndefined()
    expect((await list(`/api/v1/groups?search=${q('profile.name sw "department - "')}`)).length).toBe(10)
  })

  it('lists a group’s members exactly as stored, 1000 by default', async () => {
    const [agents] = await list(`/api/v1/groups?q=${q('Halo Agents')}`)
    const members = await list(`/api/v1/groups/${String(agents?.id)}/users`)
    expect(members.map((user) => user.id)).toEqual(okta.store.membersOf(String(agents?.id)))
    expect(Object.keys(members[0]?._links as Loose)).toEqual(['self'])
  })

  it('lists apps by user and group assignment, their users (scope USER or GROUP) and their groups', async () => {
    const [halo] = await list(`/api/v1/apps?q=${q('Halo')}`)
    expect(halo).toMatchObject({ label: 'Halo ITSM', signOnMode: 'SAML_2_0', status: 'ACTIVE' })
    const users = (await all(`/api/v1/apps/${String(halo?.id)}/users`)).items
    expect(users.map((user) => user.id)).toEqual(okta.store.appUsersOf(String(halo?.id)))
    expect(new Set(users.map((user) => user.scope))).toEqual(new Set(['USER', 'GROUP']))
    const viaGroup = users.find((user) => user.scope === 'GROUP')
    expect(((viaGroup?._links as Loose).group as Loose).name).toMatch(/^Halo (Agents|Portal Users)$/)
    const firstPage = await get(`/api/v1/apps/${String(halo?.id)}/users?expand=user`)
    expect(firstPage.body).toHaveLength(50)
    expect(((firstPage.body as Loose[])[0]?._embedded as Loose).user).toBeDefined()
    expect(firstPage.links.next).not.toContain('expand')
    const groups = await list(`/api/v1/apps/${String(halo?.id)}/groups`)
    expect(groups.map((group) => group.priority)).toEqual(expect.arrayContaining([0, 1]))
    const me = (await get('/api/v1/users/me')).body as Loose
    const mine = await list(`/api/v1/apps?filter=${q(`user.id eq "${String(me.id)}"`)}`)
    expect(mine.map((app) => app.label)).toEqual(expect.arrayContaining(['Halo ITSM', 'Okta Admin Console']))
    const byGroup = await list(`/api/v1/apps?filter=${q(`group.id eq "${String((groups[0] as Loose).id)}"`)}`)
    expect(byGroup.map((app) => app.label)).toContain('Halo ITSM')
    const inactive = await list(`/api/v1/apps?filter=${q('status eq "INACTIVE"')}`)
    expect(inactive.map((app) => app.label)).toEqual(['Legacy Expenses'])
  })
})

describe('auth and errors', () => {
  it('answers 403 E0000005 without a usable Authorization header and 401 E0000011 for an unknown token', async () => {
    for (const header of [null, 'Basic dXNlcjpwYXNz', 'SSWS', `SSWS  ${okta.credentials.apiToken} extra`]) {
      const answer = await get('/api/v1/users/me', header)
      expect(answer.status, String(header)).toBe(403)
      expect(answer.body).toMatchObject({ errorCode: 'E0000005', errorSummary: 'Invalid session' })
    }
    for (const header of ['SSWS 00notARealToken', 'Bearer eyJnotarealtoken']) {
      const answer = await get('/api/v1/users/me', header)
      expect(answer.status).toBe(401)
      expect(answer.body).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorCauses: [] })
      expect(String((answer.body as Loose).errorId)).toMatch(/^oae\w{22}$/)
    }
  })

  it('lets the help-desk token read users but answers 403 E0000006 for groups and apps', async () => {
    const token = `SSWS ${okta.credentials.readOnlyToken}`
    expect((await get('/api/v1/users?limit=1', token)).status).toBe(200)
    for (const path of ['/api/v1/groups', '/api/v1/apps', '/api/v1/groups/00g0000/users']) {
      const answer = await get(path, token)
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' })
    }
  })

  it('tolerates a leading //, routes exactly, and sends Okta’s headers on every answer', async () => {
    const answer = await get('//api/v1/users?limit=1')
    expect(answer.status).toBe(200)
    expect(answer.links.self).toBe(`${okta.orgUrl}/api/v1/users?limit=1`)
    for (const path of ['/api/v1/users?limit=1', '/api/v1/users/nobody', '/api/v1/users/', '/api/v1/people']) {
      const response = await get(path)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(response.headers.get('x-okta-request-id')).toMatch(/^\w{20,}$/)
    }
    expect((await get('/api/v1/users/')).status).toBe(404)
    const post = await fetch(`${okta.orgUrl}/api/v1/users`, { method: 'POST', headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })
    expect(post.status).toBe(405)
    expect(await post.json()).toMatchObject({ errorCode: 'E0000022' })
  })
})
