/**
 * The Okta org generator: the same seed makes the same org (ids, profiles, memberships), its truth
 * matches what the API answers, large orgs page where Okta pages them (a user in more than 200
 * groups, a group of more than 1,000), and the org overlaps the Halo sandbox's company as designed.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/helpers/temp-workspace'
import { demoEmailDomain } from '../halo/demo-company'
import { personAt } from '../shared/people'
import { startOktaSandbox, type OktaSandbox, type OktaSandboxOptions } from '.'
import { haloDemoAgents, haloDemoUsers, planPeople } from './demo-people'
import { oktaUserStatuses } from '../../../src-shared/okta-statuses'

const running: OktaSandbox[] = []
const folders: string[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

async function start(options: OktaSandboxOptions = {}): Promise<OktaSandbox> {
  const sandbox = await startOktaSandbox(options)
  running.push(sandbox)
  return sandbox
}

type Loose = Record<string, unknown>

async function pages(okta: OktaSandbox, path: string): Promise<{ items: Loose[]; sizes: number[] }> {
  const items: Loose[] = []
  const sizes: number[] = []
  let next: string | undefined = `${okta.orgUrl}${path}`
  while (next) {
    const response: Response = await fetch(next, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })
    expect(response.status).toBe(200)
    const page = (await response.json()) as Loose[]
    items.push(...page)
    sizes.push(page.length)
    next = /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')?.[1]
  }
  return { items, sizes }
}

describe('the generator', () => {
  it('makes the same org from the same seed, and keeps it in its file', async () => {
    const dir = tempDir('okta-sandbox-')
    folders.push(dir)
    const options = { seed: 7, people: 1500, groups: 80 }
    const first = await start({ ...options, file: path.join(dir, 'a.sqlite') })
    const second = await start({ ...options, file: path.join(dir, 'b.sqlite') })
    expect(first.truth()).toEqual(second.truth())
    const ids = first.store.userIds()
    expect(second.store.userIds()).toEqual(ids)
    for (const id of [ids[0], ids[700], ids[ids.length - 1]]) expect(second.store.user(String(id))).toEqual(first.store.user(String(id)))
    const group = first.store.groupByName('Halo Agents')
    expect(second.store.membersOf(String(group?.id))).toEqual(first.store.membersOf(String(group?.id)))
    expect(first.credentials.apiToken).toBe(second.credentials.apiToken)
    const other = await start({ seed: 8, people: 1500, groups: 80 })
    expect(other.store.userIds()).not.toEqual(ids)
    await first.close()
    running.splice(running.indexOf(first), 1)
    const reopened = await start({ file: path.join(dir, 'a.sqlite'), people: 10 })
    expect(reopened.truth()).toEqual(second.truth())
    expect(reopened.credentials.serviceApp.keyId).toBe(first.credentials.serviceApp.keyId)
  })

  it('tells the truth: statuses, memberships and members as the API answers them', async () => {
    const okta = await start({ people: 2500, groups: 300 })
    const truth = okta.truth()
    expect(truth.users).toBe(2500)
    expect(Object.values(truth.statusCounts).reduce((a, b) => a + b, 0)).toBe(2500)
    for (const status of oktaUserStatuses) expect(truth.statusCounts[status], status).toBeGreaterThan(0)
    expect(truth.statusCounts.ACTIVE / truth.users).toBeGreaterThan(0.8)
    for (const status of ['DEPROVISIONED', 'STAGED', 'LOCKED_OUT'] as const) {
      expect((await pages(okta, `/api/v1/users?search=${encodeURIComponent(`status eq "${status}"`)}`)).items).toHaveLength(truth.statusCounts[status])
    }
    const groups = (await pages(okta, '/api/v1/groups?expand=stats')).items
    expect(groups).toHaveLength(300)
    const counted = groups.reduce((sum, group) => sum + Number(((group._embedded as Loose).stats as Loose).usersCount), 0)
    expect(counted).toBe(truth.memberships)
    expect(truth.memberships / truth.users).toBeGreaterThan(5)
    // Everyone: more than 1,000 members, so its members come in pages of 1,000.
    const everyone = groups.find((group) => group.type === 'BUILT_IN')
    const members = await pages(okta, `/api/v1/groups/${String(everyone?.id)}/users`)
    expect(members.sizes).toEqual([1000, 1000, 500])
    expect(members.items.map((user) => user.id)).toEqual(okta.store.membersOf(String(everyone?.id)))
    // The super admin belongs to every generated group: more than 200, so their groups page at 200.
    const me = (await (await fetch(`${okta.orgUrl}/api/v1/users/me`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })).json()) as Loose
    const mine = await pages(okta, `/api/v1/users/${String(me.id)}/groups`)
    expect(mine.sizes[0]).toBe(200)
    expect(mine.items.map((group) => group.id)).toEqual(okta.store.groupsOf(String(me.id)))
  })

  it('describes the Halo sandbox’s company: its agents, most of its users (some changed), and people Halo lacks', async () => {
    const okta = await start()
    const truth = okta.truth()
    const seed = truth.seed
    expect(truth.users).toBe(340)
    expect(truth.groups).toBeGreaterThanOrEqual(30)
    expect(truth.halo.sharedAgents).toBe(haloDemoAgents - 1)
    expect(truth.halo.sharedUsers + truth.halo.haloOnlyUsers).toBe(haloDemoUsers)
    expect(truth.halo.haloOnlyUsers).toBeGreaterThan(5)
    expect(truth.halo.oktaOnly).toBeGreaterThan(10)
    let found = 0
    for (let index = 0; index < haloDemoUsers; index += 1) {
      const login = `${personAt(seed, index).login}@${demoEmailDomain}`
      if (okta.store.userByLogin(login)) found += 1
    }
    expect(found).toBe(truth.halo.sharedUsers)
    expect(okta.store.userByLogin(`${personAt(seed, 900_001).login}@${demoEmailDomain}`)).not.toBeNull()
    const changes = new Set(truth.halo.changed.map((change) => change.change))
    expect(changes.size).toBeGreaterThanOrEqual(4)
    const retitled = truth.halo.changed.find((change) => change.change === 'title')
    const profile = okta.store.userByLogin(retitled?.login ?? '')?.profile as Loose
    expect(String(profile.title)).toMatch(/^Senior /)
    const recased = truth.halo.changed.find((change) => change.change === 'emailCase')
    if (recased) expect((okta.store.userByLogin(recased.login)?.profile as Loose).email).not.toBe(recased.login)
    const names = okta.store.userIds().map((id) => okta.store.user(id)?.profile as Loose)
    expect(names.some((person) => String(person.displayName).length > 60)).toBe(true)
    expect(names.some((person) => /[^\p{ASCII}]/u.test(String(person.lastName)))).toBe(true)
    expect(planPeople(seed, 340).map((person) => person.login)).toEqual(expect.arrayContaining([truth.superAdmin, truth.helpDeskAdmin]))
  })

  it('generates the largest org it offers, 100,000 people and 5,000 groups, and serves it', async () => {
    const okta = await start({ people: 100_000, groups: 5_000, seed: 11 })
    const truth = okta.truth()
    expect(truth.users).toBe(100_000)
    expect(truth.groups).toBe(5_000)
    expect(okta.store.count('okta_membership')).toBe(truth.memberships)
    const response = await fetch(`${okta.orgUrl}/api/v1/groups?limit=200&expand=stats&filter=${encodeURIComponent('type eq "BUILT_IN"')}`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })
    const [everyone] = (await response.json()) as Array<{ _embedded: { stats: { usersCount: number } } }>
    expect(everyone?._embedded.stats.usersCount).toBe(100_000)
  }, 120_000)
})
