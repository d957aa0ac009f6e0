/**
 * The Halo sandbox's own SQLite file: one row per record (kind, id, JSON), with the numeric order
 * Halo lists them in. Lists are filtered, searched and paged in SQL so a 100,000-user sandbox stays
 * quick. Nothing here knows HTTP; api-routes.ts turns requests into these calls.
 */
import Database from 'better-sqlite3'

export type HaloRecord = Record<string, unknown> & { id: number | string }

export interface ListFilter {
  /** Fields that must equal a value (json path → value). */
  equals: Array<{ field: string; value: string | number | boolean | null }>
  /** Case-insensitive substring over any of these fields. */
  search: { fields: readonly string[]; text: string } | null
  /** Hide records where this flag is true. */
  hideFlag: string | null
  /** Show only records where this flag is true (the "inactive only" case). */
  onlyFlag: string | null
  order: { field: string; descending: boolean } | null
  /** Records whose list `field` holds an entry with this id (a user's licences). */
  listedIn?: { field: string; id: number | string }
}

export class SandboxStore {
  private readonly db: Database.Database

  constructor(file: string, nativeBinding?: string) {
    this.db = new Database(file, nativeBinding ? { nativeBinding } : {})
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS record (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX IF NOT EXISTS record_order ON record (kind, seq);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `)
  }

  meta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value ?? null
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  count(kind: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM record WHERE kind = ?').get(kind) as { n: number }).n
  }

  get(kind: string, id: string | number): HaloRecord | null {
    const row = this.db.prepare('SELECT data FROM record WHERE kind = ? AND id = ?').get(kind, String(id)) as { data: string } | undefined
    return row ? (JSON.parse(row.data) as HaloRecord) : null
  }

  /** The next integer id of a kind (Halo ids start at 1). */
  nextSeq(kind: string): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM record WHERE kind = ?').get(kind) as { seq: number | null }
    return (row.seq ?? 0) + 1
  }

  put(kind: string, record: HaloRecord, seq?: number): void {
    const order = seq ?? (typeof record.id === 'number' ? record.id : this.nextSeq(kind))
    this.db
      .prepare('INSERT INTO record (kind, id, seq, data) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data')
      .run(kind, String(record.id), order, JSON.stringify(record))
  }

  delete(kind: string, id: string | number): boolean {
    return this.db.prepare('DELETE FROM record WHERE kind = ? AND id = ?').run(kind, String(id)).changes > 0
  }

  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  all(kind: string): HaloRecord[] {
    return (this.db.prepare('SELECT data FROM record WHERE kind = ? ORDER BY seq').all(kind) as Array<{ data: string }>).map(
      (row) => JSON.parse(row.data) as HaloRecord
    )
  }

  /** Matching records, one page of them, and how many match in total. */
  list(kind: string, filter: ListFilter, page: { limit: number | null; offset: number }): { total: number; records: HaloRecord[] } {
    const where = ['kind = ?']
    const params: unknown[] = [kind]
    for (const { field, value } of filter.equals) {
      if (value === null) {
        where.push(`json_extract(data, ?) IS NULL`)
        params.push(jsonPath(field))
      } else if (typeof value === 'string') {
        where.push(`lower(CAST(json_extract(data, ?) AS TEXT)) = lower(?)`)
        params.push(jsonPath(field), value)
      } else {
        where.push(`json_extract(data, ?) = ?`)
        params.push(jsonPath(field), typeof value === 'boolean' ? Number(value) : value)
      }
    }
    if (filter.search && filter.search.text !== '') {
      const like = `%${filter.search.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      where.push(`(${filter.search.fields.map(() => `lower(json_extract(data, ?)) LIKE ? ESCAPE '\\'`).join(' OR ')})`)
      for (const field of filter.search.fields) params.push(jsonPath(field), like)
    }
    if (filter.listedIn) {
      where.push(`EXISTS (SELECT 1 FROM json_each(data, ?) WHERE json_extract(value, '$.id') = ?)`)
      params.push(jsonPath(filter.listedIn.field), filter.listedIn.id)
    }
    if (filter.hideFlag) {
      where.push(`coalesce(json_extract(data, ?), 0) = 0`)
      params.push(jsonPath(filter.hideFlag))
    }
    if (filter.onlyFlag) {
      where.push(`coalesce(json_extract(data, ?), 0) = 1`)
      params.push(jsonPath(filter.onlyFlag))
    }
    const clause = where.join(' AND ')
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM record WHERE ${clause}`).get(...params) as { n: number }).n
    const order = filter.order ? `json_extract(data, ?) ${filter.order.descending ? 'DESC' : 'ASC'}, seq` : 'seq'
    const orderParams = filter.order ? [jsonPath(filter.order.field)] : []
    const limit = page.limit === null ? -1 : page.limit
    const rows = this.db
      .prepare(`SELECT data FROM record WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, ...orderParams, limit, page.offset) as Array<{ data: string }>
    return { total, records: rows.map((row) => JSON.parse(row.data) as HaloRecord) }
  }

  close(): void {
    this.db.close()
  }
}

function jsonPath(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Not a field name: ${field}`)
  return `$.${field}`
}
