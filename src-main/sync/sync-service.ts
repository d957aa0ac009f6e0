/**
 * Syncs (the service behind `sync:*` and `halo-identity sync`): starts a run of a saved plan — refused
 * when the plan no longer describes its inputs (rebuild it), when the guardrail blocks it and the
 * override does not name its number of deactivations, or while another run of the connection is
 * unfinished (resume or cancel that) — resumes a stopped one, cancels between batches, and reports
 * progress (`task:progress`, id `sync:<connection id>`) and state (`run:updated`). One execution
 * per connection at a time, and one process per run (the journal's lease): the app and the command
 * line never work on the same run together.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { stringify } from 'csv-stringify/sync'
import { StudioError, type ReportRow, type RunView } from '../../src-shared/contract'
import type { ConnectionRepo } from '../connections/connection-repo'
import { guardrailAllows } from '../core/guardrail'
import type { HaloInstances } from '../halo/halo-instances'
import type { PlanService } from '../plans/plan-service'
import type { PlanStore, StoredPlan } from '../plans/plan-store'
import type { EventBus } from '../runtime/event-bus'
import { SyncExecutor, type DirectoryLicenceWriter, type ExecutionResult, type SyncProgress } from './sync-executor'
import { leaseMs, type OpCounts, type OpState, type SyncJournal, type SyncOp, type SyncRun } from './sync-journal'
import type { SyncLinks } from './sync-links'
import { planOps } from './plan-ops'

export interface SyncServiceDeps {
  connections: ConnectionRepo
  halo: HaloInstances
  plans: PlanService
  planStore: PlanStore
  journal: SyncJournal
  links: SyncLinks
  events: EventBus
  /** How a connection assigns licences in its directory (Entra licence management from Halo). */
  directoryWriter?: (connectionId: string) => DirectoryLicenceWriter
  batchSize?: number
  now?: () => Date
}

interface Execution {
  cancel: boolean
  done: Promise<ExecutionResult>
}

export class SyncService {
  private readonly executing = new Map<string, Execution>()
  /** Who this process is, as the run lease names it. */
  private readonly owner = ownerName()

  constructor(private readonly deps: SyncServiceDeps) {}

  /** Starts a sync of a plan; answers the run id (the run goes on in the background: see `finished`). */
  start(planId: string, options: { allowDeactivations: number | null; trigger: SyncRun['trigger'] }): string {
    const stored = this.deps.plans.get(planId)
    const connection = this.deps.connections.get(stored.connectionId)
    const unfinished = this.deps.journal.unfinished(stored.connectionId)
    if (unfinished) throw new StudioError('BUSY', `A sync of ${connection.name} has not finished (${unfinished.state}). Resume it, or cancel it, before starting another.`, { runId: unfinished.id })
    assertSyncable(this.deps.plans, stored, { allowDeactivations: options.allowDeactivations })
    const ops = planOps(stored.plan, this.deps.planStore.allRows(planId))
    const runId = this.deps.journal.createRun({ connectionId: stored.connectionId, planId, trigger: options.trigger, allowDeactivations: options.allowDeactivations, summary: stored.plan.summary }, ops)
    this.deps.planStore.markSynced(planId)
    this.launch(runId)
    return runId
  }

  /** Resumes a run that stopped (interrupted or cancelled); answers at once, like start. */
  resume(runId: string): void {
    const run = this.run(runId)
    if (run.state === 'completed' || run.state === 'failed') throw new StudioError('VALIDATION_FAILED', 'This sync has finished; there is nothing to resume.', { issues: [] })
    if (this.executing.has(run.connectionId)) throw new StudioError('BUSY', 'This sync is running already.', { runId })
    this.launch(runId)
  }

  cancel(runId: string): void {
    const run = this.run(runId)
    const execution = this.executing.get(run.connectionId)
    if (execution) execution.cancel = true
    else if (run.state === 'interrupted') this.deps.journal.setState(runId, 'cancelled', 'Cancelled: resume to finish the sync.')
  }

  /** The result once the run's execution in this process stops. */
  async finished(runId: string): Promise<ExecutionResult> {
    const run = this.run(runId)
    const execution = this.executing.get(run.connectionId)
    if (execution) return execution.done
    return run.state === 'completed' ? { state: 'completed' } : run.state === 'cancelled' ? { state: 'cancelled' } : { state: 'interrupted', error: run.error ?? 'The sync stopped.' }
  }

  /** The connection's run that has not finished, if any (the command line resumes it). */
  unfinishedRun(connectionId: string): SyncRun | null {
    this.deps.connections.get(connectionId)
    return this.deps.journal.unfinished(connectionId)
  }

  totals(runId: string): OpCounts {
    this.run(runId)
    return this.deps.journal.counts(runId)
  }

  /** The operations that failed, with Halo's words, in order. */
  failures(runId: string, limit: number): SyncOp[] {
    return this.deps.journal.ops(runId, 0, limit, 'failed')
  }

  view(run: SyncRun): RunView {
    return {
      id: run.id,
      connectionId: run.connectionId,
      planId: run.planId,
      state: run.state,
      trigger: run.trigger,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
      allowDeactivations: run.allowDeactivations,
      counts: this.deps.journal.counts(run.id),
      summary: JSON.parse(run.summary) as RunView['summary']
    }
  }

  runs(connectionId?: string): SyncRun[] {
    if (connectionId !== undefined) this.deps.connections.get(connectionId)
    return this.deps.journal.runs(connectionId)
  }

  /** A run's operations in order, with their results and Halo's words. */
  report(runId: string, page: { offset: number; limit: number; state?: OpState | undefined }): { total: number; rows: ReportRow[] } {
    const run = this.run(runId)
    const counts = this.deps.journal.counts(runId)
    const total = page.state ? counts[page.state] : counts.total
    return { total, rows: this.deps.journal.ops(runId, page.offset, page.limit, page.state).map((op) => this.reportRow(run.planId, op)) }
  }

  exportReport(runId: string, format: 'json' | 'csv'): { fileName: string; text: string } {
    const run = this.run(runId)
    const connection = this.deps.connections.get(run.connectionId)
    const base = `${connection.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection'}-sync-${run.startedAt.replace(/[:.]/g, '-').slice(0, 19)}`
    const rows = [...this.deps.journal.allOps(runId)].map((op) => this.reportRow(run.planId, op))
    if (format === 'json') return { fileName: `${base}.json`, text: `${JSON.stringify({ run: this.view(run), connection: connection.name, operations: rows }, null, 2)}\n` }
    return {
      fileName: `${base}.csv`,
      text: stringify([
        ['Order', 'Phase', 'Record', 'Name', 'Action', 'Result', 'Halo id', 'Halo said / why', 'Attempts', 'Site mappings matched', 'Fields written'],
        ...rows.map((row) => [row.seq + 1, row.phase, row.ref, row.name ?? '', row.action, row.state, row.haloId ?? '', row.error ?? '', row.attempts, row.mappings.join('; '), row.changed.join('; ')])
      ])
    }
  }

  /** An operation as the report shows it, with the inbound log of a person's record from its plan row. */
  private reportRow(planId: string, op: SyncOp): ReportRow {
    const row = op.phase === 'users' || op.phase === 'agents' || op.phase === 'directory' ? this.deps.planStore.row(planId, op.ref) : null
    return {
      seq: op.seq,
      phase: op.phase,
      ref: op.ref,
      action: op.action,
      state: op.state,
      haloId: op.haloId,
      error: op.error,
      attempts: op.attempts,
      name: row?.name ?? (op.phase === 'sites' || op.phase === 'licences' ? String(op.payload.name) : null),
      mappings: row ? [...(row.winner ? [row.winner] : []), ...row.alsoMatched] : [],
      changed: row ? row.changes.map((change) => change.label) : []
    }
  }

  run(runId: string): SyncRun {
    const run = this.deps.journal.run(runId)
    if (!run) throw new StudioError('NOT_FOUND', 'That sync run is not in this workspace.', { runId })
    return run
  }

  private launch(runId: string): void {
    const run = this.run(runId)
    const connection = this.deps.connections.get(run.connectionId)
    if (!this.deps.journal.claim(runId, this.owner, run.owner !== null && ownerGone(run.owner) ? 0 : leaseMs)) {
      throw new StudioError('BUSY', `This sync of ${connection.name} is running in another Identity Studio on this computer (the app or the command line). It can be resumed here once that one stops.`, { runId })
    }
    // The heartbeat says this process still works on the run, however long a batch waits on Halo.
    const heartbeat = setInterval(() => this.deps.journal.beat(runId, this.owner), Math.floor(leaseMs / 3))
    heartbeat.unref()
    const stored = this.deps.plans.get(run.planId)
    const executor = new SyncExecutor({
      journal: this.deps.journal,
      links: this.deps.links,
      client: this.deps.halo.client(connection.haloInstanceId),
      connectionId: connection.id,
      source: stored.plan.source,
      ...(this.deps.directoryWriter ? { directory: this.deps.directoryWriter(connection.id) } : {}),
      batchSize: this.deps.batchSize,
      onProgress: (progress) => this.progress(runId, connection.id, progress)
    })
    const execution: Execution = { cancel: false, done: Promise.resolve({ state: 'completed' }) }
    this.executing.set(connection.id, execution)
    this.publish(runId, 'running')
    execution.done = executor
      .execute(runId, () => execution.cancel)
      .then(async (result) => {
        // Halo's users and agents as the sync left them, so the next preview (even offline) starts from there.
        if (result.state === 'completed') await this.deps.halo.refreshLookups(connection.haloInstanceId).catch(() => undefined)
        this.publish(runId, result.state === 'completed' ? 'completed' : result.state === 'cancelled' ? 'cancelled' : 'paused')
        return result
      })
      .finally(() => {
        clearInterval(heartbeat)
        this.deps.journal.release(runId, this.owner)
        this.executing.delete(connection.id)
      })
  }

  private progress(runId: string, connectionId: string, progress: SyncProgress): void {
    const { counts } = progress
    this.deps.events.emit('task:progress', { taskId: `sync:${connectionId}`, label: `Syncing ${progress.phase}`, done: counts.done + counts.failed + counts.skipped, total: counts.total, etaMs: progress.etaMs })
    this.publish(runId, 'running')
  }

  private publish(runId: string, status: 'running' | 'paused' | 'cancelled' | 'completed'): void {
    const counts = this.deps.journal.counts(runId)
    this.deps.events.emit('run:updated', { runId, status, applied: counts.done, failed: counts.failed, total: counts.total })
  }
}

/**
 * Refuses a preview that no longer describes what a sync would do and, when the guardrail is to be
 * checked (a real sync), one it blocks without the exact number of deactivations allowed.
 */
export function assertSyncable(plans: PlanService, stored: StoredPlan, guard?: { allowDeactivations: number | null }): void {
  const stale = plans.staleness(stored)
  if (stale.length > 0) throw new StudioError('VALIDATION_FAILED', `This preview no longer describes what a sync would do: ${stale.join(' ')} Build the preview again.`, { issues: [], stale })
  const { guardrail } = stored.plan
  if (guard && !guardrailAllows(guardrail, guard.allowDeactivations)) {
    throw new StudioError('VALIDATION_FAILED', `${guardrail.message ?? 'The guardrail blocks this plan.'} To go ahead, confirm the exact number of deactivations (${guardrail.deactivations}).`, { issues: [], guardrail })
  }
}

/** This process, as a run's lease names its holder: host, process id, and a random part. */
function ownerName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
}

/** Whether a lease holder is a process of this computer that no longer exists (killed, crashed). */
export function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split(':')
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
