/**
 * Small, readable inputs for the engine's tests: a handful of directory people (with the awkward
 * cases: empty fields, a guest, a long name, a manager reference), three groups, Halo look-ups and
 * existing records, and a configuration builder starting from a source's defaults.
 */
import type { DirectoryGroup, DirectoryPerson } from '../../src-shared/contract'
import { defaultConfig } from '../../src-shared/mapping/config-defaults'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import type { DirectoryData } from '../../src-main/core/directory-data'
import type { HaloLookups, HaloRecords } from '../../src-main/core/halo-state'

export function person(id: string, profile: Partial<Omit<DirectoryPerson, 'attributes'>> & { attributes?: DirectoryPerson['attributes'] } = {}): DirectoryPerson {
  const firstName = profile.firstName ?? null
  const lastName = profile.lastName ?? null
  const base: DirectoryPerson = {
    id,
    status: 'ACTIVE',
    login: null,
    email: null,
    firstName,
    lastName,
    displayName: [firstName, lastName].filter(Boolean).join(' ') || id,
    title: null,
    department: null,
    employeeNumber: null,
    manager: null,
    managerId: null,
    mobilePhone: null,
    phone: null,
    city: null,
    countryCode: null,
    created: null,
    lastUpdated: null,
    attributes: {}
  }
  const merged = { ...base, ...profile }
  // Okta keeps the profile as attributes too; tests read both ways.
  const attributes: DirectoryPerson['attributes'] = {}
  for (const key of ['login', 'email', 'firstName', 'lastName', 'displayName', 'title', 'department', 'employeeNumber', 'managerId', 'mobilePhone', 'city'] as const) {
    const value = merged[key]
    if (value !== null) attributes[key] = value
  }
  return { ...merged, attributes: { ...attributes, ...profile.attributes } }
}

export const ada = person('00u-ada', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@northwind.example', login: 'ada@northwind.example', department: 'Engineering', title: 'Engineer', city: 'London', employeeNumber: 'E1', attributes: { primaryPhone: '+44 20 7946 0000' } })
export const grace = person('00u-grace', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@northwind.example', login: 'grace@northwind.example', department: 'IT', title: 'Service desk lead', city: 'Leeds', managerId: 'E1' })
export const alan = person('00u-alan', { firstName: 'Alan', lastName: 'Turing', email: 'alan@northwind.example', login: 'alan@northwind.example', department: 'Finance', status: 'SUSPENDED' })
export const guest = person('00u-guest', { firstName: 'Gus', lastName: 'Guest', email: 'gus@partner.example', login: 'gus_partner.example#EXT#@northwind.example', department: 'Engineering' })
export const blank = person('00u-blank', { login: 'blank@northwind.example' })

export const groups: DirectoryGroup[] = [
  { id: '00g-eng', name: 'Engineering', description: null, type: 'OKTA_GROUP', memberCount: 2 },
  { id: '00g-it', name: 'IT Service Desk', description: null, type: 'OKTA_GROUP', memberCount: 1 },
  { id: '00g-cab', name: 'Change Approvers', description: null, type: 'OKTA_GROUP', memberCount: 2 }
]

export function directory(people: DirectoryPerson[] = [ada, grace, alan, guest, blank]): DirectoryData {
  return {
    people,
    groups,
    members: new Map([
      ['00g-eng', ['00u-ada', '00u-guest']],
      ['00g-it', ['00u-grace']],
      ['00g-cab', ['00u-ada', '00u-grace']]
    ]),
    appAssignments: new Map([['0oa-m365', ['00u-ada', '00u-alan']]])
  }
}

export const lookups: HaloLookups = {
  sites: [
    { id: 1, name: 'London', clientId: 10, clientName: 'Northwind Traders' },
    { id: 2, name: 'Leeds', clientId: 10, clientName: 'Northwind Traders' },
    { id: 3, name: 'Head Office', clientId: 11, clientName: 'Contoso' }
  ],
  clients: [
    { id: 10, name: 'Northwind Traders' },
    { id: 11, name: 'Contoso' }
  ],
  agentRoles: [
    { id: 'role-desk', name: 'Service Desk' },
    { id: 'role-admin', name: 'Administrators' }
  ],
  userRoles: [{ id: 5, name: 'Approver' }],
  cabs: [{ id: 7, name: 'Main CAB' }],
  ticketTypes: [
    { id: 21, name: 'New starter' },
    { id: 22, name: 'Incident' }
  ],
  templates: [
    { id: 31, name: 'Standard new starter', ticketTypeId: 21 },
    { id: 32, name: 'Printer fault', ticketTypeId: 22 }
  ],
  customFields: ['CFCostCentre'],
  ticketCustomFields: ['CFStarterEmail']
}

export const records: HaloRecords = {
  users: [
    { id: 101, fields: { okta_id: '00u-ada', emailaddress: 'ada.old@northwind.example', login: 'ada' } },
    { id: 102, fields: { emailaddress: 'GRACE@northwind.example ' } },
    { id: 103, fields: { emailaddress: 'alan@northwind.example' } },
    { id: 104, fields: { emailaddress: 'alan@northwind.example' } }
  ],
  agents: [{ id: 201, fields: { email: 'grace@northwind.example' } }]
}

export function config(change: (config: ConnectionConfig) => void = () => undefined): ConnectionConfig {
  const built = defaultConfig('okta')
  built.siteMappings = [
    { kind: 'existing-site', id: 'agents', sequence: 1, siteId: 'agent', agentRoleId: 'role-desk', groupName: 'IT Service Desk', criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null },
    { kind: 'organisation-by-field', id: 'by-city', sequence: 2, clientId: 10, field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: 5 },
    { kind: 'existing-site', id: 'engineering', sequence: 3, siteId: 3, agentRoleId: null, groupName: 'Engineering', criteria: [], includeExternal: true, appId: null, statuses: [], userRoleId: null }
  ]
  change(built)
  return built
}
