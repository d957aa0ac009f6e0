/**
 * The sync journal (owner of `sync_run` and `sync_op`): a run and every operation it will send are
 * written in one transaction before anything is sent; each batch is marked sent before the request
 * and done (with the Halo id) or failed (with Halo's words) after it, so a run that stops — crash,
 * kill, network cut, cancel — resumes exactly where it was. A run is held by one process at a time
 * (a lease renewed by heartbeat). Operations are read in sequence with a cursor, never by rescanning
 * what is done.
 */
import type Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import type { StudioDb } from '../store/database'
import { syncRunTable } from '../store/schema'

export const syncPhases = ['licences', 'sites', 'users', 'agents', 'directory', 'cabs', 'tickets'] as const
export type SyncPhase = (typeof syncPhases)[number]
export type OpState = 'pending' | 'sent' | 'done' | 'failed' | 'skipped'
export type RunState = 'running' | 'interrupted' | 'cancelled' | 'completed' | 'failed'

/** How long a run's holder may go without a heartbeat before another process may take the run over. */
export const leaseMs = 30_000

export interface NewOp {
  phase: SyncPhase
  ref: string
  action: string
  payload: Record<string, unknown>
}

export interface SyncOp extends NewOp {
  runId: string
  seq: number
  state: OpState
  haloId: string | null
  error: string | null
  attempts: number
}

export type SyncRun = typeof syncRunTable.$inferSelect

export interface OpCounts {
  total: number
  pending: number
  sent: number
  done: number
  failed: number
  skipped: number
}

interface OpRow {
  run_id: string
  seq: number
  phase: SyncPhase
  ref: string
  action: string
  state: OpState
  payload: string
  halo_id: string | null
  error: string | null
  attempts: number
}

export class SyncJournal {
  constructor(
    private readonly db: StudioDb,
    private readonly sqlite: Database.Database,
    private readonly now: () => Date = () => new Date()
  ) {}

  createRun(run: { connectionId: string; planId: string; trigger: SyncRun['trigger']; allowDeactivations: number | null; summary: unknown }, ops: readonly NewOp[]): string {
    const id = randomUUID()
    const at = this.now().toISOString()
    const insert = this.sqlite.prepare("INSERT INTO sync_op (run_id, seq, phase, ref, action, state, payload, attempts, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?)")
    this.sqlite.transaction(() => {
      this.db.insert(syncRunTable).values({ id, ...run, summary: JSON.stringify(run.summary), state: 'running', startedAt: at }).run()
      // Phase order first, then the plan's order within a phase: sequence numbers are the order sent.
      const ordered = [...ops].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase))
      ordered.forEach((op, seq) => insert.run(id, seq, op.phase, op.ref, op.action, JSON.stringify(op.payload), at))
    })()
    return id
  }

  run(runId: string): SyncRun | null {
    return this.db.select().from(syncRunTable).where(eq(syncRunTable.id, runId)).get() ?? null
  }

  /** A connection's runs (every connection's when none is named), newest first. */
  runs(connectionId?: string, limit = 50): SyncRun[] {
    const query = this.db.select().from(syncRunTable)
    return (connectionId === undefined ? query : query.where(eq(syncRunTable.connectionId, connectionId))).orderBy(desc(syncRunTable.startedAt)).limit(limit).all()
  }

  /** A run of the connection that has not finished (running, interrupted or cancelled), newest first. */
  unfinished(connectionId: string): SyncRun | null {
    return this.runs(connectionId).find((run) => run.state === 'running' || run.state === 'interrupted' || run.state === 'cancelled') ?? null
  }

  /**
   * Runs left "running" by a process that is gone — `gone(owner)` says so, or its heartbeat is older
   * than `staleMs` — are interrupted, to resume. One whose owner still works on it is left alone.
   */
  interruptAbandoned(gone: (owner: string) => boolean, staleMs = leaseMs): number {
    const before = new Date(this.now().getTime() - staleMs).toISOString()
    const running = this.db.select().from(syncRunTable).where(eq(syncRunTable.state, 'running')).all()
    const abandoned = running.filter((run) => run.owner === null || run.heartbeatAt === null || run.heartbeatAt < before || gone(run.owner))
    for (const run of abandoned) {
      this.db.update(syncRunTable).set({ state: 'interrupted', owner: null, error: 'Identity Studio stopped while this sync ran; resume it to finish.' }).where(eq(syncRunTable.id, run.id)).run()
    }
    return abandoned.length
  }

  /**
   * Takes the run for this process: only when no one holds it, or its holder's heartbeat is older than
   * `staleMs` (that process is gone). Two executors never work on one run, whichever app or command started them.
   */
  claim(runId: string, owner: string, staleMs: number = leaseMs): boolean {
    const now = this.now()
    const before = new Date(now.getTime() - staleMs).toISOString()
    return this.sqlite.prepare('UPDATE sync_run SET owner = ?, heartbeat_at = ? WHERE id = ? AND (owner IS NULL OR owner = ? OR heartbeat_at IS NULL OR heartbeat_at < ?)').run(owner, now.toISOString(), runId, owner, before).changes === 1
  }

  /** Renews the holder's heartbeat; false when the run is no longer this owner's. */
  beat(runId: string, owner: string): boolean {
    return this.sqlite.prepare('UPDATE sync_run SET heartbeat_at = ? WHERE id = ? AND owner = ?').run(this.now().toISOString(), runId, owner).changes === 1
  }

  release(runId: string, owner: string): void {
    this.sqlite.prepare('UPDATE sync_run SET owner = NULL WHERE id = ? AND owner = ?').run(runId, owner)
  }

  setState(runId: string, state: RunState, error: string | null = null): void {
    const finished = state === 'completed' || state === 'failed' ? this.now().toISOString() : null
    this.db.update(syncRunTable).set({ state, error, finishedAt: finished }).where(eq(syncRunTable.id, runId)).run()
  }

  /** The next operations of a phase still to do (pending, or sent without an answer), after `afterSeq`. */
  next(runId: string, phase: SyncPhase, afterSeq: number, limit: number): SyncOp[] {
    const rows = this.sqlite.prepare("SELECT * FROM sync_op WHERE run_id = ? AND seq > ? AND phase = ? AND state IN ('pending', 'sent') ORDER BY seq LIMIT ?").all(runId, afterSeq, phase, limit) as OpRow[]
    return rows.map(toOp)
  }

  /** Marks operations sent (with what is sent), before the request. */
  markSent(ops: readonly SyncOp[]): void {
    const at = this.now().toISOString()
    const statement = this.sqlite.prepare("UPDATE sync_op SET state = 'sent', payload = ?, attempts = attempts + 1, updated_at = ? WHERE run_id = ? AND seq = ?")
    this.sqlite.transaction(() => {
      for (const op of ops) {
        statement.run(JSON.stringify(op.payload), at, op.runId, op.seq)
        op.state = 'sent'
        op.attempts += 1
      }
    })()
  }

  /** Records answers: each op's new state with its Halo id or error, and `also` (links, tickets) in the same transaction. */
  settle(results: ReadonlyArray<{ op: SyncOp; state: OpState; haloId?: string | number | null; error?: string | null }>, also?: () => void): void {
    const at = this.now().toISOString()
    const statement = this.sqlite.prepare('UPDATE sync_op SET state = ?, halo_id = ?, error = ?, updated_at = ? WHERE run_id = ? AND seq = ?')
    this.sqlite.transaction(() => {
      for (const { op, state, haloId, error } of results) {
        const id = haloId === undefined || haloId === null ? op.haloId : String(haloId)
        statement.run(state, id, error ?? null, at, op.runId, op.seq)
        op.state = state
        op.haloId = id
        op.error = error ?? null
      }
      also?.()
    })()
  }

  /** Ref → Halo id of what the run has done so far (sites, users, agents), for the operations that depend on them. */
  doneIds(runId: string): Map<string, string> {
    const rows = this.sqlite.prepare("SELECT ref, halo_id FROM sync_op WHERE run_id = ? AND state = 'done' AND halo_id IS NOT NULL AND phase IN ('licences', 'sites', 'users', 'agents')").all(runId) as Array<{ ref: string; halo_id: string }>
    return new Map(rows.map((row) => [row.ref, row.halo_id]))
  }

  /** The final state of operations by ref (for the report and dependent operations). */
  stateOf(runId: string, refs: readonly string[]): Map<string, OpState> {
    if (refs.length === 0) return new Map()
    const rows = this.sqlite.prepare(`SELECT ref, state FROM sync_op WHERE run_id = ? AND ref IN (${refs.map(() => '?').join(', ')})`).all(runId, ...refs) as Array<{ ref: string; state: OpState }>
    return new Map(rows.map((row) => [row.ref, row.state]))
  }

  counts(runId: string): OpCounts {
    const rows = this.sqlite.prepare('SELECT state, count(*) AS n FROM sync_op WHERE run_id = ? GROUP BY state').all(runId) as Array<{ state: OpState; n: number }>
    const counts: OpCounts = { total: 0, pending: 0, sent: 0, done: 0, failed: 0, skipped: 0 }
    for (const row of rows) {
      counts[row.state] = row.n
      counts.total += row.n
    }
    return counts
  }

  /** Operations in sequence, a page at a time (the report). */
  ops(runId: string, offset: number, limit: number, state?: OpState): SyncOp[] {
    const rows = (
      state
        ? this.sqlite.prepare('SELECT * FROM sync_op WHERE run_id = ? AND state = ? ORDER BY seq LIMIT ? OFFSET ?').all(runId, state, limit, offset)
        : this.sqlite.prepare('SELECT * FROM sync_op WHERE run_id = ? ORDER BY seq LIMIT ? OFFSET ?').all(runId, limit, offset)
    ) as OpRow[]
    return rows.map(toOp)
  }

  *allOps(runId: string): Generator<SyncOp> {
    for (const row of this.sqlite.prepare('SELECT * FROM sync_op WHERE run_id = ? ORDER BY seq').iterate(runId) as IterableIterator<OpRow>) yield toOp(row)
  }
}

function phaseIndex(phase: SyncPhase): number {
  return syncPhases.indexOf(phase)
}

function toOp(row: OpRow): SyncOp {
  return { runId: row.run_id, seq: row.seq, phase: row.phase, ref: row.ref, action: row.action, state: row.state, payload: JSON.parse(row.payload) as Record<string, unknown>, haloId: row.halo_id, error: row.error, attempts: row.attempts }
}
