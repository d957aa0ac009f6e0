/**
 * The Okta sandbox's Management API (okta.md §1, §2): users (list with search/filter/q, by id or
 * login or `me`, their groups), groups (list with search/filter/q and expand=stats/app, by id, their
 * members and apps), apps (list with filter/q, by id, their users and groups). Routes match exactly;
 * each says its rate-limit bucket and the permission it needs. Lists page by cursor with absolute
 * Link headers. Answers are plain values; the HTTP layer adds the common headers.
 */
import type { Caller, Permission } from './okta-auth'
import { errors, type ApiAnswer } from './okta-errors'
import { JsonItems, pageLinks } from './okta-http'
import { appsFilter, compileExpression, groupsFilter, groupsSearch, QueryError, startsWithAny, usersFilter, usersSearch, type Compiled } from './okta-query'
import type { Json, OktaStore, PageQuery, PageRow } from './okta-store'
import { UserListItems } from './okta-list-items'
import type { OktaViews } from './okta-views'

/**
 * Rate-limit buckets (okta.md §3 table): users = GET /users (list), userById = GET /users/{id},
 * groups = GET /groups (list), groupById = /groups/{id} and below, apps = /apps and /apps/{id}/…,
 * appById = /apps/{id} exactly, other = the rest of /api/v1, oauth2 = /oauth2 token/authorize/userinfo.
 */
export type OktaBucket = 'users' | 'userById' | 'groups' | 'groupById' | 'apps' | 'appById' | 'other' | 'oauth2'

export interface ApiRoute {
  bucket: OktaBucket
  permission: Permission | null
  run: (query: URLSearchParams, caller: Caller) => ApiAnswer
}

/** Page sizes: default and maximum per list (§1); [U] marks choices where the sources disagree. */
export const pageSizes = {
  users: { default: 200, max: 200, q: 10 },
  userGroups: { default: 200, max: 200 },
  // [U] The spec allows up to 10000; the old docs say 200 "for most orgs". Default 200 either way.
  groups: { default: 200, max: 10_000, q: 10, qMax: 300 },
  groupUsers: { default: 1000, max: 1000 },
  groupApps: { default: 20, max: 200 },
  apps: { default: 20, max: 200 },
  appUsers: { default: 50, max: 500 },
  appGroups: { default: 20, max: 200 }
} as const

export class OktaApi {
  private readonly listItems: UserListItems

  constructor(
    private readonly store: OktaStore,
    private readonly views: OktaViews,
    private readonly origin: () => string
  ) {
    this.listItems = new UserListItems(store, views)
  }

  /** The route for a request under /api/v1, or the 404/405 answer (still counted in a bucket). */
  route(method: string, segments: readonly string[], path: string): ApiRoute | { bucket: OktaBucket; answer: ApiAnswer } {
    const [api, version, resource = '', id, sub, ...rest] = segments
    const found = api === 'api' && version === 'v1' && rest.length === 0 ? this.find(resource, id, sub) : null
    if (!found) return { bucket: 'other', answer: errors.noRoute(path) }
    // [U] The sandbox is read-only: writes Okta would accept (POST /users…) answer 405 E0000022 here.
    if (method !== 'GET') return { bucket: found.bucket, answer: errors.badMethod() }
    return found
  }

  private find(resource: string, id: string | undefined, sub: string | undefined): ApiRoute | null {
    if (id === '') return null
    const route = (bucket: OktaBucket, permission: Permission, run: ApiRoute['run']): ApiRoute => ({ bucket, permission, run })
    if (resource === 'users') {
      if (id === undefined) return route('users', 'users', (query) => this.listUsers(query))
      if (sub === undefined) return route('userById', 'users', (_query, caller) => this.getUser(id, caller))
      // [U] Which bucket /users/{id}/groups counts against: "most other /api/v1" (no exact or longer match).
      if (sub === 'groups') return route('other', 'users', (query, caller) => this.userGroups(id, query, caller))
    }
    if (resource === 'groups') {
      if (id === undefined) return route('groups', 'groups', (query) => this.listGroups(query))
      if (sub === undefined) return route('groupById', 'groups', () => this.getGroup(id))
      // [U] /groups/{id}/users and /apps count against the /groups/{id} bucket.
      if (sub === 'users') return route('groupById', 'groups', (query) => this.groupUsers(id, query))
      if (sub === 'apps') return route('groupById', 'groups', (query) => this.groupApps(id, query))
    }
    if (resource === 'apps') {
      if (id === undefined) return route('apps', 'apps', (query) => this.listApps(query))
      if (sub === undefined) return route('appById', 'apps', () => this.getApp(id))
      if (sub === 'users') return route('apps', 'apps', (query) => this.appUsers(id, query))
      if (sub === 'groups') return route('apps', 'apps', (query) => this.appGroups(id, query))
    }
    return null
  }

  private listUsers(query: URLSearchParams): ApiAnswer {
    const search = present(query.get('search'))
    const filter = present(query.get('filter'))
    const q = present(query.get('q'))
    const conditions: Compiled[] = []
    try {
      // [U] search and filter together: both apply. q pages like any list (the docs only lower its default).
      if (search !== null) conditions.push(compileExpression(search, usersSearch))
      if (filter !== null) conditions.push(compileExpression(filter, usersFilter))
    } catch (error) {
      if (error instanceof QueryError) return errors.invalidSearch()
      throw error
    }
    if (q !== null) conditions.push(startsWithAny(['u.first_name', 'u.last_name', 'u.email'], q))
    // A plain list and q leave DEPROVISIONED people out; filter and search include them (§1).
    if (search === null && filter === null) conditions.push({ where: "u.status <> 'DEPROVISIONED'", params: [] })
    const limit = pageSize(query, q !== null && search === null && filter === null ? pageSizes.users.q : pageSizes.users.default, pageSizes.users.max)
    return this.userPage('/api/v1/users', query, { from: 'okta_user u', key: 'u.id', ...merge(conditions) }, limit)
  }

  private getUser(idOrLogin: string, caller: Caller): ApiAnswer {
    const user = this.findUser(idOrLogin, caller)
    return user ? { status: 200, body: this.views.user(user, true) } : errors.notFound(idOrLogin, 'User')
  }

  private findUser(idOrLogin: string, caller: Caller): Json | null {
    // [U] A service app's token has no user behind it: `me` is 404 here.
    if (idOrLogin === 'me') return caller.userId === null ? null : this.store.user(caller.userId)
    return this.store.user(idOrLogin) ?? this.store.userByLogin(idOrLogin)
  }

  private userGroups(idOrLogin: string, query: URLSearchParams, caller: Caller): ApiAnswer {
    const user = this.findUser(idOrLogin, caller)
    if (!user) return errors.notFound(idOrLogin, 'User')
    const limit = pageSize(query, pageSizes.userGroups.default, pageSizes.userGroups.max)
    const from = { from: 'okta_membership m JOIN okta_group g ON g.id = m.group_id', select: 'g.data AS data, g.source_id AS source_id', key: 'm.group_id', where: ['m.user_id = ?'], params: [user.id] }
    return this.page(`/api/v1/users/${encodeURIComponent(idOrLogin)}/groups`, query, from, limit, (row) => this.views.group(parse(row), sourceOf(row)))
  }

  private listGroups(query: URLSearchParams): ApiAnswer {
    const search = present(query.get('search'))
    const filter = present(query.get('filter'))
    const q = present(query.get('q'))
    const conditions: Compiled[] = []
    try {
      if (search !== null) conditions.push(compileExpression(search, groupsSearch))
      if (filter !== null) conditions.push(compileExpression(filter, groupsFilter))
    } catch (error) {
      if (error instanceof QueryError) return errors.invalidSearch()
      throw error
    }
    if (q !== null) conditions.push(startsWithAny(['g.name'], q))
    const expand = new Set((query.get('expand') ?? '').split(',').map((part) => part.trim()))
    const render = (row: PageRow): Json => {
      const group = parse(row)
      const source = sourceOf(row)
      return this.views.group(group, source, {
        ...(expand.has('stats') ? { stats: this.store.groupStats(String(group.id)) } : {}),
        ...(expand.has('app') && source !== null ? { app: this.store.app(source) } : {})
      })
    }
    const from = { from: 'okta_group g', select: 'g.data AS data, g.source_id AS source_id', key: 'g.id', ...merge(conditions) }
    if (q !== null) {
      // q answers at most 300 groups and cannot be paged (§1): no next link.
      const { rows } = this.store.page(from, present(query.get('after')), pageSize(query, pageSizes.groups.q, pageSizes.groups.qMax))
      return { status: 200, body: rows.map(render), headers: { Link: pageLinks(this.origin(), '/api/v1/groups', query, null) } }
    }
    return this.page('/api/v1/groups', query, from, pageSize(query, pageSizes.groups.default, pageSizes.groups.max), render)
  }

  private getGroup(id: string): ApiAnswer {
    const group = this.store.group(id)
    if (!group) return errors.notFound(id, 'UserGroup')
    return { status: 200, body: this.views.group(group, this.store.groupSource(id)) }
  }

  private groupUsers(id: string, query: URLSearchParams): ApiAnswer {
    if (!this.store.group(id)) return errors.notFound(id, 'UserGroup')
    const limit = pageSize(query, pageSizes.groupUsers.default, pageSizes.groupUsers.max)
    const from = { from: 'okta_membership m', key: 'm.user_id', where: ['m.group_id = ?'], params: [id] }
    return this.userPage(`/api/v1/groups/${id}/users`, query, from, limit)
  }

  private groupApps(id: string, query: URLSearchParams): ApiAnswer {
    if (!this.store.group(id)) return errors.notFound(id, 'UserGroup')
    const limit = pageSize(query, pageSizes.groupApps.default, pageSizes.groupApps.max)
    const from = { from: 'okta_app_group ag JOIN okta_app a ON a.id = ag.app_id', select: 'a.data AS data', key: 'ag.app_id', where: ['ag.group_id = ?'], params: [id] }
    return this.page(`/api/v1/groups/${id}/apps`, query, from, limit, (row) => this.views.app(parse(row)))
  }

  private listApps(query: URLSearchParams): ApiAnswer {
    const filter = present(query.get('filter'))
    const q = present(query.get('q'))
    const conditions: Compiled[] = []
    try {
      if (filter !== null) conditions.push(compileExpression(filter, appsFilter))
    } catch (error) {
      if (error instanceof QueryError) return errors.invalidSearch()
      throw error
    }
    if (q !== null) conditions.push(startsWithAny(['a.name', 'a.label'], q))
    const limit = pageSize(query, pageSizes.apps.default, pageSizes.apps.max)
    return this.page('/api/v1/apps', query, { from: 'okta_app a', select: 'a.data AS data', key: 'a.id', ...merge(conditions) }, limit, (row) => this.views.app(parse(row)))
  }

  private getApp(id: string): ApiAnswer {
    const app = this.store.app(id)
    return app ? { status: 200, body: this.views.app(app) } : errors.notFound(id, 'AppInstance')
  }

  private appUsers(id: string, query: URLSearchParams): ApiAnswer {
    if (!this.store.app(id)) return errors.notFound(id, 'AppInstance')
    const q = present(query.get('q'))
    const conditions: Compiled[] = [{ where: 'au.app_id = ?', params: [id] }]
    if (q !== null) conditions.push(startsWithAny(['u.login', 'u.email', 'u.first_name', 'u.last_name'], q))
    const embed = (query.get('expand') ?? '').split(',').includes('user')
    const from = {
      from: 'okta_app_user au JOIN okta_user u ON u.id = au.user_id LEFT JOIN okta_group g ON g.id = au.group_id',
      select: 'u.data AS data, au.scope AS scope, au.group_id AS group_id, g.name AS group_name, au.created AS created',
      key: 'au.user_id',
      ...merge(conditions)
    }
    const limit = pageSize(query, pageSizes.appUsers.default, pageSizes.appUsers.max)
    const render = (row: PageRow): Json =>
      this.views.appUser(id, parse(row), { scope: String(row.scope), groupId: (row.group_id as string | null) ?? null, groupName: (row.group_name as string | null) ?? null, created: String(row.created) }, embed)
    // Okta's next link here drops expand=user (okta/okta-sdk-nodejs#439), so later pages lack the user.
    return this.page(`/api/v1/apps/${id}/users`, query, from, limit, render, ['expand'])
  }

  private appGroups(id: string, query: URLSearchParams): ApiAnswer {
    if (!this.store.app(id)) return errors.notFound(id, 'AppInstance')
    const q = present(query.get('q'))
    const conditions: Compiled[] = [{ where: 'ag.app_id = ?', params: [id] }]
    if (q !== null) conditions.push(startsWithAny(['g.name'], q))
    const embed = (query.get('expand') ?? '').split(',').includes('group')
    const from = { from: 'okta_app_group ag JOIN okta_group g ON g.id = ag.group_id', select: 'g.data AS data, ag.priority AS priority, ag.last_updated AS last_updated', key: 'ag.group_id', ...merge(conditions) }
    const limit = pageSize(query, pageSizes.appGroups.default, pageSizes.appGroups.max)
    return this.page(`/api/v1/apps/${id}/groups`, query, from, limit, (row) => this.views.appGroup(id, row.cursor, Number(row.priority), String(row.last_updated), embed ? parse(row) : null))
  }

  private page(path: string, query: URLSearchParams, from: PageQuery, limit: number, render: (row: PageRow) => Json, dropOnNext: readonly string[] = []): ApiAnswer {
    const { rows, more } = this.store.page(from, present(query.get('after')), limit)
    const last = rows[rows.length - 1]
    const next = more && last ? last.cursor : null
    return { status: 200, body: rows.map(render), headers: { Link: pageLinks(this.origin(), path, query, next, dropOnNext) } }
  }

  /** A page of users as list items. Both user lists page by user id, so the cursor is the id. */
  private userPage(path: string, query: URLSearchParams, from: Omit<PageQuery, 'select'>, limit: number): ApiAnswer {
    const { ids, more } = this.store.pageIds(from, present(query.get('after')), limit)
    const next = more ? (ids[ids.length - 1] ?? null) : null
    return { status: 200, body: new JsonItems(this.listItems.get(ids)), headers: { Link: pageLinks(this.origin(), path, query, next) } }
  }
}

function present(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value
}

/** `limit`: the default when absent or not a positive whole number [U: Okta's answer to a bad limit], capped at the maximum. */
function pageSize(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit')
  const value = raw === null ? Number.NaN : Number(raw)
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback
}

function merge(conditions: readonly Compiled[]): { where: string[]; params: unknown[] } {
  return { where: conditions.map((condition) => condition.where), params: conditions.flatMap((condition) => condition.params) }
}

function parse(row: PageRow): Json {
  return JSON.parse(row.data) as Json
}

function sourceOf(row: PageRow): string | null {
  return typeof row.source_id === 'string' ? row.source_id : null
}

