/**
 * The Entra sandbox's demo tenant, Northwind Traders: the same people as the Halo and Okta sandboxes
 * (shared/people.ts: Halo's users are persons 0…299, its agents 900000 + n, all
 * `<login>@northwind.example`), then people Halo does not know yet. About 1 in 40 is a B2B guest
 * (`…#EXT#@northwindtraders.onmicrosoft.com`), 1 in 25 disabled, some with empty job title,
 * department or usage location; everyone but the department heads has their head as manager.
 * Groups: a security group per department, All Staff (Microsoft 365), the agents' groups (nested),
 * VPN users, managers, partner guests (16 in all), and generated project groups up to `groups`. Licences, Intune
 * devices. Person n is the same in every tenant of a seed, whatever its size. `mutate` changes a
 * share of the directory so delta queries have something to report.
 */
import { demoEmailDomain } from '../halo/demo-company'
import { departments, entraObjectId, personAt, type Person } from '../shared/people'
import { SeededRandom, stableGuid } from '../shared/prng'
import { EntraTenant, type EntraGroup, type EntraUser } from './entra-tenant'

export const tenantDomain = 'northwindtraders.onmicrosoft.com'
/** The tenant's "now": dates in the demo tenant are before it. */
export const tenantNow = Date.UTC(2026, 10, 15, 9, 0, 0)
const haloUsers = 300
const haloAgentBase = 900_000
const haloAgents = 25
const cities = ['London', 'Manchester', 'Leeds', 'Edinburgh', 'Dublin'] as const

export const skuIds = { e3: '05e9a617-0261-4cee-bb44-138d3ef5d965', basic: '3b555118-da6a-4418-894f-7df1e2096870', ems: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e' }

/** Guid kinds (stableGuid's second argument). */
const kinds = { group: 2, device: 3, tenant: 4, plan: 5 }

export interface DemoTenantOptions {
  seed: number
  people: number
  groups: number
}

/** Indexes of the tenant's people in order: Halo's agents (not the API agent), Halo's users, then new people. */
function personIndex(ordinal: number): number {
  if (ordinal < haloAgents - 1) return haloAgentBase + ordinal + 1
  return ordinal - (haloAgents - 1)
}

export function demoTenantId(seed: number): string {
  return stableGuid(seed, kinds.tenant, 0)
}

export function seedDemoTenant(options: DemoTenantOptions): EntraTenant {
  const { seed } = options
  const tenant = new EntraTenant(demoTenantId(seed), tenantDomain)
  tenant.skus.push(
    sku(seed, skuIds.e3, 'SPE_E3', ['EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'TEAMS1']),
    sku(seed, skuIds.basic, 'O365_BUSINESS_ESSENTIALS', ['EXCHANGE_S_STANDARD', 'TEAMS1']),
    sku(seed, skuIds.ems, 'EMS', ['INTUNE_A', 'AAD_PREMIUM'])
  )
  const heads = new Map<string, string>()
  const users: EntraUser[] = []
  for (let ordinal = 0; ordinal < options.people; ordinal += 1) {
    const user = demoUser(seed, personIndex(ordinal), ordinal)
    if (user.userType === 'Member' && user.department && !heads.has(user.department)) heads.set(user.department, user.id)
    users.push(user)
  }
  for (const user of users) {
    const head = user.department ? heads.get(user.department) : undefined
    tenant.putUser({ ...user, managerId: user.userType === 'Member' && head !== undefined && head !== user.id ? head : null })
  }
  const members = users.filter((user) => user.userType === 'Member')
  const agents = members.filter((user) => user.jobTitle === 'IT Support')
  const random = new SeededRandom(seed * 7 + 3)
  const groups: EntraGroup[] = []
  const group = (n: number, displayName: string, description: string, ids: string[], unified = false): EntraGroup => {
    const nickname = displayName.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
    const made: EntraGroup = {
      id: stableGuid(seed, kinds.group, n),
      displayName,
      description,
      mail: unified ? `${nickname}@${demoEmailDomain}` : null,
      mailNickname: nickname,
      mailEnabled: unified,
      securityEnabled: !unified,
      groupTypes: unified ? ['Unified'] : [],
      members: new Set(ids),
      createdDateTime: new Date(tenantNow - (400 - n) * 86_400_000).toISOString()
    }
    groups.push(made)
    return made
  }
  departments.forEach((department, n) => group(n, `Department - ${department}`, `Everyone in ${department}.`, members.filter((user) => user.department === department).map((user) => user.id)))
  group(20, 'All Staff', 'Every employee (Microsoft 365 group).', members.map((user) => user.id), true)
  const supportAgents = group(21, 'IT Support Agents', 'First-line agents in Halo.', agents.map((user) => user.id))
  group(22, 'Halo Agents', 'Everyone who works tickets in Halo: the support agents (nested) and the IT managers.', [supportAgents.id, ...members.filter((user) => user.department === 'IT' && /Manager/.test(user.jobTitle ?? '')).map((user) => user.id)])
  group(23, 'VPN Users', 'Remote access.', members.filter(() => random.chance(0.3)).map((user) => user.id))
  group(24, 'Managers', 'Heads of department.', [...heads.values()])
  group(25, 'Partners - Guests', 'B2B guests from partner companies.', users.filter((user) => user.userType === 'Guest').map((user) => user.id))
  for (let n = groups.length; n < options.groups; n += 1) {
    const project = new SeededRandom(seed * 31 + n)
    group(100 + n, `Project ${String(n - 15).padStart(3, '0')}`, 'A project team.', members.filter(() => project.chance(Math.min(0.5, 40 / Math.max(1, members.length)))).map((user) => user.id))
  }
  for (const made of groups) tenant.putGroup(made)
  members.forEach((user, n) => {
    const draw = new SeededRandom(seed * 13 + n)
    if (!draw.chance(0.6)) return
    const windows = draw.chance(0.8)
    tenant.devices.push({
      id: stableGuid(seed, kinds.device, n),
      deviceName: `NW-${windows ? 'LT' : 'MB'}-${String(n).padStart(5, '0')}`,
      userId: user.id,
      userPrincipalName: user.userPrincipalName,
      operatingSystem: windows ? 'Windows' : 'macOS',
      osVersion: windows ? '10.0.22631.4460' : '15.1',
      complianceState: draw.chance(0.9) ? 'compliant' : 'noncompliant',
      managedDeviceOwnerType: 'company',
      manufacturer: windows ? 'Dell Inc.' : 'Apple',
      model: windows ? 'Latitude 7440' : 'MacBook Air',
      serialNumber: `SN${String(100000 + n)}`,
      lastSyncDateTime: new Date(tenantNow - draw.int(1, 72) * 3_600_000).toISOString(),
      enrolledDateTime: new Date(tenantNow - draw.int(30, 700) * 86_400_000).toISOString()
    })
  })
  return tenant
}

function sku(seed: number, skuId: string, skuPartNumber: string, plans: string[]): EntraTenant['skus'][number] {
  return {
    id: `${demoTenantId(seed)}_${skuId}`,
    skuId,
    skuPartNumber,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    prepaidUnits: { enabled: 1000, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: plans.map((name, n) => ({ servicePlanId: stableGuid(seed, kinds.plan, n + skuPartNumber.length * 10), servicePlanName: name, provisioningStatus: 'Success', appliesTo: 'User' }))
  }
}

function demoUser(seed: number, index: number, ordinal: number): EntraUser {
  const person: Person = personAt(seed, index)
  const random = new SeededRandom((seed * 48271 + index * 69621 + 5) >>> 0)
  const agent = index >= haloAgentBase
  const guest = !agent && index >= haloUsers && ordinal % 40 === 7
  const empty = !agent && random.chance(0.05)
  const city = random.pick(cities)
  const email = guest ? `${person.login}@partner.example` : `${person.login}@${demoEmailDomain}`
  const upn = guest ? `${email.replace('@', '_')}#EXT#@${tenantDomain}` : email
  return {
    id: entraObjectId(seed, index),
    userPrincipalName: upn,
    displayName: person.displayName,
    givenName: person.firstName,
    surname: person.lastName,
    mail: email,
    jobTitle: agent ? 'IT Support' : empty ? null : person.jobTitle,
    department: agent ? 'IT' : guest || empty ? null : person.department,
    companyName: guest ? 'Partner Consulting Ltd' : 'Northwind Traders',
    city: guest ? null : city,
    country: guest ? null : city === 'Dublin' ? 'Ireland' : 'United Kingdom',
    officeLocation: guest ? null : `${city} office`,
    mobilePhone: empty ? null : person.mobile,
    businessPhones: empty || guest ? [] : [person.phone],
    employeeId: guest ? null : person.employeeNumber.slice(0, 16),
    employeeType: guest ? null : random.chance(0.9) ? 'Employee' : 'Contractor',
    accountEnabled: agent || !random.chance(0.04),
    userType: guest ? 'Guest' : 'Member',
    externalUserState: guest ? (random.chance(0.8) ? 'Accepted' : 'PendingAcceptance') : null,
    creationType: guest ? 'Invitation' : null,
    mailNickname: guest ? `${email.replace('@', '_')}#EXT#` : person.login,
    usageLocation: guest || random.chance(0.03) ? null : city === 'Dublin' ? 'IE' : 'GB',
    onPremisesSamAccountName: !guest && index % 3 === 0 ? person.login.slice(0, 20) : null,
    onPremisesSyncEnabled: !guest && index % 3 === 0 ? true : null,
    assignedLicenses: guest ? [] : [{ skuId: random.chance(0.8) ? skuIds.e3 : skuIds.basic, disabledPlans: [] }],
    managerId: null,
    createdDateTime: new Date(tenantNow - (1000 - (index % 1000)) * 86_400_000).toISOString()
  }
}

export interface MutationReport {
  updated: string[]
  disabled: string[]
  removed: string[]
  added: string[]
  /** Groups whose membership changed. */
  regrouped: string[]
}

/**
 * Changes `share` of the users (at least one), as a day in a real tenant would: most get a new job
 * title or department, some are disabled, some deleted, some move group, and new people join.
 */
export function mutateTenant(tenant: EntraTenant, share: number, seed: number): MutationReport {
  const random = new SeededRandom(seed)
  const report: MutationReport = { updated: [], disabled: [], removed: [], added: [], regrouped: [] }
  const users = [...tenant.users.values()].filter((user) => user.userType === 'Member')
  const count = Math.max(1, Math.round(users.length * share))
  const groups = [...tenant.groups.values()].filter((group) => group.displayName.startsWith('Department - '))
  const picked = new Set<string>()
  while (picked.size < Math.min(count, users.length)) picked.add((users[random.int(0, users.length - 1)] as EntraUser).id)
  let n = 0
  for (const id of picked) {
    const kind = n % 10
    n += 1
    if (kind < 6) {
      tenant.updateUser(id, { jobTitle: `${random.pick(['Senior', 'Lead', 'Principal'])} ${tenant.users.get(id)?.jobTitle ?? 'Analyst'}`.slice(0, 60) })
      report.updated.push(id)
    } else if (kind === 6) {
      tenant.updateUser(id, { accountEnabled: false })
      report.disabled.push(id)
    } else if (kind === 7) {
      tenant.removeUser(id, n % 2 === 0 ? 'deleted' : 'changed')
      report.removed.push(id)
    } else {
      const from = groups.find((group) => group.members.has(id))
      const to = groups[random.int(0, groups.length - 1)]
      if (from && to && from.id !== to.id) {
        tenant.removeMember(from.id, id)
        tenant.addMember(to.id, id)
        tenant.updateUser(id, { department: to.displayName.replace('Department - ', '') })
        report.regrouped.push(from.id, to.id)
      } else tenant.updateUser(id, { mobilePhone: `+44 7${random.int(100, 999)} ${random.int(100000, 999999)}` })
      report.updated.push(id)
    }
  }
  const joiners = Math.max(1, Math.round(count / 5))
  for (let j = 0; j < joiners; j += 1) {
    const index = 2_000_000 + tenant.version * 10 + j
    const user = demoUser(seed, index, 0)
    tenant.putUser(user)
    report.added.push(user.id)
  }
  report.regrouped = [...new Set(report.regrouped)]
  return report
}
