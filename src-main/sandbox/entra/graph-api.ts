/**
 * The Entra sandbox's Microsoft Graph v1.0 (entra.md §3, §7): users (default property set or
 * $select, $top 1–999 else 400, a $filter subset, $count only with ConsistencyLevel: eventual,
 * absolute @odata.nextLink with $skiptoken), a user by id or UPN (#EXT# as %23), manager, memberOf
 * and transitiveMemberOf; groups, members and transitiveMembers (with the microsoft.graph.user cast);
 * /users/delta and /groups/delta (nextLink then deltaLink, $deltatoken=latest, @removed, members@delta
 * and manager@delta, a token older than 7 days → syncStateNotFound); subscribedSkus and
 * assignLicense (refused without usageLocation); Intune managedDevices; applications with their
 * passwordCredentials. Each endpoint needs one of its permissions in the token's roles (403
 * Authorization_RequestDenied otherwise).
 */
import { graphError, type Answer } from './entra-errors'
import type { AccessClaims, EntraApp } from './entra-auth'
import type { EntraGroup, EntraTenant, EntraUser } from './entra-tenant'

export interface GraphRequest {
  method: string
  /** Path segments after /v1.0, decoded. */
  segments: string[]
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: unknown
  claims: AccessClaims
}

const defaultUserProperties = ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName']
const defaultGroupProperties = ['id', 'deletedDateTime', 'classification', 'createdDateTime', 'description', 'displayName', 'groupTypes', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'visibility']
const userProperties = new Set([...defaultUserProperties, 'accountEnabled', 'userType', 'externalUserState', 'creationType', 'employeeId', 'employeeType', 'department', 'companyName', 'city', 'country', 'usageLocation', 'mailNickname', 'onPremisesSamAccountName', 'onPremisesSyncEnabled', 'assignedLicenses', 'createdDateTime', 'manager'])
const collectionOnly = new Set(['aboutMe', 'birthday', 'hireDate', 'interests', 'mySite', 'pastProjects', 'preferredName', 'responsibilities', 'schools', 'skills', 'mailboxSettings'])
const deltaLifetimeMs = 7 * 86_400_000

const permissions = {
  users: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  groups: ['Group.Read.All', 'GroupMember.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  skus: ['Organization.Read.All', 'LicenseAssignment.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  assignLicense: ['LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'],
  devices: ['DeviceManagementManagedDevices.Read.All', 'DeviceManagementManagedDevices.ReadWrite.All'],
  applications: ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All']
} as const

/** Graph's resource-unit cost of a request (entra.md §3.7), before the $select discount. */
export function resourceUnits(segments: string[], query: URLSearchParams): number {
  const [first, , third] = segments
  let cost = first === 'users' && segments.length === 1 ? 2 : third === 'transitiveMembers' ? 5 : third === 'members' ? 3 : first === 'subscribedSkus' ? 3 : first === 'applications' ? 2 : 1
  if (query.has('$select')) cost -= 1
  if (query.has('$expand')) cost += 1
  return Math.max(1, cost)
}

interface PageState {
  offset: number
}

export class GraphApi {
  private readonly rounds = new Map<string, Array<{ id: string; removed: boolean }>>()

  constructor(
    private readonly tenant: EntraTenant,
    private readonly apps: () => Iterable<EntraApp>,
    private readonly now: () => number,
    private readonly origin: () => string,
    /** Delta tokens issued before this version count as expired (a switch for tests). */
    private readonly deltaExpiredBefore: () => number
  ) {}

  handle(request: GraphRequest): Answer {
    const { segments, method } = request
    const [first, second, third, fourth] = segments
    const now = this.now()
    const user = (): EntraUser | Answer => this.tenant.userByKey(second ?? '') ?? notFound(second ?? '', now)
    if (method === 'POST' && first === 'users' && third === 'assignLicense' && segments.length === 3) return this.allowed(request, permissions.assignLicense) ?? this.assignLicense(user(), request.body)
    if (method !== 'GET') return graphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed for this resource.`, now)
    if (first === 'users') {
      const refused = this.allowed(request, permissions.users)
      if (refused) return refused
      if (segments.length === 1) return this.list(request, [...this.tenant.users.values()], 'users', (each) => this.userView(each, request.query))
      if (second === '$count' && segments.length === 2) return this.count(request, this.tenant.users.size)
      if (second === 'delta' || second === 'microsoft.graph.delta') return segments.length === 2 ? this.delta(request, 'users') : notFound(segments.join('/'), now)
      const found = user()
      if (!('id' in found)) return found
      if (segments.length === 2) return { status: 200, body: { '@odata.context': `${this.origin()}/v1.0/$metadata#users/$entity`, ...this.userView(found, request.query) } }
      if (third === 'manager' && segments.length === 3) {
        const manager = found.managerId ? this.tenant.users.get(found.managerId) : undefined
        return manager ? { status: 200, body: { '@odata.type': '#microsoft.graph.user', ...this.userView(manager, request.query) } } : notFound('manager', now)
      }
      if ((third === 'memberOf' || third === 'transitiveMemberOf') && segments.length === 3) {
        const refusedGroups = this.allowed(request, permissions.groups)
        if (refusedGroups) return refusedGroups
        const groups = this.tenant.memberOf(found.id, third === 'transitiveMemberOf').map((id) => this.tenant.groups.get(id)).filter((each): each is EntraGroup & { version: number } => each !== undefined)
        return this.list(request, groups, `users/${found.id}/${third}`, (each) => ({ '@odata.type': '#microsoft.graph.group', ...this.groupView(each, request.query) }))
      }
      return notFound(segments.join('/'), now)
    }
    if (first === 'groups') {
      const refused = this.allowed(request, permissions.groups)
      if (refused) return refused
      if (segments.length === 1) return this.list(request, [...this.tenant.groups.values()], 'groups', (each) => this.groupView(each, request.query))
      if (second === 'delta' || second === 'microsoft.graph.delta') return segments.length === 2 ? this.delta(request, 'groups') : notFound(segments.join('/'), now)
      const group = this.tenant.groups.get(second ?? '')
      if (!group) return notFound(second ?? '', now)
      if (segments.length === 2) return { status: 200, body: this.groupView(group, request.query) }
      if ((third === 'members' || third === 'transitiveMembers') && (segments.length === 3 || (segments.length === 4 && fourth === 'microsoft.graph.user'))) {
        if (segments.length === 4 && fourth !== 'microsoft.graph.user') return graphError(400, 'Request_UnsupportedQuery', 'The specified type cast is not supported.', now)
        const ids = third === 'members' ? [...group.members] : this.tenant.transitiveMembers(group.id)
        const objects = ids.map((id) => this.tenant.users.get(id) ?? this.tenant.groups.get(id)).filter((each): each is (EntraUser | EntraGroup) & { version: number } => each !== undefined && (fourth === undefined || 'userPrincipalName' in each))
        return this.list(request, objects, `groups/${group.id}/${segments.slice(2).join('/')}`, (each) => ('userPrincipalName' in each ? { '@odata.type': '#microsoft.graph.user', ...this.userView(each, request.query) } : { '@odata.type': '#microsoft.graph.group', ...this.groupView(each, request.query) }))
      }
      return notFound(segments.join('/'), now)
    }
    if (first === 'subscribedSkus' && segments.length === 1) return this.allowed(request, permissions.skus) ?? { status: 200, body: { '@odata.context': `${this.origin()}/v1.0/$metadata#subscribedSkus`, value: this.tenant.skus.map((sku) => ({ ...sku, accountId: this.tenant.tenantId, accountName: 'Northwind Traders', consumedUnits: this.consumed(sku.skuId) })) } }
    if (first === 'deviceManagement' && second === 'managedDevices' && segments.length === 2) return this.allowed(request, permissions.devices) ?? this.list(request, this.tenant.devices.map((device) => ({ ...device, version: 0 })), 'deviceManagement/managedDevices', ({ version: _version, ...device }) => ({ ...device, emailAddress: device.userPrincipalName, userDisplayName: this.tenant.users.get(device.userId)?.displayName ?? null }))
    if (first === 'applications' && segments.length === 1) return this.allowed(request, permissions.applications) ?? this.applications(request)
    return graphError(400, 'BadRequest', `Resource not found for the segment '${first ?? ''}'.`, now)
  }

  private allowed(request: GraphRequest, anyOf: readonly string[]): Answer | null {
    const held = request.claims.userId === null ? request.claims.roles : request.claims.scopes
    if (held.some((role) => anyOf.includes(role))) return null
    return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', this.now())
  }

  private consumed(skuId: string): number {
    let count = 0
    for (const user of this.tenant.users.values()) if (user.assignedLicenses.some((licence) => licence.skuId === skuId)) count += 1
    return count
  }

  private selectOf(query: URLSearchParams, defaults: string[]): string[] | Answer {
    const raw = query.get('$select')
    if (!raw) return defaults
    const fields = raw.split(',').map((field) => field.trim()).filter(Boolean)
    const bad = fields.find((field) => collectionOnly.has(field))
    if (bad) return graphError(501, 'NotImplemented', `This operation target is not yet supported.`, this.now())
    return fields.includes('id') ? fields : ['id', ...fields]
  }

  userView(user: EntraUser, query: URLSearchParams): Record<string, unknown> {
    const select = this.selectOf(query, defaultUserProperties)
    const fields = Array.isArray(select) ? select : defaultUserProperties
    const record = user as unknown as Record<string, unknown>
    return Object.fromEntries(fields.filter((field) => field !== 'manager' && (userProperties.has(field) || field in record)).map((field) => [field, record[field] ?? null]))
  }

  groupView(group: EntraGroup, query: URLSearchParams): Record<string, unknown> {
    const select = this.selectOf(query, defaultGroupProperties)
    const fields = Array.isArray(select) ? select : defaultGroupProperties
    const record = group as unknown as Record<string, unknown>
    return Object.fromEntries(fields.filter((field) => field !== 'members').map((field) => [field, field === 'deletedDateTime' || field === 'classification' ? null : field === 'visibility' ? (group.groupTypes.includes('Unified') ? 'Private' : null) : (record[field] ?? null)]))
  }

  private advanced(request: GraphRequest): boolean {
    return String(request.headers.consistencylevel ?? '').toLowerCase() === 'eventual'
  }

  private count(request: GraphRequest, total: number): Answer {
    if (!this.advanced(request)) return graphError(400, 'Request_BadRequest', "Count is not currently supported without the header 'ConsistencyLevel: eventual'.", this.now())
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: String(total) }
  }

  /** A paged collection: $top, $skiptoken, $filter, $count, @odata.nextLink (absolute, with the query's options). */
  private list<T extends { id: string }>(request: GraphRequest, all: T[], path: string, view: (item: T) => Record<string, unknown>): Answer {
    const now = this.now()
    const { query } = request
    const topText = query.get('$top')
    const top = topText === null ? 100 : Number(topText)
    if (!Number.isInteger(top) || top < 1 || top > 999) return graphError(400, 'Request_BadRequest', `Invalid page size specified: '${topText ?? ''}'. Must be between 1 and 999 inclusive.`, now)
    if (query.has('$skip')) return graphError(400, 'Request_BadRequest', "'$skip' is not supported by the service.", now)
    const select = this.selectOf(query, [])
    if (!Array.isArray(select)) return select
    const wantsCount = query.get('$count') === 'true'
    if (wantsCount && !this.advanced(request)) return graphError(400, 'Request_BadRequest', "$count is not currently supported without the header 'ConsistencyLevel: eventual'.", now)
    let items = all
    const filter = query.get('$filter')
    if (filter) {
      const matcher = parseFilter(filter, this.advanced(request) && wantsCount)
      if (typeof matcher === 'string') return graphError(400, 'Request_UnsupportedQuery', matcher, now)
      items = all.filter((item) => matcher(item as unknown as Record<string, unknown>))
    }
    let state: PageState = { offset: 0 }
    const skiptoken = query.get('$skiptoken')
    if (skiptoken !== null) {
      try {
        state = JSON.parse(Buffer.from(skiptoken, 'base64url').toString('utf8')) as PageState
      } catch {
        return graphError(400, 'Request_BadRequest', 'The specified page token value has expired or is not valid.', now)
      }
    }
    const page = items.slice(state.offset, state.offset + top)
    const body: Record<string, unknown> = { '@odata.context': `${this.origin()}/v1.0/$metadata#${path.split('/')[0] ?? path}` }
    if (wantsCount) body['@odata.count'] = items.length
    if (state.offset + top < items.length) {
      const next: Array<[string, string]> = [...[...query.entries()].filter(([key]) => key !== '$skiptoken'), ['$skiptoken', Buffer.from(JSON.stringify({ offset: state.offset + top })).toString('base64url')]]
      body['@odata.nextLink'] = `${this.origin()}/v1.0/${path}?${next.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`).join('&')}`
    }
    body.value = page.map(view)
    return { status: 200, body }
  }

  private delta(request: GraphRequest, kind: 'users' | 'groups'): Answer {
    const now = this.now()
    const { query } = request
    if (query.has('$top') || query.has('$orderby')) return graphError(400, 'Request_UnsupportedQuery', `The query option '${query.has('$top') ? '$top' : '$orderby'}' is not supported with delta queries.`, now)
    const deltatoken = query.get('$deltatoken')
    const skiptoken = query.get('$skiptoken')
    const link = (token: Record<string, unknown>, name: '$deltatoken' | '$skiptoken'): string => `${this.origin()}/v1.0/${kind}/delta?${name}=${Buffer.from(JSON.stringify(token)).toString('base64url')}`
    if (deltatoken === 'latest') return { status: 200, body: { '@odata.context': `${this.origin()}/v1.0/$metadata#${kind}`, '@odata.deltaLink': link({ v: this.tenant.version, at: now, select: query.get('$select') }, '$deltatoken'), value: [] } }
    let round: { from: number; to: number; offset: number; select: string | null; at: number }
    try {
      if (skiptoken !== null) round = JSON.parse(Buffer.from(skiptoken, 'base64url').toString('utf8')) as typeof round
      else if (deltatoken !== null) {
        const token = JSON.parse(Buffer.from(deltatoken, 'base64url').toString('utf8')) as { v: number; at: number; select: string | null }
        if (now - token.at > deltaLifetimeMs || token.v < this.deltaExpiredBefore()) {
          return graphError(400, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.', now)
        }
        round = { from: token.v, to: this.tenant.version, offset: 0, select: token.select, at: now }
      } else round = { from: 0, to: this.tenant.version, offset: 0, select: query.get('$select'), at: now }
    } catch {
      return graphError(400, 'Request_BadRequest', 'The delta or skip token is not valid.', now)
    }
    const selectQuery = new URLSearchParams(round.select ? { $select: round.select } : {})
    const ids = this.roundIds(kind, round.from, round.to)
    const pageSize = kind === 'users' ? 200 : 100
    const page = ids.slice(round.offset, round.offset + pageSize).map(({ id, removed }) => (kind === 'users' ? this.userChange(id, removed, round.from, selectQuery) : this.groupChange(id, removed, round.from, round.to, selectQuery)))
    const more = round.offset + pageSize < ids.length
    return {
      status: 200,
      body: {
        '@odata.context': `${this.origin()}/v1.0/$metadata#${kind}`,
        ...(more ? { '@odata.nextLink': link({ ...round, offset: round.offset + pageSize }, '$skiptoken') } : { '@odata.deltaLink': link({ v: round.to, at: now, select: round.select }, '$deltatoken') }),
        value: page
      }
    }
  }

  /**
   * The ids a round reports, in order: objects changed in (from, to], then (after a first round)
   * removals. Worked out once per round and kept for its pages; each page is then rendered from the
   * objects as they are (a later change shows early and again next round: Graph replays too).
   */
  private roundIds(kind: 'users' | 'groups', from: number, to: number): Array<{ id: string; removed: boolean }> {
    const key = `${kind}:${from}:${to}`
    const cached = this.rounds.get(key)
    if (cached) return cached
    const ids: Array<{ id: string; removed: boolean }> = []
    if (kind === 'users') {
      for (const user of this.tenant.users.values()) if (user.version > from && user.version <= to) ids.push({ id: user.id, removed: false })
    } else {
      for (const group of this.tenant.groups.values()) {
        const membersChanged = (this.tenant.membershipLog.get(group.id) ?? []).some((change) => change.version > from && change.version <= to)
        if ((group.version > from && group.version <= to) || membersChanged) ids.push({ id: group.id, removed: false })
      }
    }
    const removedKind = kind === 'users' ? 'user' : 'group'
    if (from > 0) for (const [id, removal] of this.tenant.removed) if (removal.kind === removedKind && removal.version > from && removal.version <= to) ids.push({ id, removed: true })
    if (this.rounds.size >= 50) this.rounds.delete(this.rounds.keys().next().value as string)
    this.rounds.set(key, ids)
    return ids
  }

  private userChange(id: string, removed: boolean, from: number, select: URLSearchParams): Record<string, unknown> {
    const user = removed ? undefined : this.tenant.users.get(id)
    if (!user) return { id, '@removed': { reason: this.tenant.removed.get(id)?.reason ?? (from > 0 ? 'deleted' : 'changed') } }
    const wantsManager = (select.get('$select') ?? '').split(',').includes('manager')
    return { ...this.userView(user, select), ...(wantsManager && user.managerId ? { 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }] } : {}) }
  }

  private groupChange(id: string, removed: boolean, from: number, to: number, select: URLSearchParams): Record<string, unknown> {
    const group = removed ? undefined : this.tenant.groups.get(id)
    if (!group) return { id, '@removed': { reason: this.tenant.removed.get(id)?.reason ?? 'deleted' } }
    const wantsMembers = (select.get('$select') ?? '').split(',').includes('members') || !select.has('$select')
    // The last change per member in the round wins: added, or removed.
    const last = new Map<string, boolean>()
    for (const change of this.tenant.membershipLog.get(group.id) ?? []) if (change.version > from && change.version <= to) last.set(change.memberId, change.added)
    const membersDelta = [...last].map(([memberId, added]) => ({ '@odata.type': this.tenant.groups.has(memberId) ? '#microsoft.graph.group' : '#microsoft.graph.user', id: memberId, ...(added ? {} : { '@removed': { reason: 'deleted' } }) }))
    return { ...this.groupView(group, select), ...(wantsMembers && membersDelta.length > 0 ? { 'members@delta': membersDelta } : {}) }
  }

  private assignLicense(found: EntraUser | Answer, body: unknown): Answer {
    const now = this.now()
    if (!('id' in found)) return found
    const request = (body ?? {}) as { addLicenses?: Array<{ skuId?: string; disabledPlans?: string[] }>; removeLicenses?: string[] }
    if (!Array.isArray(request.addLicenses) || !Array.isArray(request.removeLicenses)) return graphError(400, 'Request_BadRequest', "Invalid value specified for property 'addLicenses' or 'removeLicenses' of resource 'User'.", now)
    if (request.addLicenses.length > 0 && !found.usageLocation) return graphError(400, 'Request_BadRequest', 'License assignment cannot be done for user with invalid usage location.', now)
    const unknown = [...request.addLicenses.map((each) => each.skuId ?? ''), ...request.removeLicenses].find((skuId) => !this.tenant.skus.some((sku) => sku.skuId === skuId))
    if (unknown !== undefined) return graphError(400, 'Request_BadRequest', `License ${unknown} does not correspond to a valid company License.`, now)
    const kept = found.assignedLicenses.filter((licence) => !request.removeLicenses?.includes(licence.skuId) && !request.addLicenses?.some((added) => added.skuId === licence.skuId))
    const assignedLicenses = [...kept, ...request.addLicenses.map((added) => ({ skuId: added.skuId ?? '', disabledPlans: added.disabledPlans ?? [] }))]
    this.tenant.updateUser(found.id, { assignedLicenses })
    return { status: 200, body: { '@odata.context': `${this.origin()}/v1.0/$metadata#users/$entity`, ...this.userView({ ...found, assignedLicenses }, new URLSearchParams()) } }
  }

  private applications(request: GraphRequest): Answer {
    const filter = request.query.get('$filter')
    const wanted = filter ? /^appId eq '([^']+)'$/i.exec(filter.trim())?.[1] : undefined
    if (filter && wanted === undefined) return graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for property of resource Application.', this.now())
    const apps = [...this.apps()].filter((app) => wanted === undefined || app.appId.toLowerCase() === wanted.toLowerCase())
    return {
      status: 200,
      body: {
        '@odata.context': `${this.origin()}/v1.0/$metadata#applications`,
        value: apps.map((app) => ({
          id: app.appId.split('').reverse().join(''),
          appId: app.appId,
          displayName: app.displayName,
          passwordCredentials: app.secrets.map((secret) => ({ customKeyIdentifier: null, displayName: secret.displayName, endDateTime: secret.endDateTime, hint: secret.value.slice(0, 3), keyId: secret.keyId, secretText: null, startDateTime: secret.startDateTime })),
          keyCredentials: []
        }))
      }
    }
  }
}

/** A property's value as filter text: strings, numbers and booleans; anything else is "". */
function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

function notFound(id: string, now: number): Answer {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, now)
}

/**
 * The $filter subset the connector and admins use: `prop eq value`, `prop ne value` (advanced
 * only), `startswith(prop,'x')`, `prop in ('a','b')`, joined by `and`/`or`. Values: 'strings', true,
 * false, null. Answers a predicate, or why the filter is refused.
 */
export function parseFilter(filter: string, advanced: boolean): ((item: Record<string, unknown>) => boolean) | string {
  const clauses = filter.split(/\s+(and|or)\s+/i)
  const tests: Array<(item: Record<string, unknown>) => boolean> = []
  const joins: string[] = []
  for (let n = 0; n < clauses.length; n += 1) {
    const clause = (clauses[n] ?? '').trim()
    if (n % 2 === 1) {
      joins.push(clause.toLowerCase())
      continue
    }
    const literal = (text: string): unknown => (text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : text.replace(/^'(.*)'$/, '$1').replace(/''/g, "'"))
    const starts = /^startswith\((\w+),\s*'((?:[^']|'')*)'\)$/i.exec(clause)
    const compare = /^(\w+)\s+(eq|ne)\s+('(?:[^']|'')*'|true|false|null)$/i.exec(clause)
    const inList = /^(\w+)\s+in\s+\(([^)]*)\)$/i.exec(clause)
    if (starts) {
      const [, field = '', prefix = ''] = starts
      tests.push((item) => scalarText(item[field]).toLowerCase().startsWith(prefix.replace(/''/g, "'").toLowerCase()))
    } else if (compare) {
      const [, field = '', operator = '', value = ''] = compare
      if (operator.toLowerCase() === 'ne' && !advanced) return "Operator 'ne' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header."
      const expected = literal(value)
      const equal = (item: Record<string, unknown>): boolean => (typeof expected === 'string' ? scalarText(item[field]).toLowerCase() === expected.toLowerCase() : (item[field] ?? null) === expected)
      tests.push(operator.toLowerCase() === 'eq' ? equal : (item) => !equal(item))
    } else if (inList) {
      const [, field = '', list = ''] = inList
      const values = list.split(',').map((each) => String(literal(each.trim())).toLowerCase())
      tests.push((item) => values.includes(scalarText(item[field]).toLowerCase()))
    } else return `Unsupported or invalid query filter clause specified for property '${clause}' of resource 'User'.`
  }
  return (item) => {
    let result = (tests[0] as (item: Record<string, unknown>) => boolean)(item)
    joins.forEach((join, n) => {
      const next = (tests[n + 1] as (item: Record<string, unknown>) => boolean)(item)
      result = join === 'and' ? result && next : result || next
    })
    return result
  }
}
