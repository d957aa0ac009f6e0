/**
 * Fills an empty Okta sandbox with its org, from a seed: the people (demo-people.ts) as Okta users
 * with realistic profiles and dates, the groups and memberships (demo-groups.ts), the apps and who is
 * assigned to them (demo-apps.ts). The default is a demo org of a few hundred people; the same code
 * generates 100,000 people and 5,000 groups in one SQLite transaction. It returns — and keeps in the
 * file — the generator's truth (counts per status, memberships…), which tests compare with the API.
 */
import { adDomain, activeDirectoryAppId, demoApps, type DemoApp } from './demo-apps'
import { demoGroups, generatedGroup, type DemoGroup } from './demo-groups'
import { haloDemoUsers, orgNow, planPeople, type HaloChange, type Location, type PlannedPerson } from './demo-people'
import { oktaId } from './okta-ids'
import { oktaUserStatuses, type OktaUserStatus } from '../../../src-shared/okta-statuses'
import type { Json, OktaStore } from './okta-store'

export interface OktaOrgOptions {
  seed: number
  people: number
  /** Groups in all; beyond the demo org's own (~35), generated project groups. */
  groups: number
  /** Average memberships per person, Everyone not counted; generated groups make up the difference (at least one each when there are any). */
  membershipsPerPerson: number
}

export interface OktaOrgTruth {
  seed: number
  users: number
  statusCounts: Record<OktaUserStatus, number>
  /** Users a plain list shows (every status but DEPROVISIONED). */
  listedUsers: number
  groups: number
  groupTypes: Record<'BUILT_IN' | 'OKTA_GROUP' | 'APP_GROUP', number>
  memberships: number
  apps: number
  appAssignments: number
  /** How the org overlaps the Halo sandbox of the same seed (its 300 demo users and 25 agents). */
  halo: { sharedUsers: number; sharedAgents: number; haloOnlyUsers: number; oktaOnly: number; changed: Array<{ login: string; change: HaloChange }> }
  /** Owners of the API tokens (logins). */
  superAdmin: string
  helpDeskAdmin: string
}

export interface OrgIds {
  orgId: string
  userTypeId: string
  realmId: string
  schemaId: string
}

export function orgIds(seed: number): OrgIds {
  return { orgId: oktaId('00o', seed, 'org'), userTypeId: oktaId('oty', seed, 'user-type'), realmId: oktaId('guo', seed, 'realm'), schemaId: oktaId('osc', seed, 'schema') }
}

const places: Record<Location, { city: string | null; countryCode: string; locale: string; timezone: string; preferredLanguage: string }> = {
  London: { city: 'London', countryCode: 'GB', locale: 'en_GB', timezone: 'Europe/London', preferredLanguage: 'en' },
  Manchester: { city: 'Manchester', countryCode: 'GB', locale: 'en_GB', timezone: 'Europe/London', preferredLanguage: 'en' },
  Leeds: { city: 'Leeds', countryCode: 'GB', locale: 'en_GB', timezone: 'Europe/London', preferredLanguage: 'en' },
  Edinburgh: { city: 'Edinburgh', countryCode: 'GB', locale: 'en_GB', timezone: 'Europe/London', preferredLanguage: 'en' },
  Remote: { city: null, countryCode: 'GB', locale: 'en_GB', timezone: 'Europe/London', preferredLanguage: 'en' },
  Dublin: { city: 'Dublin', countryCode: 'IE', locale: 'en_IE', timezone: 'Europe/Dublin', preferredLanguage: 'en' },
  Kraków: { city: 'Kraków', countryCode: 'PL', locale: 'pl_PL', timezone: 'Europe/Warsaw', preferredLanguage: 'pl' }
}
const divisions: Record<string, string> = {
  Finance: 'Corporate Services',
  'Human Resources': 'Corporate Services',
  Legal: 'Corporate Services',
  IT: 'Technology',
  Engineering: 'Technology',
  Sales: 'Commercial',
  Marketing: 'Commercial',
  'Customer Service': 'Commercial',
  Operations: 'Operations',
  Facilities: 'Operations'
}

const day = 86_400_000
const iso = (ms: number): string => new Date(Math.round(ms)).toISOString()

/** The Okta user (without _links) for a planned person; `manager` is their department's first person. */
export function userJson(person: PlannedPerson, ids: OrgIds, manager: PlannedPerson | null): Json & { id: string; status: OktaUserStatus; lastUpdated: string; profile: Json } {
  const random = person.random
  const start = Date.UTC(2019, 5, 1)
  const created = start + random.next() * (orgNow - 30 * day - start)
  const later = (from: number, upTo = orgNow): number => from + random.next() * Math.max(0, upTo - from)
  const status = person.status
  let activated: number | null = created + random.int(1_000, 90_000)
  let statusChanged: number | null = activated
  let lastLogin: number | null = random.chance(0.85) ? orgNow - random.next() * 60 * day : null
  let passwordChanged: number | null = later(activated)
  if (status === 'STAGED') activated = statusChanged = lastLogin = passwordChanged = null
  if (status === 'PROVISIONED') lastLogin = passwordChanged = null
  if (status === 'DEPROVISIONED') {
    statusChanged = later(created)
    if (random.chance(0.5)) activated = null
    lastLogin = lastLogin !== null && random.chance(0.5) ? later(created, statusChanged) : null
    passwordChanged = null
  } else if (status !== 'ACTIVE' && status !== 'STAGED' && status !== 'PROVISIONED' && activated !== null) statusChanged = later(activated)
  if (lastLogin !== null && activated !== null && lastLogin < activated) lastLogin = later(activated)
  const latest = Math.max(created, activated ?? 0, statusChanged ?? 0, lastLogin ?? 0, passwordChanged ?? 0)
  const lastUpdated = Math.min(orgNow, latest + random.int(0, 5) * day + random.int(0, 86_399_999))

  const place = places[person.location]
  const profile: Json = {
    firstName: person.firstName,
    lastName: person.lastName,
    mobilePhone: person.mobilePhone,
    secondEmail: null,
    login: person.login,
    email: person.email,
    displayName: person.displayName
  }
  if (person.title !== null) profile.title = person.title
  profile.department = person.department
  profile.division = divisions[person.department] ?? 'Operations'
  profile.organization = 'Northwind Traders'
  if (person.userType === 'Employee') profile.costCenter = `CC-${100 + ((person.index + 1) % 40)}`
  profile.employeeNumber = person.person.employeeNumber
  profile.userType = person.userType
  if (manager && manager !== person) {
    profile.manager = manager.displayName
    profile.managerId = manager.person.employeeNumber
  }
  profile.primaryPhone = person.primaryPhone
  profile.city = place.city
  profile.countryCode = place.countryCode
  profile.locale = place.locale
  profile.timezone = place.timezone
  profile.preferredLanguage = place.preferredLanguage

  const hasPassword = status !== 'STAGED' && status !== 'PROVISIONED' && status !== 'DEPROVISIONED'
  const provider =
    person.provider === 'ACTIVE_DIRECTORY' ? { type: 'ACTIVE_DIRECTORY', name: adDomain } : person.provider === 'IMPORT' ? { type: 'IMPORT', name: 'IMPORT' } : { type: 'OKTA', name: 'OKTA' }
  const credentials: Json = {}
  if (hasPassword) credentials.password = {}
  if (status !== 'DEPROVISIONED') credentials.emails = [{ value: person.email, status: status === 'STAGED' || status === 'PROVISIONED' ? 'UNVERIFIED' : 'VERIFIED', type: 'PRIMARY' }]
  credentials.provider = provider

  return {
    id: userId(ids, person.index),
    status,
    created: iso(created),
    activated: activated === null ? null : iso(activated),
    statusChanged: statusChanged === null ? null : iso(statusChanged),
    lastLogin: lastLogin === null ? null : iso(lastLogin),
    lastUpdated: iso(lastUpdated),
    passwordChanged: passwordChanged === null ? null : iso(passwordChanged),
    realmId: ids.realmId,
    type: { id: ids.userTypeId },
    profile,
    credentials
  }
}

/** Fills an empty store with the org; returns the truth (also kept in the store's meta). */
export function seedOktaOrg(store: OktaStore, options: OktaOrgOptions, keys: { service: Json; limitedService: Json }): OktaOrgTruth {
  const { seed } = options
  const ids = orgIds(seed)
  const people = planPeople(seed, options.people)
  const groups = demoGroups(seed, activeDirectoryAppId(seed))
  const generatedCount = Math.max(0, options.groups - groups.length)
  const generated: DemoGroup[] = Array.from({ length: generatedCount }, (_, n) => generatedGroup(seed, n, groups.length + n))
  const apps = demoApps(seed, ids.orgId, keys)
  const groupIds = new Map(groups.map((group) => [group.key, group.json.id]))
  const statusCounts = Object.fromEntries(oktaUserStatuses.map((status) => [status, 0])) as Record<OktaUserStatus, number>
  const changed: OktaOrgTruth['halo']['changed'] = []
  const admin = people.find((person) => person.source === 'halo-agent' && person.index === 900_001) ?? people[0]
  const helpDesk = people.find((person) => person.source === 'halo-agent' && person.index === 900_002) ?? people[1] ?? admin
  // Each department's manager is its first person in the plan.
  const managers = new Map<string, PlannedPerson>()
  for (const person of people) if (!managers.has(person.department)) managers.set(person.department, person)
  // People are written in id order, so every group's and app's rows come out in key order too:
  // B-tree appends rather than random inserts (100,000 people in seconds). Draws are per person,
  // so the order changes nothing else.
  const ordered = people.map((person) => ({ person, id: userId(ids, person.index) })).sort((a, b) => compare(a.id, b.id))
  const members = new Map<string, string[]>([...groups, ...generated].map((group) => [group.json.id, []]))
  const assignments = new Map<string, Assignment[]>(apps.map((app) => [app.json.id, []]))
  let appAssignments = 0

  store.transaction(() => {
    for (const app of apps) {
      store.addApp(app.json)
      for (const [priority, key] of (app.groups ?? []).entries()) store.assignGroup(app.json.id, groupIds.get(key) ?? '', priority, app.json.lastUpdated as string)
    }
    const batch: Array<ReturnType<typeof userJson>> = []
    for (const { person, id } of ordered) {
      const user = userJson(person, ids, managers.get(person.department) ?? null)
      batch.push(user)
      if (batch.length >= 500) store.addUsers(batch.splice(0))
      statusCounts[person.status] += 1
      if (person.change) changed.push({ login: person.login, change: person.change })
      const memberOf = new Set<string>()
      const groupsOfPerson = new Set<string>()
      for (const group of groups) {
        if (!group.member(person)) continue
        memberOf.add(group.key)
        groupsOfPerson.add(group.json.id)
      }
      if (generated.length > 0) {
        const target = options.membershipsPerPerson - (memberOf.size - 1) + person.random.int(-1, 1)
        for (let extra = Math.max(1, Math.round(target)); extra > 0; extra -= 1) groupsOfPerson.add(person.random.pick(generated).json.id)
        if (person === admin) for (const group of generated) groupsOfPerson.add(group.json.id)
      }
      for (const groupId of groupsOfPerson) members.get(groupId)?.push(id)
      // Deactivating a person unassigns their apps (okta.md §8); [U] their group memberships stay.
      if (person.status !== 'DEPROVISIONED') appAssignments += assignApps(assignments, apps, person, id, memberOf, groupIds, user.created as string)
    }
    store.addUsers(batch)
    for (const group of [...groups, ...generated]) store.addGroup(group.json, group.sourceAppId, members.get(group.json.id)?.length ?? 0)
    for (const groupId of [...members.keys()].sort(compare)) store.addMembers(groupId, members.get(groupId) ?? [])
    for (const appId of [...assignments.keys()].sort(compare)) store.assignUsers(appId, assignments.get(appId) ?? [])
  })
  store.ensureIndexes()

  const oktaOnly = people.filter((person) => person.source === 'okta-only').length
  const truth: OktaOrgTruth = {
    seed,
    users: people.length,
    statusCounts,
    listedUsers: people.length - statusCounts.DEPROVISIONED,
    groups: groups.length + generated.length,
    groupTypes: {
      BUILT_IN: groups.filter((group) => group.json.type === 'BUILT_IN').length,
      OKTA_GROUP: groups.filter((group) => group.json.type === 'OKTA_GROUP').length + generated.length,
      APP_GROUP: groups.filter((group) => group.json.type === 'APP_GROUP').length
    },
    memberships: store.count('okta_membership'),
    apps: apps.length,
    appAssignments,
    halo: {
      sharedUsers: people.filter((person) => person.source === 'halo-user').length,
      sharedAgents: people.filter((person) => person.source === 'halo-agent').length,
      haloOnlyUsers: haloDemoUsers - people.filter((person) => person.source === 'halo-user').length,
      oktaOnly,
      changed
    },
    superAdmin: admin?.login ?? '',
    helpDeskAdmin: helpDesk?.login ?? ''
  }
  store.setMeta('truth', JSON.stringify(truth))
  store.setMeta('seed', String(seed))
  return truth
}

interface Assignment {
  userId: string
  scope: 'USER' | 'GROUP'
  groupId: string | null
  created: string
}

/** Direct assignments first (scope USER), then the first assigned group the person is in (scope GROUP). */
function assignApps(into: ReadonlyMap<string, Assignment[]>, apps: readonly DemoApp[], person: PlannedPerson, userId: string, memberOf: ReadonlySet<string>, groupIds: ReadonlyMap<string, string>, created: string): number {
  let count = 0
  for (const app of apps) {
    const rows = into.get(app.json.id)
    const via = app.direct?.(person) ? null : app.groups?.find((key) => memberOf.has(key))
    if (!rows || via === undefined) continue
    rows.push({ userId, scope: via === null ? 'USER' : 'GROUP', groupId: via === null ? null : (groupIds.get(via) ?? null), created })
    count += 1
  }
  return count
}

export function userId(ids: OrgIds, index: number): string {
  return oktaId('00u', ids.orgId, 'user', index)
}

/** Binary (SQLite's) order of ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
