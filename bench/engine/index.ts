/**
 * bench/engine (issue 5): the mapping engine over 100,000 generated Okta people (the sandbox's own
 * generator, normalised as the connector does) with 20 field mappings, 30 site mappings and 20 group
 * mappings, against a Halo state of 100,000 users (most matchable by email, some by stored Okta id,
 * a few conflicting, a tenth new). Prints people/s, the split between building and evaluating, outcome counts and
 * peak RSS. Goal: the whole set in under 2 s on one core, under 500 MB.
 */
import type { DirectoryGroup } from '../../src-shared/contract'
import { defaultConfig } from '../../src-shared/mapping/config-defaults'
import type { FieldMapping, SiteMapping } from '../../src-shared/mapping/config-schema'
import { normaliseOktaUser } from '../../src-main/connectors/okta/okta-normalise'
import type { HaloLookups, HaloPersonRecord } from '../../src-main/core/halo-state'
import { MappingEngine } from '../../src-main/core/mapping-engine'
import { orgIds, userJson } from '../../src-main/sandbox/okta/demo-org'
import { planPeople } from '../../src-main/sandbox/okta/demo-people'
import { departments } from '../../src-main/sandbox/shared/people'

const count = 100_000
const seed = 5

const generated = performance.now()
const ids = orgIds(seed)
const people = planPeople(seed, count).map((person) => normaliseOktaUser(userJson(person, ids, null)))
const groups: DirectoryGroup[] = Array.from({ length: 200 }, (_, index) => ({ id: `00g${index}`, name: `Group ${index}`, description: null, type: 'OKTA_GROUP', memberCount: 0 }))
const members = new Map<string, string[]>(groups.map((group) => [group.id, []]))
people.forEach((person, index) => {
  for (let draw = 0; draw < 5; draw += 1) members.get(`00g${(index * 7 + draw * 37) % 200}`)?.push(person.id)
})
const sites = departments.flatMap((department, index) => [{ id: index + 1, name: department, clientId: 1, clientName: 'Northwind Traders' }])
const lookups: HaloLookups = {
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
// Halo: nine in ten people already there (by email, some in other cases, a tenth of those carrying
// their Okta id), 500 of them twice (conflicts); padded to 100,000 with people Okta does not have.
const users: HaloPersonRecord[] = people.flatMap((person, index) =>
  index % 10 === 9 ? [] : [{ id: index + 1, fields: { emailaddress: index % 3 === 0 ? (person.email ?? '').toUpperCase() : person.email, okta_id: index % 10 === 0 ? person.id : null, login: person.login } }]
)
for (let index = users.length; index < count; index += 1) users.push({ id: count * 2 + index, fields: { emailaddress: `former.${index}@northwind.example`, okta_id: null, login: null } })
for (let index = 0; index < 500; index += 1) users.push({ id: count + index + 1, fields: { emailaddress: people[index * 97]?.email ?? null } })

const config = defaultConfig('okta')
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
const siteMappings: SiteMapping[] = Array.from({ length: 30 }, (_, index): SiteMapping => {
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
const inputSeconds = (performance.now() - generated) / 1000
const inputRss = process.memoryUsage().rss / 1024 / 1024

const cpuBefore = process.cpuUsage()
const started = performance.now()
const engine = new MappingEngine(config, lookups, { people, groups, members }, { users, agents: [] })
const built = performance.now()
let outcomes = 0
const counts = { user: 0, agent: 0, none: 0, matched: 0, conflict: 0, created: 0, newSites: 0, warnings: 0 }
for (const person of people) {
  const outcome = engine.evaluate(person, { explain: false })
  outcomes += 1
  counts[outcome.role] += 1
  if (outcome.userMatch?.kind === 'matched') counts.matched += 1
  if (outcome.userMatch?.kind === 'conflict') counts.conflict += 1
  if (outcome.userMatch?.kind === 'none') counts.created += 1
  if (outcome.user?.site?.kind === 'create') counts.newSites += 1
  counts.warnings += outcome.warnings.length
}
const finished = performance.now()
const cpu = process.cpuUsage(cpuBefore)
const seconds = (finished - started) / 1000
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const peakRss = process.resourceUsage().maxRSS / 1024

// What "Try it on a person" does: the same, with every mapping's reason spelled out.
const explainedStart = performance.now()
for (const person of people.slice(0, 1000)) engine.evaluate(person, { explain: true })
const explainedMs = (performance.now() - explainedStart) / 1000

const rows: Array<[string, string]> = [
  ['input', `${count.toLocaleString('en-US')} people, ${groups.length} groups, ${users.length.toLocaleString('en-US')} Halo users; ${config.fields.user.length} field mappings, ${siteMappings.length} site mappings, ${config.advanced.agentRoles.length + config.advanced.cabs.length + config.advanced.userRoles.length} group mappings (made in ${inputSeconds.toFixed(1)} s, RSS then ${inputRss.toFixed(0)} MB)`],
  ['build', `${((built - started) / 1000).toFixed(2)} s (indexes, compiled mappings)`],
  ['evaluate', `${((finished - built) / 1000).toFixed(2)} s for ${outcomes.toLocaleString('en-US')} people`],
  ['whole set', `${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU = ${Math.round(outcomes / seconds).toLocaleString('en-US')} people/s`],
  ['explained', `${(explainedMs * 1000).toFixed(0)} µs per person with every reason spelled out (Try it on a person; 1,000 people)`],
  ['outcomes', `${counts.user} users, ${counts.agent} agents, ${counts.none} not imported; matched ${counts.matched}, conflicts ${counts.conflict}, new ${counts.created}, new sites ${counts.newSites}; ${counts.warnings} warnings`],
  ['peak RSS', `${peakRss.toFixed(0)} MB (the whole process, inputs included)`]
]
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(12)}${value}\n`)
const pass = seconds < 2 && peakRss < 500 && outcomes === count
process.stdout.write(`engine: ${outcomes.toLocaleString('en-US')} people in ${seconds.toFixed(2)} s (${Math.round(outcomes / seconds).toLocaleString('en-US')}/s; goal < 2 s on one core), peak RSS ${peakRss.toFixed(0)} MB (goal < 500) — ${pass ? 'PASS' : 'FAIL'}\n`)
process.exitCode = pass ? 0 : 1
