/**
 * Directory snapshots in SQLite. A fetch writes into a new snapshot in the "building" state, page by
 * page; `commit` makes it the connection's snapshot and drops the previous one in one transaction, so
 * readers always see a whole snapshot, and a failed or cancelled fetch leaves the last good one.
 * Reads serve the snapshot browser (search, status, group filters, paging) and, later, the core.
 */
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { and, asc, count, eq, inArray, ne, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { DirectoryApp, DirectoryDevice, DirectoryGroup, DirectoryLicence, DirectoryPerson, SnapshotSummary } from '../../src-shared/contract'
import type { DirectoryData } from '../core/directory-data'
import type { StudioDb } from '../store/database'
import { directorySnapshotTable, snapshotDeviceTable, snapshotGroupTable, snapshotMembershipTable, snapshotPersonTable } from '../store/schema'

export interface SnapshotWriter {
  readonly id: string
  addPeople(people: readonly DirectoryPerson[]): void
  addGroups(groups: readonly DirectoryGroup[]): void
  /**
   * A page of a group's members as the directory sent it: a JSON array of objects, each with its
   * `id` (Okta's member lists). SQLite reads the ids out, so ~1,000 whole users a page are never
   * parsed in JS. Returns how many memberships were added.
   */
  addMemberPage(groupId: string, json: Buffer): number
  addApps(apps: readonly DirectoryApp[]): void
  addAssignments(appId: string, personIds: readonly string[]): void
  /** A group's direct members, users and groups (Entra), for merging the next delta round. */
  addDirectMembers(groupId: string, memberIds: readonly string[]): void
  /** The tenant's licences (Entra's subscribed SKUs). */
  addLicences(licences: readonly DirectoryLicence[]): void
  /** Devices Intune manages. */
  addDevices(devices: readonly DirectoryDevice[]): void
  /** Makes this the connection's snapshot, with where its next changes are read from; the previous one is deleted. */
  commit(summary: Omit<SnapshotSummary, 'id' | 'fetchedAt'>, deltaLinks?: DeltaLinks | null): SnapshotSummary
  /** Throws the partial snapshot away. */
  abort(): void
}

/** Where a directory's next changes are read from (Entra's deltaLinks for users and groups). */
export interface DeltaLinks {
  users: string
  groups: string
}

export class SnapshotStore {
  constructor(
    private readonly db: StudioDb,
    private readonly sqlite: Database.Database,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Removes snapshots left half-written by a crash. */
  discardUnfinished(): void {
    this.db.delete(directorySnapshotTable).where(eq(directorySnapshotTable.state, 'building')).run()
  }

  begin(connectionId: string): SnapshotWriter {
    const id = randomUUID()
    const db = this.db
    db.insert(directorySnapshotTable).values({ id, connectionId, state: 'building', startedAt: this.now().toISOString() }).run()
    // Rows go in through prepared statements, one transaction per page: building drizzle queries for
    // ~160,000 membership rows cost more than SQLite writing them.
    const sqlite = this.sqlite
    const person = sqlite.prepare('INSERT OR IGNORE INTO snapshot_person (snapshot_id, id, status, search_text, display_name, data) VALUES (?, ?, ?, ?, ?, ?)')
    const group = sqlite.prepare('INSERT OR IGNORE INTO snapshot_group (snapshot_id, id, name, data) VALUES (?, ?, ?, ?)')
    // CAST: the page is bound as bytes (a BLOB, which SQLite's JSON functions would take for JSONB).
    const memberPage = sqlite.prepare(
      "INSERT OR IGNORE INTO snapshot_membership (snapshot_id, group_id, person_id) SELECT ?, ?, value ->> '$.id' FROM json_each(CAST(? AS TEXT)) WHERE type = 'object' AND value ->> '$.id' IS NOT NULL"
    )
    const app = sqlite.prepare('INSERT OR IGNORE INTO snapshot_app (snapshot_id, id, data) VALUES (?, ?, ?)')
    const assignment = sqlite.prepare('INSERT OR IGNORE INTO snapshot_app_assignment (snapshot_id, app_id, person_id) VALUES (?, ?, ?)')
    const directMember = sqlite.prepare('INSERT OR IGNORE INTO snapshot_direct_member (snapshot_id, group_id, member_id) VALUES (?, ?, ?)')
    const licence = sqlite.prepare('INSERT OR IGNORE INTO snapshot_licence (snapshot_id, id, data) VALUES (?, ?, ?)')
    const device = sqlite.prepare('INSERT OR IGNORE INTO snapshot_device (snapshot_id, id, name, search_text, data) VALUES (?, ?, ?, ?, ?)')
    const each = <T>(rows: readonly T[], write: (row: T) => void): void => {
      sqlite.transaction(() => {
        for (const row of rows) write(row)
      })()
    }
    return {
      id,
      addPeople: (people) => each(people, (row) => person.run(id, row.id, row.status, searchText(row), row.displayName, JSON.stringify(row))),
      addGroups: (groups) => each(groups, (row) => group.run(id, row.id, row.name, JSON.stringify(row))),
      addMemberPage: (groupId, json) => {
        try {
          return memberPage.run(id, groupId, json).changes
        } catch (error) {
          if (error instanceof Error && /malformed JSON/i.test(error.message)) throw new Error(`The member list of group ${groupId} is not valid JSON.`)
          throw error
        }
      },
      addApps: (apps) => each(apps, (row) => app.run(id, row.id, JSON.stringify(row))),
      addAssignments: (appId, personIds) => each(personIds, (personId) => assignment.run(id, appId, personId)),
      addDirectMembers: (groupId, memberIds) => each(memberIds, (memberId) => directMember.run(id, groupId, memberId)),
      addLicences: (licences) => each(licences, (row) => licence.run(id, row.id, JSON.stringify(row))),
      addDevices: (devices) => each(devices, (row) => device.run(id, row.id, row.name, [row.name, row.login, row.serialNumber, row.model].filter(Boolean).join(' ').toLowerCase(), JSON.stringify(row))),
      commit: (figures, deltaLinks = null) => {
        const summary: SnapshotSummary = { id, fetchedAt: this.now().toISOString(), ...figures }
        db.transaction((tx) => {
          tx.update(directorySnapshotTable)
            .set({ state: 'complete', completedAt: summary.fetchedAt, summary: JSON.stringify(summary), deltaLinks: deltaLinks && JSON.stringify(deltaLinks) })
            .where(eq(directorySnapshotTable.id, id))
            .run()
          tx.delete(directorySnapshotTable)
            .where(and(eq(directorySnapshotTable.connectionId, connectionId), ne(directorySnapshotTable.id, id)))
            .run()
        })
        return summary
      },
      abort: () => {
        db.delete(directorySnapshotTable).where(eq(directorySnapshotTable.id, id)).run()
      }
    }
  }

  /** The connection's complete snapshot, if it has one. */
  current(connectionId: string): SnapshotSummary | null {
    const row = this.db
      .select({ summary: directorySnapshotTable.summary })
      .from(directorySnapshotTable)
      .where(and(eq(directorySnapshotTable.connectionId, connectionId), eq(directorySnapshotTable.state, 'complete')))
      .get()
    return row?.summary ? (JSON.parse(row.summary) as SnapshotSummary) : null
  }

  people(connectionId: string, query: { search?: string | undefined; status?: string | undefined; groupId?: string | undefined; offset: number; limit: number }): { total: number; rows: DirectoryPerson[] } {
    const snapshot = this.current(connectionId)
    if (!snapshot) return { total: 0, rows: [] }
    const conditions: SQL[] = [eq(snapshotPersonTable.snapshotId, snapshot.id)]
    const needle = query.search?.trim().toLowerCase()
    if (needle) conditions.push(contains(snapshotPersonTable.searchText, needle))
    if (query.status) conditions.push(eq(snapshotPersonTable.status, query.status))
    if (query.groupId) {
      conditions.push(
        inArray(
          snapshotPersonTable.id,
          this.db
            .select({ id: snapshotMembershipTable.personId })
            .from(snapshotMembershipTable)
            .where(and(eq(snapshotMembershipTable.snapshotId, snapshot.id), eq(snapshotMembershipTable.groupId, query.groupId)))
        )
      )
    }
    const where = and(...conditions)
    const total = this.db.select({ n: count() }).from(snapshotPersonTable).where(where).get()?.n ?? 0
    const rows = this.db
      .select({ data: snapshotPersonTable.data })
      .from(snapshotPersonTable)
      .where(where)
      .orderBy(asc(sql`lower(${snapshotPersonTable.displayName})`), asc(snapshotPersonTable.id))
      .limit(query.limit)
      .offset(query.offset)
      .all()
    return { total, rows: rows.map((row) => JSON.parse(row.data) as DirectoryPerson) }
  }

  groups(connectionId: string, query: { search?: string | undefined; offset: number; limit: number }): { total: number; rows: DirectoryGroup[] } {
    const snapshot = this.current(connectionId)
    if (!snapshot) return { total: 0, rows: [] }
    const conditions: SQL[] = [eq(snapshotGroupTable.snapshotId, snapshot.id)]
    const needle = query.search?.trim().toLowerCase()
    if (needle) conditions.push(contains(sql`lower(${snapshotGroupTable.name})`, needle))
    const where = and(...conditions)
    const total = this.db.select({ n: count() }).from(snapshotGroupTable).where(where).get()?.n ?? 0
    const rows = this.db
      .select({ data: snapshotGroupTable.data })
      .from(snapshotGroupTable)
      .where(where)
      .orderBy(asc(sql`lower(${snapshotGroupTable.name})`))
      .limit(query.limit)
      .offset(query.offset)
      .all()
    return { total, rows: rows.map((row) => JSON.parse(row.data) as DirectoryGroup) }
  }

  /** Intune devices of the connection's snapshot, searchable (name, user, serial number, model) and paged. */
  devices(connectionId: string, query: { search?: string | undefined; offset: number; limit: number }): { total: number; rows: DirectoryDevice[] } {
    const snapshot = this.current(connectionId)
    if (!snapshot) return { total: 0, rows: [] }
    const conditions: SQL[] = [eq(snapshotDeviceTable.snapshotId, snapshot.id)]
    const needle = query.search?.trim().toLowerCase()
    if (needle) conditions.push(contains(snapshotDeviceTable.searchText, needle))
    const where = and(...conditions)
    const total = this.db.select({ n: count() }).from(snapshotDeviceTable).where(where).get()?.n ?? 0
    const rows = this.db
      .select({ data: snapshotDeviceTable.data })
      .from(snapshotDeviceTable)
      .where(where)
      .orderBy(asc(sql`lower(${snapshotDeviceTable.name})`), asc(snapshotDeviceTable.id))
      .limit(query.limit)
      .offset(query.offset)
      .all()
    return { total, rows: rows.map((row) => JSON.parse(row.data) as DirectoryDevice) }
  }

  /**
   * The whole snapshot, for the mapping engine: every person (ordered by name), group, membership,
   * app assignment and licence, or null when the connection has none.
   */
  load(connectionId: string): { summary: SnapshotSummary; data: DirectoryData } | null {
    const summary = this.current(connectionId)
    if (!summary) return null
    const id = summary.id
    const rows = <T>(query: string): T[] => this.sqlite.prepare(query).all(id) as T[]
    const people = rows<{ data: string }>('SELECT data FROM snapshot_person WHERE snapshot_id = ? ORDER BY lower(display_name), id').map((row) => JSON.parse(row.data) as DirectoryPerson)
    const groups = rows<{ data: string }>('SELECT data FROM snapshot_group WHERE snapshot_id = ? ORDER BY lower(name)').map((row) => JSON.parse(row.data) as DirectoryGroup)
    const grouped = (pairs: Array<{ key: string; personId: string }>): Map<string, string[]> => {
      const map = new Map<string, string[]>()
      for (const { key, personId } of pairs) {
        const list = map.get(key)
        if (list) list.push(personId)
        else map.set(key, [personId])
      }
      return map
    }
    return {
      summary,
      data: {
        people,
        groups,
        members: grouped(rows('SELECT group_id AS key, person_id AS personId FROM snapshot_membership WHERE snapshot_id = ?')),
        appAssignments: grouped(rows('SELECT app_id AS key, person_id AS personId FROM snapshot_app_assignment WHERE snapshot_id = ?')),
        licences: rows<{ data: string }>('SELECT data FROM snapshot_licence WHERE snapshot_id = ? ORDER BY id').map((row) => JSON.parse(row.data) as DirectoryLicence)
      }
    }
  }

  /** The deltaLinks of the connection's snapshot and its groups' direct members, or null when it has none. */
  deltaState(connectionId: string): { links: DeltaLinks; direct: Map<string, string[]> } | null {
    const row = this.db
      .select({ id: directorySnapshotTable.id, deltaLinks: directorySnapshotTable.deltaLinks })
      .from(directorySnapshotTable)
      .where(and(eq(directorySnapshotTable.connectionId, connectionId), eq(directorySnapshotTable.state, 'complete')))
      .get()
    if (!row?.deltaLinks) return null
    const direct = new Map<string, string[]>()
    for (const edge of this.sqlite.prepare('SELECT group_id AS groupId, member_id AS memberId FROM snapshot_direct_member WHERE snapshot_id = ?').all(row.id) as Array<{ groupId: string; memberId: string }>) {
      const list = direct.get(edge.groupId)
      if (list) list.push(edge.memberId)
      else direct.set(edge.groupId, [edge.memberId])
    }
    return { links: JSON.parse(row.deltaLinks) as DeltaLinks, direct }
  }

  /** Whether the connection's snapshot knows where its next changes are read from (cheap: no members read). */
  hasDeltaLinks(connectionId: string): boolean {
    const row = this.db
      .select({ deltaLinks: directorySnapshotTable.deltaLinks })
      .from(directorySnapshotTable)
      .where(and(eq(directorySnapshotTable.connectionId, connectionId), eq(directorySnapshotTable.state, 'complete')))
      .get()
    return Boolean(row?.deltaLinks)
  }

  /** Replaces (or, with null, forgets) where the connection's next changes are read from: "Reset delta". */
  setDeltaLinks(connectionId: string, links: DeltaLinks | null): void {
    this.db
      .update(directorySnapshotTable)
      .set({ deltaLinks: links && JSON.stringify(links) })
      .where(and(eq(directorySnapshotTable.connectionId, connectionId), eq(directorySnapshotTable.state, 'complete')))
      .run()
  }

  /** The apps of the connection's snapshot. */
  apps(connectionId: string): DirectoryApp[] {
    const summary = this.current(connectionId)
    if (!summary) return []
    return (this.sqlite.prepare('SELECT data FROM snapshot_app WHERE snapshot_id = ? ORDER BY id').all(summary.id) as Array<{ data: string }>).map((row) => JSON.parse(row.data) as DirectoryApp)
  }
}

/** Case-insensitive substring match; % and _ in the needle are literal. */
function contains(column: SQLWrapper, needle: string): SQL {
  return sql`${column} LIKE ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`
}

function searchText(person: DirectoryPerson): string {
  return [person.displayName, person.login, person.email, person.employeeNumber].filter(Boolean).join(' ').toLowerCase()
}
