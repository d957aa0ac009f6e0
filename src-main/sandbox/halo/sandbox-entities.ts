/**
 * The entities the Halo sandbox serves, as halo-api.md describes them: path, list shape (envelope
 * with record_count, or a bare array — §8), id type, deactivation flag and its list filter, searched
 * fields, which fields a create needs and the (deliberately varied) 400 body Halo answers without
 * them (§6), and which permission area (scope) guards them (§1.4). Where the reference says [U], the
 * choice is noted here.
 */
import type { HaloRecord } from './sandbox-store'

/** Permission areas; a token's scopes grant them (see scopeGrants). */
export type PermissionArea = 'customers' | 'admin' | 'tickets' | 'software'

export interface SandboxEntity {
  kind: string
  /** Route segment, matched case-insensitively (§1.1). */
  path: string
  envelope: string | null
  idType: 'int' | 'guid'
  /** The deactivation flag and the query parameter that includes flagged records in lists. */
  flag: { field: 'inactive' | 'isdisabled'; includeParam: 'includeinactive' | 'includedisabled'; onlyParam: 'includeactive' | 'includeenabled' } | null
  search: readonly string[]
  /** Query parameters that filter a list by equality on the field of the same name. */
  filters: readonly string[]
  /** Largest page the list accepts (Tickets: 100, §3); null = no cap known. */
  maxPageSize: number | null
  area: PermissionArea
  /** The 400 body for a create without its mandatory fields, or null when the record is fine. */
  missing: (record: Record<string, unknown>, index: number) => unknown
  /** Child collections left out of lists unless asked for (e.g. CAB members without includemembers). */
  detailOnly?: { field: string; includeParam: string }
}

const modelState = (field: string, message: string) => (_: Record<string, unknown>, index: number) => ({ [`[${index}].${field}`]: message })
const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

export const sandboxEntities: readonly SandboxEntity[] = [
  {
    kind: 'users',
    path: 'Users',
    envelope: 'users',
    idType: 'int',
    flag: { field: 'inactive', includeParam: 'includeinactive', onlyParam: 'includeactive' },
    search: ['name', 'emailaddress', 'login'],
    filters: ['client_id', 'site_id', 'organisation_id'],
    maxPageSize: null,
    area: 'customers',
    // Users need a name and a site (§4.1; n8n marks both required). ASP.NET model-state body.
    missing: (record, index) =>
      blank(record.name) ? modelState('name', 'Please enter a name')(record, index) : blank(record.site_id) ? modelState('site_id', 'Please select a Site')(record, index) : null
  },
  {
    kind: 'agents',
    path: 'Agent',
    envelope: null,
    idType: 'int',
    flag: { field: 'isdisabled', includeParam: 'includedisabled', onlyParam: 'includeenabled' },
    search: ['name', 'email', 'phonenumber'],
    filters: ['team_id', 'department_id'],
    maxPageSize: null,
    area: 'admin',
    // A serialised .NET exception, one of the shapes PS's error parser handles (§6).
    missing: (record) => (blank(record.name) ? { ClassName: 'System.Exception', Message: 'Agent name is mandatory' } : null)
  },
  {
    kind: 'sites',
    path: 'Site',
    envelope: 'sites',
    idType: 'int',
    flag: { field: 'inactive', includeParam: 'includeinactive', onlyParam: 'includeactive' },
    search: ['name', 'client_name'],
    filters: ['client_id'],
    maxPageSize: null,
    area: 'customers',
    missing: (record) =>
      blank(record.name) ? { resultCode: 1, errorMessage: 'Please enter a Site name' } : blank(record.client_id) ? { resultCode: 1, errorMessage: 'Please select a Customer for this Site' } : null
  },
  {
    kind: 'clients',
    path: 'Client',
    envelope: 'clients',
    idType: 'int',
    flag: { field: 'inactive', includeParam: 'includeinactive', onlyParam: 'includeactive' },
    search: ['name'],
    filters: ['toplevel_id'],
    maxPageSize: null,
    area: 'customers',
    // A bare string, another shape Halo answers with (§6).
    missing: (record) => (blank(record.name) ? 'Please enter a Customer name' : null)
  },
  { kind: 'organisations', path: 'Organisation', envelope: null, idType: 'int', flag: null, search: ['name'], filters: [], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a name' } : null) },
  // Agent roles: string GUID ids (§4.6); bare array [U].
  { kind: 'roles', path: 'Roles', envelope: null, idType: 'guid', flag: null, search: ['name'], filters: [], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a Role name' } : null) },
  { kind: 'userRoles', path: 'UserRoles', envelope: null, idType: 'int', flag: null, search: ['name'], filters: [], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a Role name' } : null) },
  {
    kind: 'teams',
    path: 'Team',
    envelope: null,
    idType: 'int',
    flag: { field: 'inactive', includeParam: 'includedisabled', onlyParam: 'includeenabled' },
    search: ['name'],
    filters: ['department_id'],
    maxPageSize: null,
    area: 'admin',
    missing: (r) => (blank(r.name) ? { Message: 'Please enter a Team name' } : null)
  },
  { kind: 'ticketTypes', path: 'TicketType', envelope: null, idType: 'int', flag: null, search: ['name'], filters: ['group_id'], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a name' } : null) },
  // Ticket templates: `/api/Template` is not in the reference; a bare array filtered by ticket type is our choice [U].
  { kind: 'templates', path: 'Template', envelope: null, idType: 'int', flag: null, search: ['name'], filters: ['tickettype_id'], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a Template name' } : null) },
  {
    kind: 'tickets',
    path: 'Tickets',
    envelope: 'tickets',
    idType: 'int',
    flag: null,
    search: ['summary'],
    filters: ['client_id', 'site_id', 'user_id', 'agent_id', 'tickettype_id'],
    maxPageSize: 100,
    area: 'tickets',
    missing: (r) => (blank(r.summary) ? { Message: 'Please enter a Summary' } : blank(r.tickettype_id) ? { Message: 'Please select a Ticket Type' } : null)
  },
  {
    kind: 'cabs',
    path: 'CAB',
    envelope: null,
    idType: 'int',
    flag: null,
    search: ['name'],
    filters: [],
    maxPageSize: null,
    area: 'admin',
    missing: (r) => (blank(r.name) ? { Message: 'Please enter a name for the CAB' } : null),
    detailOnly: { field: 'members', includeParam: 'includemembers' }
  },
  { kind: 'fieldInfo', path: 'FieldInfo', envelope: null, idType: 'int', flag: null, search: ['name', 'label'], filters: ['usage'], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a field name' } : null) },
  {
    kind: 'licences',
    path: 'SoftwareLicence',
    // Envelope key `licences` as PS uses it [U].
    envelope: 'licences',
    idType: 'int',
    flag: null,
    search: ['name', 'vendor'],
    filters: ['client_id'],
    maxPageSize: null,
    area: 'software',
    missing: (r) => (blank(r.name) ? { Message: 'Please enter a name' } : null)
  },
  { kind: 'azureadconnections', path: 'azureadconnection', envelope: null, idType: 'int', flag: null, search: ['name'], filters: [], maxPageSize: null, area: 'admin', missing: (r) => (blank(r.name) ? { Message: 'Please enter a name' } : null) }
]

export function entityForPath(segment: string): SandboxEntity | null {
  const lower = segment.toLowerCase()
  return sandboxEntities.find((entity) => entity.path.toLowerCase() === lower) ?? null
}

/** Which permission areas each scope grants; `all` and `admin` grant everything [U for admin]. */
export function scopeGrants(scopes: readonly string[], area: PermissionArea, write: boolean): boolean {
  if (scopes.includes('all') || scopes.includes('admin')) return true
  const areaScope: Record<PermissionArea, string> = { customers: 'customers', admin: 'admin', tickets: 'tickets', software: 'softwarelicensing' }
  const name = areaScope[area]
  return scopes.includes(`edit:${name}`) || (!write && scopes.includes(`read:${name}`))
}

/** The human name of a permission area, for the 403 message an admin can act on. */
export const areaPermission: Record<PermissionArea, string> = {
  customers: 'Customers (scope read:customers / edit:customers)',
  admin: 'Administration (scope admin)',
  tickets: 'Tickets (scope read:tickets / edit:tickets)',
  software: 'Software Licensing (scope read:softwarelicensing)'
}

/** Server-side defaults and derived fields Halo fills in on save (names of linked records, etc.). */
export type RecordCompleter = (kind: string, record: HaloRecord) => HaloRecord
