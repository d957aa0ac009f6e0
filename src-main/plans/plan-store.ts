/**
 * Plans in SQLite (owner of `plan`, `plan_row` and `conflict_resolution`): a plan is written whole in
 * one transaction (its rows through a prepared statement: a preview may have 100,000), older ready
 * plans of the connection become superseded, and rows are read back a page at a time with the
 * preview's filters (action, kind, site, warnings, search) or one by key. The admin's conflict
 * choices are kept per connection and fed to the next build.
 */
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import type { Rehearsal } from '../../src-shared/contract'
import { planRowSchema, type Plan, type PlanRow } from '../../src-shared/plan/plan-schema'
import type { Resolution } from '../core/planner'
import type { StudioDb } from '../store/database'
import { conflictResolutionTable, planTable } from '../store/schema'

/** What a plan was built from, to tell later whether it still describes the world. */
export interface PlanInputsFingerprint {
  snapshotId: string
  snapshotFetchedAt: string
  configHash: string
  /** When Halo's users were read (the cache's time), and whether this build read them live. */
  haloReadAt: string | null
  haloLive: boolean
  /** Why Halo was not read live, when it was not. */
  haloOffline: string | null
}

export interface StoredPlan {
  id: string
  connectionId: string
  builtAt: string
  inputs: PlanInputsFingerprint
  plan: Omit<Plan, 'rows'>
  /** The site names its rows use, sorted (the preview's site filter). */
  siteNames: string[]
  state: 'ready' | 'synced' | 'superseded'
  /** The last rehearsal of its sync (sync-rehearsal.ts), or null. */
  rehearsal: Rehearsal | null
}

export interface RowQuery {
  offset: number
  limit: number
  search?: string | undefined
  actions?: readonly string[] | undefined
  kind?: 'user' | 'agent' | undefined
  site?: string | undefined
  warningsOnly?: boolean | undefined
}

export class PlanStore {
  private readonly counts = new Map<string, number>()

  constructor(
    private readonly db: StudioDb,
    private readonly sqlite: Database.Database
  ) {}

  save(connectionId: string, plan: Plan, inputs: PlanInputsFingerprint, builtAt: string): StoredPlan {
    const id = randomUUID()
    const { rows, ...document } = plan
    // The site filter's names, worked out once here (a DISTINCT over 100,000 rows took ~0.4 s per opening).
    const siteNames = [...new Set(rows.flatMap((row) => (row.site?.name ? [row.site.name] : [])))].sort((a, b) => a.localeCompare(b))
    const insertRow = this.sqlite.prepare('INSERT INTO plan_row (plan_id, seq, key, kind, action, site, has_warnings, search_text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    this.sqlite.transaction(() => {
      this.db.update(planTable).set({ state: 'superseded' }).where(and(eq(planTable.connectionId, connectionId), eq(planTable.state, 'ready'))).run()
      this.db.insert(planTable).values({ id, connectionId, scope: plan.scope, builtAt, inputs: JSON.stringify(inputs), document: JSON.stringify(document), siteNames: JSON.stringify(siteNames), state: 'ready' }).run()
      rows.forEach((row, seq) => {
        const search = `${row.name} ${row.email ?? ''} ${row.haloId ?? ''}`.toLowerCase()
        insertRow.run(id, seq, row.key, row.kind, row.action, row.site?.name ?? '', row.warnings.length > 0 ? 1 : 0, search, JSON.stringify(row))
      })
    })()
    return { id, connectionId, builtAt, inputs, plan: document, siteNames, state: 'ready', rehearsal: null }
  }

  get(planId: string): StoredPlan | null {
    const row = this.db.select().from(planTable).where(eq(planTable.id, planId)).get()
    return row ? stored(row) : null
  }

  /** The connection's newest plan (any state), or null. */
  latest(connectionId: string): StoredPlan | null {
    const row = this.db.select().from(planTable).where(eq(planTable.connectionId, connectionId)).orderBy(desc(planTable.builtAt)).limit(1).get()
    return row ? stored(row) : null
  }

  saveRehearsal(planId: string, rehearsal: Rehearsal): void {
    this.db.update(planTable).set({ rehearsal: JSON.stringify(rehearsal) }).where(eq(planTable.id, planId)).run()
  }

  markSynced(planId: string): void {
    this.db.update(planTable).set({ state: 'synced' }).where(eq(planTable.id, planId)).run()
  }

  rows(planId: string, query: RowQuery): { total: number; rows: PlanRow[] } {
    const where: string[] = ['plan_id = ?']
    const params: unknown[] = [planId]
    if (query.actions && query.actions.length > 0) {
      where.push(`action IN (${query.actions.map(() => '?').join(', ')})`)
      params.push(...query.actions)
    }
    if (query.kind) {
      where.push('kind = ?')
      params.push(query.kind)
    }
    if (query.site !== undefined) {
      where.push('site = ?')
      params.push(query.site)
    }
    if (query.warningsOnly) where.push('has_warnings = 1')
    const needle = query.search?.trim().toLowerCase()
    if (needle) {
      where.push("search_text LIKE ? ESCAPE '\\'")
      params.push(`%${needle.replace(/[\\%_]/g, (character) => `\\${character}`)}%`)
    }
    const clause = where.join(' AND ')
    // A plan's rows never change once saved: a filter's count is worked out once (a scroll asks for it with every page).
    const countKey = JSON.stringify([clause, params])
    let total = this.counts.get(countKey)
    if (total === undefined) {
      total = (this.sqlite.prepare(`SELECT count(*) AS n FROM plan_row WHERE ${clause}`).get(...params) as { n: number }).n
      if (this.counts.size >= 200) this.counts.delete(this.counts.keys().next().value as string)
      this.counts.set(countKey, total)
    }
    const page = this.sqlite.prepare(`SELECT data FROM plan_row WHERE ${clause} ORDER BY seq LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset) as Array<{ data: string }>
    return { total, rows: page.map((row) => planRowSchema.parse(JSON.parse(row.data))) }
  }

  /** Every row, in plan order (for a sync or an export). */
  *allRows(planId: string): Generator<PlanRow> {
    for (const row of this.sqlite.prepare('SELECT data FROM plan_row WHERE plan_id = ? ORDER BY seq').iterate(planId) as IterableIterator<{ data: string }>) yield JSON.parse(row.data) as PlanRow
  }

  row(planId: string, key: string): PlanRow | null {
    const found = this.sqlite.prepare('SELECT data FROM plan_row WHERE plan_id = ? AND key = ?').get(planId, key) as { data: string } | undefined
    return found ? planRowSchema.parse(JSON.parse(found.data)) : null
  }

  resolutions(connectionId: string): Map<string, Resolution> {
    const rows = this.db.select().from(conflictResolutionTable).where(eq(conflictResolutionTable.connectionId, connectionId)).all()
    return new Map(rows.map((row) => [row.rowKey, JSON.parse(row.choice) as Resolution]))
  }

  /** Records the admin's choice for a row (null takes it back). */
  resolve(connectionId: string, rowKey: string, choice: Resolution | null, decidedAt: string): void {
    if (choice === null) {
      this.db.delete(conflictResolutionTable).where(and(eq(conflictResolutionTable.connectionId, connectionId), eq(conflictResolutionTable.rowKey, rowKey))).run()
      return
    }
    const values = { connectionId, rowKey, choice: JSON.stringify(choice), decidedAt }
    this.db.insert(conflictResolutionTable).values(values).onConflictDoUpdate({ target: [conflictResolutionTable.connectionId, conflictResolutionTable.rowKey], set: values }).run()
  }
}

function stored(row: typeof planTable.$inferSelect): StoredPlan {
  return { id: row.id, connectionId: row.connectionId, builtAt: row.builtAt, inputs: JSON.parse(row.inputs) as PlanInputsFingerprint, plan: JSON.parse(row.document) as Omit<Plan, 'rows'>, siteNames: JSON.parse(row.siteNames) as string[], state: row.state, rehearsal: row.rehearsal === null ? null : (JSON.parse(row.rehearsal) as Rehearsal) }
}
