/**
 * Sync rehearsals (the service behind `sync:rehearse`): a preview synced for real, but to a throwaway
 * Halo sandbox that starts as a copy of the Halo the preview was built against (rehearsal-records.ts),
 * by the same executor a sync uses, over HTTP, with Halo's checks — so the admin sees which records
 * Halo would refuse, and why, before anything is written to their Halo. Nothing of the workspace
 * changes but the preview's rehearsal result: the run's journal and links live in a scratch database,
 * the directory is never written (licence changes are only counted), and both go when it ends.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { StudioError, type Rehearsal } from '../../src-shared/contract'
import type { ConnectionRepo } from '../connections/connection-repo'
import { HaloAuth } from '../halo/halo-auth'
import { HaloClient } from '../halo/halo-client'
import type { HaloInstances } from '../halo/halo-instances'
import { memoryTokenCache } from '../halo/token-cache'
import type { PlanService } from '../plans/plan-service'
import type { PlanStore } from '../plans/plan-store'
import type { EventBus } from '../runtime/event-bus'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { openDatabase, type OpenedDatabase } from '../store/database'
import { planOps } from './plan-ops'
import { rehearsalRecords } from './rehearsal-records'
import { SyncExecutor, type DirectoryLicenceWriter } from './sync-executor'
import { SyncJournal } from './sync-journal'
import { SyncLinks } from './sync-links'
import { assertSyncable } from './sync-service'

export interface SyncRehearsalDeps {
  connections: ConnectionRepo
  halo: HaloInstances
  plans: PlanService
  planStore: PlanStore
  links: SyncLinks
  events: EventBus
  migrationsFolder: string
  nativeBinding?: string | undefined
  now?: () => Date
}

/** Failures kept with the result (the first ones, in sync order). */
const keptFailures = 50
/** The sandbox is local: no rate limit worth pacing for. */
const localRate = { requests: 1_000_000, windowMs: 1000 }

export class SyncRehearsal {
  private readonly running = new Set<string>()
  private readonly now: () => Date

  constructor(private readonly deps: SyncRehearsalDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** Rehearses a preview's sync on a sandbox copy of its Halo; the result is kept with the preview. */
  async rehearse(planId: string): Promise<Rehearsal> {
    const stored = this.deps.plans.get(planId)
    const connection = this.deps.connections.get(stored.connectionId)
    assertSyncable(this.deps.plans, stored)
    if (this.running.has(connection.id)) throw new StudioError('BUSY', `A rehearsal of ${connection.name} is running already.`, {})
    this.running.add(connection.id)
    const started = Date.now()
    const folder = mkdtempSync(path.join(tmpdir(), 'studio-rehearsal-'))
    let sandbox: HaloSandbox | null = null
    let scratch: OpenedDatabase | null = null
    try {
      const cached = this.deps.halo.cachedState(connection.haloInstanceId)
      sandbox = await startHaloSandbox({ file: path.join(folder, 'halo.sqlite'), records: rehearsalRecords(cached.lookups, cached.halo), rateLimit: localRate, nativeBinding: this.deps.nativeBinding })
      scratch = openDatabase({ file: path.join(folder, 'journal.sqlite'), migrationsFolder: this.deps.migrationsFolder, nativeBinding: this.deps.nativeBinding })
      // The scratch journal stands alone: the connection and preview it names live in the workspace.
      scratch.sqlite.pragma('foreign_keys = OFF')
      const journal = new SyncJournal(scratch.db, scratch.sqlite)
      const links = new SyncLinks(scratch.db)
      const at = this.now().toISOString()
      // Who had an onboarding ticket is not logged one again, as in a real sync.
      for (const personId of this.deps.links.onboarded(connection.id)) links.recordTicket(connection.id, personId, this.deps.links.ticketOf(connection.id, personId) ?? '0', 'before', at)
      const runId = journal.createRun({ connectionId: connection.id, planId, trigger: 'app', allowDeactivations: null, summary: stored.plan.summary }, planOps(stored.plan, this.deps.planStore.allRows(planId)))
      let directoryChanges = 0
      const directory: DirectoryLicenceWriter = {
        assign: () => {
          directoryChanges += 1
          return Promise.resolve()
        }
      }
      const executor = new SyncExecutor({
        journal,
        links,
        client: sandboxClient(`rehearsal copy of ${cached.name}`, sandbox.baseUrl, sandbox.credentials.clientCredentials),
        connectionId: connection.id,
        source: stored.plan.source,
        directory,
        onProgress: ({ counts, etaMs }) =>
          this.deps.events.emit('task:progress', { taskId: `rehearsal:${connection.id}`, label: 'Rehearsing on a sandbox copy of Halo', done: counts.done + counts.failed + counts.skipped, total: counts.total, etaMs })
      })
      const result = await executor.execute(runId, () => false)
      const counts = journal.counts(runId)
      const rehearsal: Rehearsal = {
        rehearsedAt: at,
        state: result.state === 'completed' ? 'completed' : 'interrupted',
        error: result.state === 'interrupted' ? result.error : null,
        counts: { total: counts.total, done: counts.done, failed: counts.failed, skipped: counts.skipped },
        failures: journal.ops(runId, 0, keptFailures, 'failed').map((op) => ({ phase: op.phase, action: op.action, name: this.nameOf(planId, op), error: op.error ?? 'Halo refused it.' })),
        directoryChanges,
        durationMs: Date.now() - started
      }
      this.deps.planStore.saveRehearsal(planId, rehearsal)
      return rehearsal
    } finally {
      scratch?.close()
      await sandbox?.close()
      rmSync(folder, { recursive: true, force: true })
      this.running.delete(connection.id)
    }
  }

  private nameOf(planId: string, op: { phase: string; ref: string; payload: Record<string, unknown> }): string | null {
    if (op.phase === 'sites' || op.phase === 'licences') return typeof op.payload.name === 'string' ? op.payload.name : null
    return this.deps.planStore.row(planId, op.ref)?.name ?? null
  }
}

/** A Halo client for the sandbox: its own application, tokens kept in memory only. */
function sandboxClient(name: string, baseUrl: string, credentials: { clientId: string; clientSecret: string }): HaloClient {
  const settings = { id: 'rehearsal', name, baseUrl, tenant: null, authServerUrl: null, authMode: 'client_credentials' as const, clientId: credentials.clientId, scope: 'all', rateLimit: localRate }
  const auth = new HaloAuth({ settings, cache: memoryTokenCache(), clientSecret: () => Promise.resolve(credentials.clientSecret), timeoutMs: 30_000 })
  return new HaloClient({ settings, auth, timeoutMs: 30_000 })
}
