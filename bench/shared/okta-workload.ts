/**
 * The 100,000-person Okta workload bench/engine and bench/plan share: people from the Okta sandbox's
 * own generator (normalised as the connector does), 200 groups of about 2,500 members, Halo look-ups,
 * and a configuration with 20 field mappings, 30 site mappings (one making agents, one creating sites
 * by city) and 20 group mappings; Halo users as the engine bench matches them (matchableUsers).
 */
import type { DirectoryGroup } from '../../src-shared/contract'
import { defaultConfig } from '../../src-shared/mapping/config-defaults'
import type { FieldMapping, SiteMapping } from '../../src-shared/mapping/config-schema'
import { normaliseOktaUser } from '../../src-main/connectors/okta/okta-normalise'
import type { HaloLookups, HaloPersonRecord } from '../../src-main/core/halo-state'
import { orgIds, userJson } from '../../src-main/sandbox/okta/demo-org'
import { planPeople } from '../../src-main/sandbox/okta/demo-people'
import { departments } from '../../src-main/sandbox/shared/people'

export const count = 100_000
const seed = 5

const ids = orgIds(seed)
export const people = planPeople(seed, count).map((person) => normaliseOktaUser(userJson(person, ids, null)))
export const groups: DirectoryGroup[] = Array.from({ length: 200 }, (_, index) => ({ id: `00g${index}`, name: `Group ${index}`, description: null, type: 'OKTA_GROUP', memberCount: 0 }))
export const members = new Map<string, string[]>(groups.map((group) => [group.id, []]))
people.forEach((person, index) => {
  for (let draw = 0; draw < 5; draw += 1) members.get(`00g${(index * 7 + draw * 37) % 200}`)?.push(person.id)
})
export const sites = departments.flatMap((department, index) => [{ id: index + 1, name: department, clientId: 1, clientName: 'Northwind Traders' }])
export const lookups: HaloLookups = {
  sites,
  clients: [{ id: 1, name: 'Northwind Traders' }],
  agentRoles: Array.from({ length: 8 }, (_, index) => ({ id: `role-${index}`, name: `Role ${index}` })),
  userRoles: Array.from({ length: 6 }, (_, index) => ({ id: index + 1, name: `User role ${index}` })),
  cabs: Array.from({ length: 6 }, (_, index) => ({ id: index + 1, name: `CAB ${index}` })),
  ticketTypes: [],
  templates: [],
  customFields: ['CFCostCentre', 'CFEmployeeType', 'CFLocation'],
  ticketCustomFields: []
}
/**
 * Halo for the engine bench: nine in ten people already there (by email, some in other cases, a
 * tenth of those carrying their Okta id), 500 of them twice (conflicts); padded to 100,000 with
 * people Okta does not have.
 */
export function matchableUsers(): HaloPersonRecord[] {
  const users: HaloPersonRecord[] = people.flatMap((person, index) =>
    index % 10 === 9 ? [] : [{ id: index + 1, fields: { emailaddress: index % 3 === 0 ? (person.email ?? '').toUpperCase() : person.email, okta_id: index % 10 === 0 ? person.id : null, login: person.login } }]
  )
  for (let index = users.length; index < count; index += 1) users.push({ id: count * 2 + index, fields: { emailaddress: `former.${index}@northwind.example`, okta_id: null, login: null } })
  for (let index = 0; index < 500; index += 1) users.push({ id: count + index + 1, fields: { emailaddress: people[index * 97]?.email ?? null } })
  return users
}

export const config = defaultConfig('okta')
const extra: FieldMapping[] = [
  { id: 'initials', source: '', target: 'initials', transforms: [{ kind: 'template', template: '{firstName}{lastName}' }, { kind: 'replace', pattern: '[^A-Z]', replacement: '', ignoreCase: false }] },
  { id: 'email2', source: 'secondEmail', target: 'email2', transforms: [{ kind: 'trim' }, { kind: 'case', to: 'lower' }] },
  { id: 'cc', source: 'costCenter', target: 'custom:CFCostCentre', transforms: [{ kind: 'default', value: 'CC-000' }] },
  { id: 'type', source: 'userType', target: 'custom:CFEmployeeType', transforms: [{ kind: 'lookup', entries: [{ from: 'Employee', to: 'Staff' }, { from: 'Contractor', to: 'Contract' }], ignoreCase: true, otherwise: 'keep', fallback: '' }] },
  { id: 'loc', source: 'city', target: 'custom:CFLocation', transforms: [{ kind: 'case', to: 'title' }, { kind: 'default', value: 'Remote' }] },
  { id: 'mobile2', source: 'mobilePhone', target: 'mobilenumber2', transforms: [{ kind: 'replace', pattern: '\\s+', replacement: '', ignoreCase: false }] },
  { id: 'home', source: 'primaryPhone', target: 'homenumber', transforms: [{ kind: 'trim' }] },
  { id: 'sam', source: 'login', target: 'samaccountname', transforms: [{ kind: 'replace', pattern: '@.*$', replacement: '', ignoreCase: false }] },
  { id: 'notes', source: '', target: 'notes', transforms: [{ kind: 'template', template: 'Imported from Okta: {title}, {department} ({city})' }] },
  { id: 'match', source: 'employeeNumber', target: 'matching_value', transforms: [{ kind: 'trim' }] }
]
config.fields.user.push(...extra)
export const siteMappings: SiteMapping[] = Array.from({ length: 30 }, (_, index): SiteMapping => {
  const common = { id: `s${index}`, sequence: index + 1, groupName: index % 3 === 0 ? `Group ${index * 5}` : null, includeExternal: false, appId: null, statuses: [], userRoleId: index % 4 === 0 ? 1 : null }
  if (index === 0) return { kind: 'existing-site', ...common, siteId: 'agent', agentRoleId: 'role-0', criteria: [{ field: 'title', operator: 'contains', value: 'support' }] }
  if (index === 29) return { kind: 'organisation-by-field', ...common, groupName: null, clientId: 1, field: 'city', criteria: [] }
  const department = departments[index % departments.length] ?? 'IT'
  return { kind: 'existing-site', ...common, siteId: (index % departments.length) + 1, agentRoleId: null, criteria: [{ field: 'department', operator: index % 2 === 0 ? 'equals' : 'starts_with', value: department.slice(0, index % 2 === 0 ? undefined : 3) }, { field: 'email', operator: 'is_not_empty', value: '' }] }
})
config.siteMappings = siteMappings
config.advanced.agentRoles = Array.from({ length: 8 }, (_, index) => ({ id: `ar${index}`, groupName: `Group ${index * 11}`, roleId: `role-${index}`, onLeave: 'remove' as const }))
config.advanced.cabs = Array.from({ length: 6 }, (_, index) => ({ id: `cab${index}`, groupName: `Group ${index * 13 + 1}`, cabId: index + 1, onLeave: 'remove' as const }))
config.advanced.userRoles = Array.from({ length: 6 }, (_, index) => ({ id: `ur${index}`, groupName: `Group ${index * 17 + 2}`, userRoleId: index + 1, onLeave: 'keep' as const }))
config.advanced.licences = { enabled: true, rules: [{ id: 'l0', roleId: 'role-0', licence: 'named' }], otherwise: 'keep' }
