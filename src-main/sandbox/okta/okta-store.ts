/**
 * The Okta sandbox's own SQLite file: users, groups, memberships, apps and app assignments, each row
 * with the resource's JSON (without `_links`, which depend on the address the sandbox listens on) and
 * the columns lists are filtered and paged on. Pages are cursor-based on the id, as Okta's are
 * (`after` = the last id of the previous page). Nothing here knows HTTP.
 */
import Database from 'better-sqlite3'

import { oktaUserStatuses, type OktaUserStatus } from '../../../src-shared/okta-statuses'


export type Json = Record<string, unknown>

/** A page query: FROM (with joins), the column holding the row's JSON, the cursor column, conditions. */
export interface PageQuery {
  from: string
  select: string
  key: string
  where: string[]
  params: unknown[]
}

export interface PageRow {
  /** The cursor column's value (the next page's `after` when this row ends a page). */
  cursor: string
  data: string
  [column: string]: unknown
}

export class OktaStore {
  private readonly db: Database.Database
  private readonly statements: {
    group: Database.Statement
    app: Database.Statement
    appGroup: Database.Statement
  }
  /** Multi-row INSERTs by table and row count (bulk loads pay the per-statement cost once per chunk). */
  private readonly bulkStatements = new Map<string, Database.Statement>()

  constructor(file: string, nativeBinding?: string) {
    this.db = new Database(file, nativeBinding ? { nativeBinding } : {})
    // Larger pages load a 100,000-person org faster (applies to a new file only).
    this.db.pragma('page_size = 16384')
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('cache_size = -131072')
    // Case-insensitive comparison beyond ASCII (SQLite's lower() folds A–Z only): Müller ≡ MÜLLER.
    this.db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value))
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS okta_user (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, login TEXT NOT NULL, login_key TEXT NOT NULL,
        email TEXT, first_name TEXT, last_name TEXT, last_updated TEXT NOT NULL, data TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS okta_user_login ON okta_user (login_key);
      CREATE TABLE IF NOT EXISTS okta_group (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, source_id TEXT,
        last_updated TEXT NOT NULL, last_membership_updated TEXT NOT NULL, users_count INTEGER NOT NULL, data TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS okta_membership (group_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (group_id, user_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS okta_app (id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS okta_app_user (
        app_id TEXT NOT NULL, user_id TEXT NOT NULL, scope TEXT NOT NULL, group_id TEXT, created TEXT NOT NULL,
        PRIMARY KEY (app_id, user_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS okta_app_group (app_id TEXT NOT NULL, group_id TEXT NOT NULL, priority INTEGER NOT NULL, last_updated TEXT NOT NULL, PRIMARY KEY (app_id, group_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `)
    this.statements = {
      group: this.db.prepare('INSERT INTO okta_group (id, type, name, source_id, last_updated, last_membership_updated, users_count, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      app: this.db.prepare('INSERT INTO okta_app (id, name, label, status, data) VALUES (?, ?, ?, ?, ?)'),
      appGroup: this.db.prepare('INSERT OR IGNORE INTO okta_app_group (app_id, group_id, priority, last_updated) VALUES (?, ?, ?, ?)')
    }
  }

  meta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value ?? null
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  /**
   * Adds the secondary indexes (after a bulk load, which is quicker without them) and gathers the
   * statistics that let SQLite page a list in id order: without them a status filter OR'ing every
   * status picks the status index and sorts all matches for each page, so paging gets slower as the
   * org grows, which Okta's own paging does not.
   */
  ensureIndexes(): void {
    this.db.exec(`
      CREATE INDEX IF NOT EXISTS okta_membership_by_user ON okta_membership (user_id, group_id);
      CREATE INDEX IF NOT EXISTS okta_app_user_by_user ON okta_app_user (user_id);
      CREATE INDEX IF NOT EXISTS okta_app_group_by_group ON okta_app_group (group_id);
      CREATE INDEX IF NOT EXISTS okta_user_status ON okta_user (status);
      ANALYZE;
    `)
  }

  /** Adds users (ids in order make the load quicker). */
  addUsers(users: ReadonlyArray<Json & { id: string; status: string; lastUpdated: string; profile: Json }>): void {
    const rows = users.map((user) => {
      const login = String(user.profile.login)
      return [user.id, user.status, login, login.toLowerCase(), text(user.profile.email), text(user.profile.firstName), text(user.profile.lastName), user.lastUpdated, JSON.stringify(user)]
    })
    this.bulk('okta_user (id, status, login, login_key, email, first_name, last_name, last_updated, data)', 9, rows, 'INSERT')
  }

  /** Adds a group with its member count (read by expand=stats). */
  addGroup(group: Json & { id: string; type: string; lastUpdated: string; lastMembershipUpdated: string; profile: Json }, sourceId: string | null, usersCount: number): void {
    this.statements.group.run(group.id, group.type, String(group.profile.name), sourceId, group.lastUpdated, group.lastMembershipUpdated, usersCount, JSON.stringify(group))
  }

  /** Adds members to a group (ids in order make the load quicker). */
  addMembers(groupId: string, userIds: readonly string[]): void {
    this.bulk('okta_membership (group_id, user_id)', 2, userIds.map((userId) => [groupId, userId]))
  }

  addApp(app: Json & { id: string; name: string; label: string; status: string }): void {
    this.statements.app.run(app.id, app.name, app.label, app.status, JSON.stringify(app))
  }

  /** Assigns people to an app, directly (USER) or through a group (GROUP). */
  assignUsers(appId: string, rows: ReadonlyArray<{ userId: string; scope: 'USER' | 'GROUP'; groupId: string | null; created: string }>): void {
    this.bulk('okta_app_user (app_id, user_id, scope, group_id, created)', 5, rows.map((row) => [appId, row.userId, row.scope, row.groupId, row.created]))
  }

  private bulk(target: string, width: number, rows: ReadonlyArray<readonly unknown[]>, verb = 'INSERT OR IGNORE'): void {
    const chunk = Math.floor(900 / width)
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk)
      const key = `${verb}:${target}:${part.length}`
      let statement = this.bulkStatements.get(key)
      if (!statement) {
        const row = `(${Array.from({ length: width }, () => '?').join(', ')})`
        statement = this.db.prepare(`${verb} INTO ${target} VALUES ${part.map(() => row).join(', ')}`)
        this.bulkStatements.set(key, statement)
      }
      statement.run(part.flat())
    }
  }

  assignGroup(appId: string, groupId: string, priority: number, lastUpdated: string): void {
    this.statements.appGroup.run(appId, groupId, priority, lastUpdated)
  }

  user(id: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_user WHERE id = ?').get(id))
  }

  userByLogin(login: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_user WHERE login_key = ?').get(login.toLowerCase()))
  }

  group(id: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_group WHERE id = ?').get(id))
  }

  groupByName(name: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_group WHERE name = ? ORDER BY id LIMIT 1').get(name))
  }

  /** The app an APP_GROUP comes from. */
  groupSource(id: string): string | null {
    const row = this.db.prepare('SELECT source_id FROM okta_group WHERE id = ?').get(id) as { source_id: string | null } | undefined
    return row?.source_id ?? null
  }

  groupStats(id: string): { usersCount: number; appsCount: number } {
    const users = this.db.prepare('SELECT users_count AS n FROM okta_group WHERE id = ?').get(id) as { n: number } | undefined
    const apps = this.db.prepare('SELECT COUNT(*) AS n FROM okta_app_group WHERE group_id = ?').get(id) as { n: number }
    return { usersCount: users?.n ?? 0, appsCount: apps.n }
  }

  app(id: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_app WHERE id = ?').get(id))
  }

  appByLabel(label: string): Json | null {
    return parse(this.db.prepare('SELECT data FROM okta_app WHERE label = ? ORDER BY id LIMIT 1').get(label))
  }

  count(table: 'okta_user' | 'okta_group' | 'okta_membership' | 'okta_app' | 'okta_app_user' | 'okta_app_group'): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  }

  statusCounts(): Record<OktaUserStatus, number> {
    const counts = Object.fromEntries(oktaUserStatuses.map((status) => [status, 0])) as Record<OktaUserStatus, number>
    for (const row of this.db.prepare('SELECT status, COUNT(*) AS n FROM okta_user GROUP BY status').all() as Array<{ status: OktaUserStatus; n: number }>) counts[row.status] = row.n
    return counts
  }

  /** Ids of a group's members, in id order. */
  membersOf(groupId: string): string[] {
    return (this.db.prepare('SELECT user_id FROM okta_membership WHERE group_id = ? ORDER BY user_id').pluck().all(groupId) as string[])
  }

  /** Ids of a user's groups, in id order. */
  groupsOf(userId: string): string[] {
    return (this.db.prepare('SELECT group_id FROM okta_membership WHERE user_id = ? ORDER BY group_id').pluck().all(userId) as string[])
  }

  /** Ids of the users assigned to an app (directly or through a group), in id order. */
  appUsersOf(appId: string): string[] {
    return (this.db.prepare('SELECT user_id FROM okta_app_user WHERE app_id = ? ORDER BY user_id').pluck().all(appId) as string[])
  }

  isAssigned(appId: string, userId: string): boolean {
    return this.db.prepare('SELECT 1 FROM okta_app_user WHERE app_id = ? AND user_id = ?').get(appId, userId) !== undefined
  }

  /** Every user id, in id order (list order). */
  userIds(): string[] {
    return this.db.prepare('SELECT id FROM okta_user ORDER BY id').pluck().all() as string[]
  }

  /** One page: rows after the cursor, in cursor order, and whether more follow. */
  page(query: PageQuery, after: string | null, limit: number): { rows: PageRow[]; more: boolean } {
    const rows = this.pageRows(`${query.key} AS cursor, ${query.select}`, query, after, limit) as PageRow[]
    const more = rows.length > limit
    return { rows: more ? rows.slice(0, limit) : rows, more }
  }

  /** A page of ids only (the cursor column), for lists whose items are made elsewhere. */
  pageIds(query: Omit<PageQuery, 'select'>, after: string | null, limit: number): { ids: string[]; more: boolean } {
    const ids = (this.pageRows(`${query.key} AS cursor`, { ...query, select: '' }, after, limit) as Array<{ cursor: string }>).map((row) => row.cursor)
    const more = ids.length > limit
    return { ids: more ? ids.slice(0, limit) : ids, more }
  }

  /** Users' stored JSON by id. */
  userData(ids: readonly string[]): Map<string, string> {
    const rows = this.db.prepare('SELECT id, data FROM okta_user WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: string; data: string }>
    return new Map(rows.map((row) => [row.id, row.data]))
  }

  /** One row past `limit`, so the caller knows whether there is a next page. */
  private pageRows(columns: string, query: PageQuery, after: string | null, limit: number): unknown[] {
    const where = [...query.where]
    const params = [...query.params]
    if (after !== null && after !== '') {
      where.push(`${query.key} > ?`)
      params.push(after)
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    return this.db.prepare(`SELECT ${columns} FROM ${query.from} ${clause} ORDER BY ${query.key} LIMIT ?`).all(...params, limit + 1)
  }

  close(): void {
    this.db.close()
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function parse(row: unknown): Json | null {
  const data = (row as { data?: string } | undefined)?.data
  return data === undefined ? null : (JSON.parse(data) as Json)
}
