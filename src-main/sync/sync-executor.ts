/**
 * Applies a run's journal through the Halo client, phase by phase — software licences, sites, users,
 * agents, Entra licence assignments, CAB members, onboarding tickets — in POST-array batches (Entra's
 * one user at a time, through the directory's own writer). Each batch is marked sent before the request
 * and settled after it. A batch Halo refuses (400) is split to find the record at fault, which fails
 * with Halo's words while the others go through. An answer lost (dropped connection, timeout, 5xx)
 * leaves the batch's outcome unknown: creates are looked for in Halo (sync-reconcile.ts), updates are
 * sent again (they are idempotent), with backoff. Operations left "sent" by a crash are reconciled
 * the same way on resume, so nothing is created twice and nothing is skipped. Cancel is honoured
 * between batches. Sign-in, permission and rate-limit failures stop the run, to resume later.
 */
import { StudioError } from '../../src-shared/contract'
import type { HaloClient } from '../halo/halo-client'
import { haloEntities } from '../halo/halo-entities'
import { findCreated } from './sync-reconcile'
import { syncPhases, type OpCounts, type SyncJournal, type SyncOp, type SyncPhase } from './sync-journal'
import type { SyncLinks } from './sync-links'

export interface SyncProgress {
  counts: OpCounts
  /** Operations settled per second since this execution started. */
  rate: number
  etaMs: number | null
  phase: SyncPhase
}

/** Licence changes made in the directory (Entra's assignLicense), for licence management from Halo. */
export interface DirectoryLicenceWriter {
  /** Assigns and removes SKUs (names for messages); throws a StudioError in the admin's words. */
  assign(personId: string, add: readonly string[], remove: readonly string[], names: Readonly<Record<string, string>>): Promise<void>
}

export interface ExecutorOptions {
  journal: SyncJournal
  links: SyncLinks
  client: HaloClient
  connectionId: string
  source: 'okta' | 'entra'
  /** How licences are assigned in the directory; operations that need it fail without it. */
  directory?: DirectoryLicenceWriter
  batchSize?: number
  /** Tries of one batch whose answer is lost before the run stops (to resume later). */
  maxAttempts?: number
  now?: () => Date
  sleep?: (ms: number) => Promise<void>
  onProgress?: (progress: SyncProgress) => void
}

export type ExecutionResult = { state: 'completed' } | { state: 'cancelled' } | { state: 'interrupted'; error: string }

const phaseEntity = { licences: 'licences', sites: 'sites', users: 'users', agents: 'agents', tickets: 'tickets' } as const

export class SyncExecutor {
  private readonly batchSize: number
  private readonly now: () => Date
  private readonly sleep: (ms: number) => Promise<void>
  private ids = new Map<string, string>()
  private settled = 0
  private started = 0

  constructor(private readonly options: ExecutorOptions) {
    this.batchSize = Math.max(1, options.batchSize ?? 50)
    this.now = options.now ?? (() => new Date())
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** Runs (or resumes) the run until it completes, is cancelled, or must stop. */
  async execute(runId: string, cancelled: () => boolean): Promise<ExecutionResult> {
    const { journal } = this.options
    this.ids = journal.doneIds(runId)
    this.settled = 0
    this.started = Date.now()
    journal.setState(runId, 'running')
    try {
      for (const phase of syncPhases) {
        let after = -1
        for (;;) {
          if (cancelled()) {
            journal.setState(runId, 'cancelled', 'Cancelled: resume to finish the sync.')
            return { state: 'cancelled' }
          }
          const batch = journal.next(runId, phase, after, phase === 'cabs' ? 1 : this.batchSize)
          if (batch.length === 0) break
          after = (batch.at(-1) as SyncOp).seq
          await this.runBatch(phase, batch)
          this.report(runId, phase)
        }
      }
    } catch (error) {
      const message = error instanceof StudioError ? error.message : error instanceof Error ? error.message : String(error)
      journal.setState(runId, 'interrupted', message)
      return { state: 'interrupted', error: message }
    }
    journal.setState(runId, 'completed')
    return { state: 'completed' }
  }

  private report(runId: string, phase: SyncPhase): void {
    if (!this.options.onProgress) return
    const counts = this.options.journal.counts(runId)
    const seconds = (Date.now() - this.started) / 1000
    const rate = seconds > 0 ? this.settled / seconds : 0
    const left = counts.pending + counts.sent
    this.options.onProgress({ counts, rate, etaMs: rate > 0 ? Math.round((left / rate) * 1000) : null, phase })
  }

  private async runBatch(phase: SyncPhase, batch: SyncOp[]): Promise<void> {
    // What a crash left sent: find out what Halo did before sending anything again.
    const todo: SyncOp[] = []
    for (const op of batch) {
      if (op.state === 'sent' && (await this.reconcile(phase, op))) continue
      todo.push(op)
    }
    const ready = this.prepare(phase, todo)
    if (ready.length === 0) return
    if (phase === 'cabs') {
      for (const op of ready) await this.sendCab(op)
      return
    }
    if (phase === 'directory') {
      // Licences only recorded as synced need no call: settled together, in one transaction.
      const recorded = ready.filter((op) => op.action === 'record')
      if (recorded.length > 0) this.done('directory', recorded.map((op) => ({ op, haloId: this.haloIdOf(op) })))
      for (const op of ready) if (op.action !== 'record') await this.sendDirectory(op)
      return
    }
    await this.send(phase, ready)
  }

  /** Fills in what earlier phases produced (site ids, user ids); skips what depends on a failure. */
  private prepare(phase: SyncPhase, ops: SyncOp[]): SyncOp[] {
    const ready: SyncOp[] = []
    const skipped: Array<{ op: SyncOp; error: string }> = []
    for (const op of ops) {
      if (phase === 'users' && (typeof op.payload.siteRef === 'string' || Array.isArray(op.payload.licenceRefs))) {
        const siteId = typeof op.payload.siteRef === 'string' ? this.ids.get(op.payload.siteRef) : null
        if (siteId === undefined) skipped.push({ op, error: 'Not sent: the site this user goes to could not be created.' })
        else {
          // Licences this sync created are linked by their new ids; one that failed is left out (and the user's licences are not recorded as synced).
          const record: Record<string, unknown> = { ...(op.payload.record as Record<string, unknown>), ...(siteId === null ? {} : { site_id: Number(siteId) }) }
          const created = ((op.payload.licenceRefs as string[] | undefined) ?? []).flatMap((ref) => {
            const id = this.ids.get(ref)
            return id === undefined ? [] : [{ id: Number(id) }]
          })
          if (created.length > 0) record.licences = [...((record.licences as unknown[] | undefined) ?? []), ...created]
          op.payload = { ...op.payload, record }
          ready.push(op)
        }
      } else if (phase === 'directory') {
        const missing = (op.payload.needs as string[]).filter((ref) => !this.ids.has(ref))
        if (missing.length > 0) skipped.push({ op, error: missing.some((ref) => ref.startsWith('licence:')) ? 'Not sent: a Halo licence this user is linked to could not be created.' : 'Not sent: the Halo user could not be saved.' })
        else ready.push(op)
      } else if (phase === 'tickets') {
        const personId = String(op.payload.personId)
        const already = this.options.links.ticketOf(this.options.connectionId, personId)
        const userId = this.ids.get(String(op.payload.userRef))
        if (already !== null) skipped.push({ op, error: `Not logged again: ticket #${already} was logged for this person before.` })
        else if (userId === undefined) skipped.push({ op, error: 'Not logged: the user was not created.' })
        else {
          op.payload = { ...op.payload, ticket: { ...(op.payload.ticket as Record<string, unknown>), user_id: Number(userId) } }
          ready.push(op)
        }
      } else ready.push(op)
    }
    if (skipped.length > 0) this.options.journal.settle(skipped.map(({ op, error }) => ({ op, state: 'skipped', error })))
    this.settled += skipped.length
    return ready
  }

  /** Posts a batch, splitting it when Halo refuses it and retrying when the answer is lost. */
  private async send(phase: Exclude<SyncPhase, 'cabs' | 'directory'>, ops: SyncOp[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 8
    let pending = ops
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      this.options.journal.markSent(pending)
      try {
        const saved = await this.options.client.request('POST', haloEntities[phaseEntity[phase]].path, { body: pending.map((op) => recordOf(phase, op)) })
        const rows = Array.isArray(saved) ? saved : [saved]
        if (rows.length !== pending.length) throw new StudioError('REMOTE_ERROR', `Halo saved ${rows.length} of ${pending.length} records in one batch without saying why.`, { status: 500 })
        this.done(phase, pending.map((op, index) => ({ op, haloId: idOf(rows[index]) })))
        return
      } catch (error) {
        if (!(error instanceof StudioError)) throw error
        if (refused(error)) {
          if (pending.length === 1) {
            this.options.journal.settle([{ op: pending[0] as SyncOp, state: 'failed', error: error.message }])
            this.settled += 1
            return
          }
          // One record is at fault: send each alone, so the others go through.
          for (const op of pending) await this.send(phase, [op])
          return
        }
        if (!uncertain(error) || attempt >= maxAttempts) throw error
        // The answer was lost: what Halo created is found; the rest is sent again.
        const still: SyncOp[] = []
        for (const op of pending) if (!(await this.reconcile(phase, op))) still.push(op)
        pending = still
        await this.sleep(Math.min(8_000, 250 * 2 ** attempt))
      }
    }
  }

  /** A CAB's members, read now and written with the plan's additions and removals (set semantics: safe to repeat). */
  private async sendCab(op: SyncOp): Promise<void> {
    const { cabId, add, remove } = op.payload as { cabId: number | string; add: string[]; remove: Array<number | string> }
    this.options.journal.markSent([op])
    const cab = (await this.options.client.request('GET', `CAB/${encodeURIComponent(String(cabId))}`, { query: { includedetails: true } })) as { members?: Array<Record<string, unknown>> }
    const members = (cab.members ?? []).filter((member) => !remove.some((id) => String(id) === String(member.agent_id)))
    const joining = add.flatMap((ref) => {
      const agentId = this.ids.get(ref)
      return agentId === undefined || members.some((member) => String(member.agent_id) === agentId) ? [] : [{ agent_id: Number(agentId), cab_id: cabId }]
    })
    await this.options.client.request('POST', 'CAB', { body: [{ id: cabId, members: [...members, ...joining] }] })
    this.options.journal.settle([{ op, state: 'done', haloId: cabId }])
    this.settled += 1
  }

  /** A user's licences assigned and removed in Entra (Halo manages them), then recorded as synced on both sides. */
  private async sendDirectory(op: SyncOp): Promise<void> {
    const { personId, add, remove, names } = op.payload as { personId: string; add: string[]; remove: string[]; names: Record<string, string> }
    this.options.journal.markSent([op])
    if (!this.options.directory) throw new StudioError('REMOTE_ERROR', 'Licences cannot be assigned in the directory from here: this connection has no directory writer.')
    try {
      await this.options.directory.assign(personId, add, remove, names)
    } catch (error) {
      // The directory refused this user (no usage location, no seats left): the others go on.
      if (error instanceof StudioError && refused(error)) {
        this.options.journal.settle([{ op, state: 'failed', error: error.message }])
        this.settled += 1
        return
      }
      throw error
    }
    this.done('directory', [{ op, haloId: this.haloIdOf(op) }])
  }

  /** The Halo user a directory operation is for: planned, or created by this run. */
  private haloIdOf(op: SyncOp): string {
    const planned = op.payload.haloId
    return typeof planned === 'number' || typeof planned === 'string' ? String(planned) : (this.ids.get(op.ref) ?? '')
  }

  /** Whether an operation whose answer was lost is done: a create is looked for in Halo; anything else is sent again. */
  private async reconcile(phase: SyncPhase, op: SyncOp): Promise<boolean> {
    if (op.action !== 'create' || phase === 'cabs' || phase === 'directory') return false
    const found = await findCreated(this.options.client, phase, op, this.options.source)
    if (found === null) return false
    this.done(phase, [{ op, haloId: found }])
    return true
  }

  private done(phase: SyncPhase, results: Array<{ op: SyncOp; haloId: string }>): void {
    const at = this.now().toISOString()
    const { journal, links, connectionId } = this.options
    journal.settle(
      results.map(({ op, haloId }) => ({ op, state: 'done' as const, haloId })),
      () => {
        for (const { op, haloId } of results) {
          if (phase === 'licences' || phase === 'sites' || phase === 'users' || phase === 'agents') this.ids.set(op.ref, haloId)
          const personId = typeof op.payload.personId === 'string' ? op.payload.personId : null
          if (personId === null) continue
          if (phase === 'directory') links.recordLicences(connectionId, personId, haloId, op.payload.target as string[], at)
          if (phase === 'users' || phase === 'agents') links.link(connectionId, phase === 'users' ? 'user' : 'agent', personId, haloId, at)
          if (phase === 'tickets') links.recordTicket(connectionId, personId, haloId, op.runId, at)
        }
      }
    )
    this.settled += results.length
  }
}

function recordOf(phase: SyncPhase, op: SyncOp): Record<string, unknown> {
  if (phase === 'sites' || phase === 'licences') return op.payload
  if (phase === 'tickets') return op.payload.ticket as Record<string, unknown>
  return op.payload.record as Record<string, unknown>
}

function idOf(row: unknown): string {
  const id = (row as { id?: unknown } | null)?.id
  if (typeof id !== 'number' && typeof id !== 'string') throw new StudioError('REMOTE_ERROR', 'Halo answered a saved record without its id.', { status: 500 })
  return String(id)
}

/** Halo refused the records themselves (400): sending them again would fail the same way. */
function refused(error: StudioError): boolean {
  return error.code === 'REMOTE_ERROR' && (error.details as { status?: number } | undefined)?.status === 400
}

/** The answer was lost or Halo failed on its side: what it did is unknown. */
function uncertain(error: StudioError): boolean {
  const details = error.details as { status?: number; reason?: string } | undefined
  if (error.code === 'UNREACHABLE') return details?.reason === 'reset' || details?.reason === 'timeout' || details?.reason === 'network'
  return error.code === 'REMOTE_ERROR' && (details?.status ?? 0) >= 500
}
