/**
 * The Okta demo org's groups (okta.md §5 Group): the BUILT_IN "Everyone", department and location
 * groups, role groups Halo mappings use (Halo Agents, Service Desk, Change Approvers…), groups that
 * assign apps, an empty archive group, one with a non-ASCII name, and APP_GROUPs imported from
 * Active Directory (objectClass okta:windows_security_principal, AD profile, a source app). Larger
 * orgs add generated project groups. Each group says who belongs to it.
 */
import { createHash } from 'node:crypto'
import { departments } from '../shared/people'
import { adDomain } from './demo-apps'
import type { Location, PlannedPerson } from './demo-people'
import { oktaId } from './okta-ids'
import type { Json } from './okta-store'

export interface DemoGroup {
  key: string
  json: Json & { id: string; type: string; lastUpdated: string; lastMembershipUpdated: string; profile: Json }
  /** The app an APP_GROUP comes from. */
  sourceAppId: string | null
  member: (person: PlannedPerson) => boolean
}

const locations: readonly Location[] = ['London', 'Manchester', 'Leeds', 'Edinburgh', 'Remote', 'Dublin', 'Kraków']
const managerTitle = /Manager|Head of|Team Leader|Lead\b/

function stamp(base: number, days: number): string {
  return new Date(base + days * 86_400_000).toISOString()
}

function group(seed: number, key: string, ordinal: number, type: 'BUILT_IN' | 'OKTA_GROUP' | 'APP_GROUP', profile: Json, member: DemoGroup['member'], sourceAppId: string | null = null): DemoGroup {
  const created = Date.UTC(2019, 3, 2, 8, 30, 10) + ordinal * 3_600_017
  return {
    key,
    json: {
      id: oktaId('00g', seed, 'group', key),
      created: stamp(created, 0),
      lastUpdated: stamp(created, 40 + (ordinal % 17)),
      lastMembershipUpdated: stamp(Date.UTC(2026, 9, 1, 7, 12, 5), ordinal % 29),
      objectClass: [type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
      type,
      profile
    },
    sourceAppId,
    member
  }
}

function adGroup(seed: number, key: string, ordinal: number, name: string, description: string, sourceAppId: string, member: DemoGroup['member']): DemoGroup {
  const digest = createHash('sha256').update(`${seed}:ad:${key}`).digest()
  const profile = {
    name,
    description,
    groupType: 'Security',
    samAccountName: name,
    objectSid: `S-1-5-21-717838489-685202119-709183397-${1100 + ordinal}`,
    groupScope: 'Global',
    dn: `CN=${name},OU=Groups,DC=corp,DC=northwind,DC=example`,
    windowsDomainQualifiedName: `CORP\\${name}`,
    externalId: digest.subarray(0, 16).toString('base64')
  }
  return group(seed, key, ordinal, 'APP_GROUP', profile, member, sourceAppId)
}

/** The demo org's groups (about 35). */
export function demoGroups(seed: number, activeDirectoryAppId: string): DemoGroup[] {
  const groups: DemoGroup[] = []
  const add = (key: string, type: 'BUILT_IN' | 'OKTA_GROUP', name: string, description: string, member: DemoGroup['member']): void => {
    groups.push(group(seed, key, groups.length, type, { name, description }, member))
  }
  add('everyone', 'BUILT_IN', 'Everyone', 'All users in your organization', () => true)
  for (const department of departments) add(`department:${department}`, 'OKTA_GROUP', `Department - ${department}`, `Everyone in ${department}`, (person) => person.department === department)
  for (const location of locations) add(`location:${location}`, 'OKTA_GROUP', `Location - ${location}`, location === 'Remote' ? 'Home-based staff' : `Staff based in ${location}`, (person) => person.location === location)
  const agent = (person: PlannedPerson): boolean => person.source === 'halo-agent'
  add('halo-agents', 'OKTA_GROUP', 'Halo Agents', 'People who work tickets in Halo (agent licence)', (person) => agent(person) || person.title === 'Service Desk Analyst')
  // Halo puts agent n in team n % 6; team 0 is the Service Desk.
  add('service-desk', 'OKTA_GROUP', 'Service Desk', 'First-line support team', (person) => (agent(person) && (person.index - 900_000) % 6 === 0) || person.title === 'Service Desk Analyst')
  add('change-approvers', 'OKTA_GROUP', 'Change Approvers', 'Members of the Change Advisory Board', (person) => person.title !== null && /Manager|Head of/.test(person.title))
  add('halo-admins', 'OKTA_GROUP', 'Halo Administrators', 'Full administrators in Halo', (person) => (agent(person) && person.index <= 900_002) || person.title === 'IT Manager')
  add('halo-portal', 'OKTA_GROUP', 'Halo Portal Users', 'Can sign in to the Halo self-service portal', (person) => person.userType === 'Employee' && person.draws.portal < 0.8)
  add('managers', 'OKTA_GROUP', 'Managers', 'People managers', (person) => person.title !== null && managerTitle.test(person.title))
  add('contractors', 'OKTA_GROUP', 'Contractors', 'Non-employee workers', (person) => person.userType === 'Contractor')
  add('vip', 'OKTA_GROUP', 'VIP', 'Priority support', (person) => person.draws.vip < 0.02 || person.title === 'Head of People')
  add('app-m365', 'OKTA_GROUP', 'App - Microsoft 365', 'Assigns Microsoft Office 365', (person) => person.draws.m365 < 0.9)
  add('app-slack', 'OKTA_GROUP', 'App - Slack', 'Assigns Slack', (person) => person.draws.slack < 0.6)
  add('app-zoom', 'OKTA_GROUP', 'App - Zoom', 'Assigns Zoom', (person) => person.draws.zoom < 0.35)
  add('archive', 'OKTA_GROUP', 'Former Staff (archive)', 'Kept for audit; no members', () => false)
  add('quality', 'OKTA_GROUP', 'Équipe Qualité – Zürich & Kraków', 'Qualitätssicherung / Zapewnienie jakości', (person) => person.location === 'Kraków' || person.draws.quality < 0.01)
  const ad = (key: string, name: string, description: string, member: DemoGroup['member']): void => {
    groups.push(adGroup(seed, key, groups.length, name, description, activeDirectoryAppId, (person) => person.provider === 'ACTIVE_DIRECTORY' && member(person)))
  }
  ad('ad-domain-users', 'Domain Users', `All domain users (${adDomain})`, () => true)
  ad('ad-vpn', 'VPN Users', 'Remote access VPN', (person) => person.draws.vpn < 0.4)
  ad('ad-finance-share', 'Finance Share (RW)', 'Read/write on \\\\fs01\\finance', (person) => person.department === 'Finance')
  ad('ad-print-operators', 'Print Operators', 'Manage printers', (person) => person.department === 'Facilities')
  return groups
}

const kinds = ['Project', 'Working Group', 'Committee', 'Squad', 'Guild']
const words = ['Aurora', 'Borealis', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbour', 'Indigo', 'Juniper', 'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Orchid', 'Pioneer', 'Quartz', 'Raven', 'Summit', 'Tempest', 'Umber', 'Vector', 'Willow', 'Zenith']

/** Generated group n (for large orgs): "Finance – Project Aurora 0001". Members are drawn per person. */
export function generatedGroup(seed: number, n: number, ordinal: number): DemoGroup {
  const department = departments[n % departments.length] ?? 'IT'
  const kind = kinds[Math.floor(n / departments.length) % kinds.length] ?? 'Project'
  const word = words[n % words.length] ?? 'Aurora'
  const name = `${department} – ${kind} ${word} ${String(n + 1).padStart(4, '0')}`
  return group(seed, `generated:${n}`, ordinal, 'OKTA_GROUP', { name, description: `${kind} in ${department}` }, () => false)
}
