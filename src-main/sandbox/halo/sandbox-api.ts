/**
 * The Halo sandbox's resource server: GET lists (enveloped with record_count or bare arrays, paging,
 * search, advanced_search, active/inactive and entity filters), GET by id (404 when unknown), POST
 * array upserts (id ⇒ partial update, no id ⇒ create; one in ⇒ object out, many in ⇒ array out),
 * DELETE, and the global Control object — as halo-api.md §2–§4 and §8 describe. Permission checks use
 * the token's scopes. Answers are plain {status, body} values; the HTTP server sends them.
 */
import { randomUUID } from 'node:crypto'
import { areaPermission, entityForPath, scopeGrants, type PermissionArea, type SandboxEntity } from './sandbox-entities'
import type { IssuedToken } from './sandbox-oauth'
import type { HaloRecord, ListFilter, SandboxStore } from './sandbox-store'

export interface ApiAnswer {
  status: number
  body: unknown
}

/** Fields advanced_search may filter on, per entity; others get Halo's 400 (§3) [U: real whitelist unknown]. */
const advancedSearchFields: Record<string, readonly string[]> = {
  users: ['id', 'name', 'emailaddress', 'login', 'azureoid', 'azure_id', 'okta_id', 'oktaid', 'site_id', 'client_id', 'third_party_id'],
  agents: ['id', 'name', 'email', 'okta_id', 'oktaid']
}
const defaultPageSize = 50

export class SandboxApi {
  constructor(private readonly store: SandboxStore) {}

  handle(method: string, segments: string[], query: URLSearchParams, body: unknown, token: IssuedToken): ApiAnswer {
    const [resource = '', id, ...rest] = segments
    if (resource.toLowerCase() === 'control' && id === undefined) return this.control(method, body, token)
    const entity = entityForPath(resource)
    if (!entity || rest.length > 0) return { status: 404, body: { Message: `No HTTP resource was found that matches the request URI '/api/${segments.join('/')}'.` } }
    const write = method !== 'GET'
    if (!allowed(token, entity.area, write)) {
      return { status: 403, body: { Message: `You do not have permission to ${write ? 'change' : 'view'} ${entity.path}. Needs: ${areaPermission[entity.area]}.` } }
    }
    if (method === 'GET' && id === undefined) return this.list(entity, query)
    if (method === 'GET' && id !== undefined) return this.getOne(entity, id, query)
    if (method === 'POST' && id === undefined) return this.upsert(entity, body)
    if (method === 'DELETE' && id !== undefined) return this.remove(entity, id)
    return { status: 405, body: { Message: `The requested resource does not support http method '${method}'.` } }
  }

  private list(entity: SandboxEntity, query: URLSearchParams): ApiAnswer {
    const filter: ListFilter = { equals: [], search: null, hideFlag: null, onlyFlag: null, order: null }
    if (entity.flag) {
      const includeFlagged = isTrue(query.get(entity.flag.includeParam)) || query.get('activeinactive')?.includes('false') === true
      const includeUnflagged = query.get(entity.flag.onlyParam) === null || isTrue(query.get(entity.flag.onlyParam))
      if (!includeFlagged) filter.hideFlag = entity.flag.field
      else if (!includeUnflagged) filter.onlyFlag = entity.flag.field
    }
    const search = query.get('search')
    if (search) filter.search = { fields: entity.search, text: search }
    for (const name of entity.filters) {
      const value = query.get(name)
      if (value !== null && value !== '') filter.equals.push({ field: name, value: /^-?\d+$/.test(value) ? Number(value) : value })
    }
    // A licence's users (halo-api.md §4.1 lists licence_id among the Users filters).
    const licenceId = entity.kind === 'users' ? Number(query.get('licence_id')) : Number.NaN
    if (Number.isInteger(licenceId) && licenceId > 0) filter.listedIn = { field: 'licences', id: licenceId }
    const advanced = query.get('advanced_search')
    if (advanced) {
      const parsed = parseAdvancedSearch(advanced, advancedSearchFields[entity.kind] ?? ['id', 'name'])
      if (!parsed) return { status: 400, body: { Message: 'Invalid advanced search parameter' } }
      filter.equals.push(...parsed)
    }
    const order = query.get('order')
    if (order && /^[A-Za-z_][A-Za-z0-9_]*$/.test(order)) filter.order = { field: order, descending: isTrue(query.get('orderdesc')) }

    if (entity.envelope === null) {
      // Bare-array endpoints have no paging (§3); `count` is not honoured either [U].
      const { records } = this.store.list(entity.kind, filter, { limit: null, offset: 0 })
      return { status: 200, body: records.map((record) => this.view(entity, record, query)) }
    }
    const paging = isTrue(query.get('pageinate'))
    const requested = Number(query.get(paging ? 'page_size' : 'count'))
    const sizeAsked = Number.isInteger(requested) && requested > 0 ? requested : paging ? defaultPageSize : null
    const size = sizeAsked !== null && entity.maxPageSize !== null ? Math.min(sizeAsked, entity.maxPageSize) : sizeAsked
    const pageNo = paging ? Math.max(1, Number(query.get('page_no')) || 1) : 1
    const { total, records } = this.store.list(entity.kind, filter, { limit: size, offset: size === null ? 0 : (pageNo - 1) * size })
    return {
      status: 200,
      body: { page_no: pageNo, page_size: size ?? total, record_count: total, [entity.envelope]: records.map((record) => this.view(entity, record, query)) }
    }
  }

  private getOne(entity: SandboxEntity, id: string, query: URLSearchParams): ApiAnswer {
    const record = entity.kind === 'agents' && id.toLowerCase() === 'me' ? this.store.get('agents', 1) : this.store.get(entity.kind, id)
    if (!record) return notFound(entity, id)
    const detailed = isTrue(query.get('includedetails'))
    return { status: 200, body: detailed ? record : this.view(entity, record, query) }
  }

  private upsert(entity: SandboxEntity, body: unknown): ApiAnswer {
    // Halo documents an array; a single object is accepted as one record [U].
    const items = Array.isArray(body) ? body : body !== null && typeof body === 'object' ? [body] : null
    if (!items || items.length === 0 || !items.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      return { status: 400, body: { Message: 'The request body must be a JSON array of records.' } }
    }
    const posted = items as Record<string, unknown>[]
    // Everything is checked before anything is written: a batch is saved whole or not at all [U].
    const plans: Array<{ existing: HaloRecord | null; fields: Record<string, unknown> }> = []
    for (const [index, posted_] of posted.entries()) {
      let fields = posted_
      const id = fields.id
      const hasId = id !== undefined && id !== null && id !== 0 && id !== ''
      const existing = hasId ? this.store.get(entity.kind, id as string | number) : null
      // Posting an id Halo does not know: an error rather than a silent create [U, open question 6].
      if (hasId && !existing) return { status: 400, body: { [`[${index}].id`]: `${entity.path} ${JSON.stringify(id)} does not exist` } }
      const licences = entity.kind === 'users' ? this.userLicences(existing, fields, index) : null
      if (licences && 'problem' in licences) return { status: 400, body: licences.problem }
      if (licences) {
        const { _remove_licenses: _removed, ...rest } = fields
        fields = { ...rest, licences: licences.list }
      }
      const merged = { ...(existing ?? {}), ...fields }
      const missing = entity.missing(merged, index)
      if (missing !== null) return { status: 400, body: missing }
      const linkProblem = this.linkProblem(entity, merged, index)
      if (linkProblem) return { status: 400, body: linkProblem }
      plans.push({ existing, fields })
    }
    const saved = this.store.transaction(() =>
      plans.map(({ existing, fields }) => {
        const record = this.complete(entity, { ...(existing ?? {}), ...fields, id: existing?.id ?? this.newId(entity) })
        this.store.put(entity.kind, record)
        return record
      })
    )
    if (entity.kind === 'users') this.countLicencesInUse(posted.flatMap((fields) => [...licenceIdsOf(fields.licences), ...licenceIdsOf(fields._remove_licenses)]))
    const created = plans.some((plan) => plan.existing === null)
    // SW-NEW documents 201 for POST /Users and /Client, SW-OLD 200 (§2): both happen.
    const status = created && (entity.kind === 'users' || entity.kind === 'clients') ? 201 : 200
    return { status, body: saved.length === 1 ? saved[0] : saved }
  }

  private remove(entity: SandboxEntity, id: string): ApiAnswer {
    const record = this.store.get(entity.kind, id)
    if (!record) return notFound(entity, id)
    this.store.delete(entity.kind, id)
    return { status: 200, body: record }
  }

  private control(method: string, body: unknown, token: IssuedToken): ApiAnswer {
    if (!allowed(token, 'admin', method !== 'GET')) return { status: 403, body: { Message: `You do not have permission to view Control. Needs: ${areaPermission.admin}.` } }
    const current = this.store.get('control', 1) ?? { id: 1 }
    if (method === 'GET') return { status: 200, body: current }
    if (method !== 'POST') return { status: 405, body: { Message: `The requested resource does not support http method '${method}'.` } }
    const fields: unknown = Array.isArray(body) ? body[0] : body
    if (fields === null || typeof fields !== 'object') return { status: 400, body: { Message: 'The request body must be a JSON object or array.' } }
    const saved = { ...current, ...(fields as Record<string, unknown>), id: 1 }
    this.store.put('control', saved)
    return { status: 200, body: saved }
  }

  /**
   * A user's software licences after a save: posted `licences` are added to those linked, and
   * `_remove_licenses` taken away (the reference names _remove_licenses on Users; that `licences`
   * adds rather than replaces is our reading [U]). An unknown licence is refused.
   */
  private userLicences(existing: HaloRecord | null, fields: Record<string, unknown>, index: number): { list: Array<{ id: number; name: string }> } | { problem: unknown } | null {
    if (!('licences' in fields) && !('_remove_licenses' in fields)) return null
    const linked = new Set(licenceIdsOf(existing?.licences))
    for (const id of licenceIdsOf(fields.licences)) {
      if (!this.store.get('licences', id)) return { problem: { [`[${index}].licences`]: `Software licence ${id} does not exist` } }
      linked.add(id)
    }
    for (const id of licenceIdsOf(fields._remove_licenses)) linked.delete(id)
    return { list: [...linked].sort((a, b) => a - b).map((id) => ({ id, name: typeof this.store.get('licences', id)?.name === 'string' ? (this.store.get('licences', id)?.name as string) : '' })) }
  }

  /** The seats in use of these licences, from the users linked to them. */
  private countLicencesInUse(ids: readonly number[]): void {
    for (const id of new Set(ids)) {
      const licence = this.store.get('licences', id)
      if (!licence) continue
      const inUse = this.store.list('users', { equals: [], search: null, hideFlag: null, onlyFlag: null, order: null, listedIn: { field: 'licences', id } }, { limit: 0, offset: 0 }).total
      this.store.put('licences', { ...licence, licences_in_use: inUse, licences_available: Number(licence.count ?? 0) - inUse })
    }
  }

  /** Links Halo checks on save: a user's site and a site's client must exist. */
  private linkProblem(entity: SandboxEntity, record: Record<string, unknown>, index: number): unknown {
    if (entity.kind === 'users' && !this.store.get('sites', Number(record.site_id))) return { [`[${index}].site_id`]: `Site ${String(record.site_id)} does not exist` }
    if (entity.kind === 'sites' && !this.store.get('clients', Number(record.client_id))) return { resultCode: 1, errorMessage: `Customer ${String(record.client_id)} does not exist` }
    return null
  }

  /** Fields Halo derives on save: names of linked records, mirrored directory ids. */
  private complete(entity: SandboxEntity, record: HaloRecord): HaloRecord {
    if (entity.kind === 'users') {
      const site = this.store.get('sites', Number(record.site_id))
      const siteId = Math.trunc(Number(record.site_id))
      const next: HaloRecord = { ...record, site_id: siteId, site_id_int: siteId, site_name: site?.name ?? '', client_id: site?.client_id ?? record.client_id, client_name: site?.client_name ?? '' }
      // Halo keeps both spellings of the directory ids (§5.3 [U]).
      if ('azureoid' in record || 'azure_id' in record) next.azure_id = next.azureoid = record.azureoid ?? record.azure_id ?? null
      if ('oktaid' in record || 'okta_id' in record) next.okta_id = next.oktaid = record.oktaid ?? record.okta_id ?? null
      next.inactive = record.inactive === true
      return next
    }
    if (entity.kind === 'sites') {
      const client = this.store.get('clients', Number(record.client_id))
      return { ...record, client_name: client?.name ?? '', inactive: record.inactive === true }
    }
    if (entity.kind === 'agents') return { ...record, isdisabled: record.isdisabled === true, is_agent: true }
    return record
  }

  private newId(entity: SandboxEntity): number | string {
    return entity.idType === 'guid' ? randomUUID() : this.store.nextSeq(entity.kind)
  }

  private view(entity: SandboxEntity, record: HaloRecord, query: URLSearchParams): HaloRecord {
    if (!entity.detailOnly || isTrue(query.get(entity.detailOnly.includeParam))) return record
    const { [entity.detailOnly.field]: _left, ...rest } = record
    return rest as HaloRecord
  }
}

/** Effective permission: the token's scopes and the areas of the agent the application logs in as. */
function allowed(token: IssuedToken, area: PermissionArea, write: boolean): boolean {
  return scopeGrants(token.scopes, area, write) && (token.agentAreas === null || token.agentAreas.includes(area))
}

function isTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() === 'true'
}

function notFound(entity: SandboxEntity, id: string): ApiAnswer {
  return { status: 404, body: { ClassName: 'Halo.Exceptions.NotFoundException', Message: `${entity.path} ${id} not found` } }
}

/** advanced_search: a JSON array of {filter_name, filter_type, filter_value}; type 2 = equals (§3). */
function parseAdvancedSearch(text: string, allowed: readonly string[]): ListFilter['equals'] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(parsed)) return null
  const equals: ListFilter['equals'] = []
  for (const item of parsed) {
    const { filter_name: name, filter_type: type, filter_value: value } = (item ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || !allowed.includes(name) || Number(type) !== 2) return null
    if (typeof value !== 'string' && typeof value !== 'number') return null
    equals.push({ field: name, value })
  }
  return equals
}

/** Licence ids as posted: `[{id}]` or bare ids. */
function licenceIdsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.map((entry) => Number(entry !== null && typeof entry === 'object' ? (entry as { id?: unknown }).id : entry)).filter(Number.isInteger) : []
}
