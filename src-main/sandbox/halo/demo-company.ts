/**
 * The Halo sandbox's demo company, generated from a seed: "Northwind Traders" and two customers,
 * their sites, organisations, agent and user roles, teams, ticket types, CABs with members, custom
 * fields, licences, an Entra connection, agents, users (default a few hundred; the generator goes to
 * 100,000 and more) and some tickets. Same seed, same company, byte for byte.
 */
import { entraObjectId, personAt, type Person } from '../shared/people'
import { SeededRandom } from '../shared/prng'
import type { HaloRecord, SandboxStore } from './sandbox-store'

export interface DemoCompanyOptions {
  seed: number
  users: number
  agents: number
}

export const demoEmailDomain = 'northwind.example'

const clientNames = ['Northwind Traders', 'Contoso Pharmaceuticals', 'Fabrikam Logistics']
const siteNames: Record<string, readonly string[]> = {
  'Northwind Traders': ['London – Head Office', 'Manchester', 'Leeds', 'Edinburgh', 'Remote workers'],
  'Contoso Pharmaceuticals': ['Cambridge Research Park', 'Basel'],
  'Fabrikam Logistics': ['Felixstowe Port', 'Rotterdam', 'Birmingham Distribution Centre']
}
const agentRoles = ['Administrator', 'Service Desk Agent', 'Second Line Support', 'Change Manager', 'Team Lead', 'Read Only']
const userRoles = ['End User', 'Approver', 'Department Manager', 'VIP']
const teams = ['Service Desk', '2nd Line Infrastructure', 'Applications', 'Networks', 'Security Operations', 'Field Engineers']
const ticketTypes = ['Incident', 'Service Request', 'Change Request', 'Problem', 'New Starter', 'Leaver']
const customFields: ReadonlyArray<{ name: string; label: string; type: number; inputtype: number }> = [
  { name: 'CFEmployeeNumber', label: 'Employee number', type: 0, inputtype: 0 },
  { name: 'CFCostCentre', label: 'Cost centre', type: 0, inputtype: 0 },
  { name: 'CFStartDate', label: 'Start date', type: 4, inputtype: 0 },
  { name: 'CFManagerEmail', label: 'Manager email', type: 0, inputtype: 0 },
  { name: 'CFContractType', label: 'Contract type', type: 2, inputtype: 2 },
  { name: 'CFBuilding', label: 'Building', type: 0, inputtype: 0 }
]
/** Custom fields on tickets, for onboarding tickets to fill. */
const ticketCustomFields: ReadonlyArray<{ name: string; label: string; type: number; inputtype: number }> = [
  { name: 'CFStarterEmail', label: 'Starter email', type: 0, inputtype: 0 },
  { name: 'CFStarterDepartment', label: 'Starter department', type: 0, inputtype: 0 },
  { name: 'CFEquipmentNeeded', label: 'Equipment needed', type: 0, inputtype: 1 }
]
/** Ticket templates, each for one ticket type (by its position in ticketTypes). */
const templates: ReadonlyArray<{ name: string; ticketType: string; summary: string }> = [
  { name: 'New starter — standard kit', ticketType: 'New Starter', summary: 'New starter' },
  { name: 'New starter — developer kit', ticketType: 'New Starter', summary: 'New starter (developer)' },
  { name: 'Leaver — standard', ticketType: 'Leaver', summary: 'Leaver' },
  { name: 'Access request', ticketType: 'Service Request', summary: 'Access request' }
]
const licences = [
  { name: 'Microsoft 365 E3', vendor: 'Microsoft', count: 400 },
  { name: 'Microsoft 365 E5', vendor: 'Microsoft', count: 40 },
  { name: 'Adobe Acrobat Pro', vendor: 'Adobe', count: 60 },
  { name: 'Okta Workforce Identity', vendor: 'Okta', count: 500 }
]

const created = '2025-03-01T09:00:00Z'

/** Fills an empty sandbox with the demo company. */
export function seedDemoCompany(store: SandboxStore, options: DemoCompanyOptions): void {
  const random = new SeededRandom(options.seed)
  store.transaction(() => {
    const clientIds = clientNames.map((name, index) => {
      store.put('clients', { id: index + 1, name, inactive: false, toplevel_id: 1, toplevel_name: 'Customers', colour: '#2b6cb0', is_vip: index === 0, datecreated: created })
      return index + 1
    })
    let siteId = 0
    for (const [index, client] of clientNames.entries()) {
      for (const name of siteNames[client] ?? []) {
        siteId += 1
        store.put('sites', { id: siteId, name, client_id: clientIds[index] ?? 1, client_name: client, clientsite_name: `${client}/${name}`, inactive: false, timezone: 'GMT Standard Time', emaildomain: demoEmailDomain })
      }
    }
    // One archived site, so inactive filtering has something to hide.
    siteId += 1
    store.put('sites', { id: siteId, name: 'Bristol (closed 2024)', client_id: 1, client_name: clientNames[0], clientsite_name: `${clientNames[0]}/Bristol (closed 2024)`, inactive: true })

    store.put('organisations', { id: 1, name: 'Northwind IT', guid: random.guid(), email: `it@${demoEmailDomain}`, departments: [] })
    store.put('organisations', { id: 2, name: 'Northwind Facilities', guid: random.guid(), email: `facilities@${demoEmailDomain}`, departments: [] })
    agentRoles.forEach((name, index) => store.put('roles', { id: random.guid(), id_int: index + 1, name, normalizedName: name.toUpperCase(), notes: '' }, index + 1))
    userRoles.forEach((name, index) => store.put('userRoles', { id: index + 1, name, notes: '', web_access_level: index === 0 ? 0 : 1 }))
    teams.forEach((name, index) => store.put('teams', { id: index + 1, guid: random.guid(), name, sequence: index + 1, forrequests: true, inactive: false, department_id: 1, department_name: 'IT', organisation_id: 1 }))
    ticketTypes.forEach((name, index) =>
      store.put('ticketTypes', { id: index + 1, name, group_id: 1, group_name: 'Service Management', use: 'ticket', visible: true, enduserscanselect: index !== 3, agentscanselect: true, itilrequesttype: index + 1 })
    )
    customFields.forEach((field, index) => store.put('fieldInfo', { id: 101 + index, ...field, usage: 'user', table_id: 1, mandatory: false, searchable: false, values: field.name === 'CFContractType' ? ['Permanent', 'Fixed term', 'Contractor'] : [] }, index + 1))
    ticketCustomFields.forEach((field, index) =>
      store.put('fieldInfo', { id: 101 + customFields.length + index, ...field, usage: 'ticket', table_id: 2, mandatory: false, searchable: false, values: [] }, customFields.length + index + 1)
    )
    templates.forEach((template, index) => {
      const typeIndex = ticketTypes.indexOf(template.ticketType)
      store.put('templates', { id: index + 1, name: template.name, tickettype_id: typeIndex + 1, tickettype_name: template.ticketType, summary: template.summary, details: '', inactive: false })
    })
    licences.forEach((licence, index) => store.put('licences', { id: index + 1, type: 1, ...licence, client_id: 1, licences_in_use: 0, licences_available: licence.count, is_active: true, deleted: false }))
    store.put('azureadconnections', { id: 1, name: 'Northwind Entra ID', domain: demoEmailDomain, directoryid: random.guid(), applicationid: random.guid(), authorized: false, mappings_user: [], mappings_agent: [], mappings_site: [], createunmatchedusers: false, deactivate_users: false })
    store.put('control', { id: 1, okta_url: '', okta_client_id: '', enableoktasinglesignon: false, enableazuresinglesignon: false, azuretenantid: '', azure_use_oid: false, okta_usermappings: [], okta_sitemappings: [], okta_rolemappings: [] })

    const agentCount = Math.max(options.agents, 2)
    for (let index = 0; index < agentCount; index += 1) store.put('agents', agentRecord(options.seed, index, random))
    cabs(store, random, agentCount)
    addDemoUsers(store, options.seed, options.users, siteId)
    tickets(store, random, Math.min(options.users, 40))
  })
  store.setMeta('seed', String(options.seed))
}

function agentRecord(seed: number, index: number, random: SeededRandom): HaloRecord {
  const person = personAt(seed, 900_000 + index)
  const team = teams[index % teams.length] ?? 'Service Desk'
  return {
    id: index + 1,
    name: person.displayName,
    firstname: person.firstName,
    surname: person.lastName,
    email: `${person.login}@${demoEmailDomain}`,
    jobtitle: index === 0 ? 'API agent' : 'IT Support',
    isdisabled: index > 3 && random.chance(0.05),
    is_agent: true,
    isapiagent: index === 0,
    team,
    teams: [{ team_id: (index % teams.length) + 1, team_name: team }],
    licence_type: 1,
    datecreated: created
  }
}

function cabs(store: SandboxStore, random: SeededRandom, agentCount: number): void {
  const member = (agentId: number, index: number): Record<string, unknown> => {
    const agent = store.get('agents', agentId)
    return { id: index, cab_id: 0, agent_id: agentId, type: 0, member_name: agent?.name ?? '', emailaddress: agent?.email ?? '', is_mandatory: index === 1 }
  }
  const members = (count: number): Record<string, unknown>[] => Array.from({ length: Math.min(count, agentCount) }, (_, i) => member(random.int(1, agentCount), i + 1))
  store.put('cabs', { id: 1, guid: random.guid(), name: 'Infrastructure CAB', all_must_approve: false, approvals_needed: 2, rejection_threshold: 1, members: members(4).map((m) => ({ ...m, cab_id: 1 })), roles: [] })
  store.put('cabs', { id: 2, guid: random.guid(), name: 'Emergency CAB', all_must_approve: true, approvals_needed: 0, rejection_threshold: 1, members: members(2).map((m) => ({ ...m, cab_id: 2 })), roles: [] })
}

function tickets(store: SandboxStore, random: SeededRandom, count: number): void {
  const summaries = ['Cannot log in to VPN', 'New laptop request', 'Printer jam on floor 2', 'Access to finance share', 'Outlook keeps crashing', 'Reset MFA device']
  for (let id = 1; id <= count; id += 1) {
    const user = store.get('users', id)
    store.put('tickets', {
      id,
      summary: random.pick(summaries),
      details: '',
      tickettype_id: random.int(1, 3),
      status_id: random.int(1, 4),
      user_id: user?.id ?? null,
      user_name: user?.name ?? null,
      client_id: user?.client_id ?? 1,
      site_id: user?.site_id ?? 1,
      dateoccurred: created
    })
  }
}

/** Appends `count` generated users (for large states); returns how many users the sandbox now has. */
export function addDemoUsers(store: SandboxStore, seed: number, count: number, siteCount = store.count('sites')): number {
  const sites = store.all('sites').filter((site) => site.inactive !== true)
  const first = store.nextSeq('users')
  const insert = (): void => {
    for (let offset = 0; offset < count; offset += 1) {
      const id = first + offset
      store.put('users', userRecord(seed, personAt(seed, id - 1), id, sites[(id * 7) % Math.max(sites.length, 1)] ?? null, siteCount))
    }
  }
  store.transaction(insert)
  return store.count('users')
}

function userRecord(seed: number, person: Person, id: number, site: HaloRecord | null, siteCount: number): HaloRecord {
  const random = new SeededRandom(id * 7919 + siteCount)
  const synced = random.chance(0.6)
  // Users synced from Entra before carry the Entra sandbox's id for the same person (the draw is kept, so nothing else moves).
  const oid = synced && random.guid() ? entraObjectId(seed, person.index) : null
  const email = `${person.login}@${demoEmailDomain}`
  return {
    id,
    name: person.displayName,
    firstname: person.firstName,
    surname: person.lastName,
    emailaddress: email,
    login: email,
    title: person.jobTitle,
    department: person.department,
    phonenumber: person.phone,
    mobilenumber: person.mobile,
    site_id: site?.id ?? 1,
    site_id_int: site?.id ?? 1,
    site_name: site?.name ?? '',
    client_id: site?.client_id ?? 1,
    client_name: site?.client_name ?? '',
    inactive: random.chance(0.04),
    // Both Azure id fields carry the object id (halo-api.md §5.3 [U]).
    azureoid: oid,
    azure_id: oid,
    okta_id: null,
    oktaid: null,
    customfields: [
      { id: 101, name: 'CFEmployeeNumber', label: 'Employee number', type: 0, value: person.employeeNumber, display: person.employeeNumber },
      { id: 102, name: 'CFCostCentre', label: 'Cost centre', type: 0, value: `CC-${100 + (id % 40)}`, display: `CC-${100 + (id % 40)}` }
    ],
    datecreated: created
  }
}
