/**
 * Previews (the service behind `plan:*` and `halo-identity plan/preview`): builds a connection's plan
 * from its snapshot, saved configuration and Halo's state — read live when asked and reachable,
 * else the cache, said so — with what earlier syncs linked, who had a ticket, and the admin's
 * conflict choices; saves it with its inputs' fingerprints; says when a plan no longer describes
 * its inputs (it must be rebuilt before a sync); pages and exports its rows; records choices and
 * rebuilds from the same inputs.
 */
import { createHash } from 'node:crypto'
import { stringify } from 'csv-stringify/sync'
import { StudioError, type PlanView } from '../../src-shared/contract'
import type { PlanRow, PlanScope } from '../../src-shared/plan/plan-schema'
import type { ConnectionRepo } from '../connections/connection-repo'
import { buildPlan, type Resolution } from '../core/planner'
import type { SnapshotStore } from '../directory/snapshot-store'
import type { HaloInstances } from '../halo/halo-instances'
import type { LookupCache } from '../halo/lookup-cache'
import type { MappingService } from '../mapping/mapping-service'
import type { SyncLinks } from '../sync/sync-links'
import type { PlanInputsFingerprint, PlanStore, RowQuery, StoredPlan } from './plan-store'

export interface PlanServiceDeps {
  connections: ConnectionRepo
  mapping: MappingService
  snapshots: SnapshotStore
  lookups: LookupCache
  halo: HaloInstances
  plans: PlanStore
  links: SyncLinks
  now?: () => Date
}

export class PlanService {
  private readonly now: () => Date

  constructor(private readonly deps: PlanServiceDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  /** Builds and saves a plan; `readHalo` reads Halo's state first (the cache is used when Halo cannot be reached). */
  async build(connectionId: string, scope: PlanScope, options: { readHalo: boolean }): Promise<StoredPlan> {
    const connection = this.deps.connections.get(connectionId)
    let offline: string | null = null
    if (options.readHalo) {
      const read = await this.deps.halo.refreshLookups(connection.haloInstanceId)
      if (read.offline) offline = read.reason
    }
    return this.buildFromInputs(connectionId, scope, { live: options.readHalo && offline === null, offline })
  }

  get(planId: string): StoredPlan {
    const stored = this.deps.plans.get(planId)
    if (!stored) throw new StudioError('NOT_FOUND', 'That preview is gone (a newer one replaced it, or the connection was deleted). Build the preview again.', { planId })
    return stored
  }

  latest(connectionId: string): StoredPlan | null {
    this.deps.connections.get(connectionId)
    return this.deps.plans.latest(connectionId)
  }

  /** What the preview shows of a plan besides its rows. */
  view(stored: StoredPlan): PlanView {
    const { inputs, plan } = stored
    return {
      id: stored.id,
      connectionId: stored.connectionId,
      scope: plan.scope,
      builtAt: stored.builtAt,
      state: stored.state,
      inputs: { snapshotFetchedAt: inputs.snapshotFetchedAt, haloReadAt: inputs.haloReadAt, haloLive: inputs.haloLive, haloOffline: inputs.haloOffline },
      summary: plan.summary,
      guardrail: plan.guardrail,
      sites: plan.sites,
      licences: plan.licences,
      cabChanges: plan.cabs.length,
      stale: this.staleness(stored),
      siteNames: stored.siteNames,
      rehearsal: stored.rehearsal
    }
  }

  /** Why a plan no longer describes its inputs (empty when it still does). */
  staleness(stored: StoredPlan): string[] {
    const reasons: string[] = []
    if (stored.state === 'synced') reasons.push('This preview has been synced already.')
    if (stored.state === 'superseded') reasons.push('A newer preview was built since.')
    if (!stored.inputs.haloLive) reasons.push('It was built from Halo’s cached state: a sync needs a preview of Halo as it is now.')
    const snapshot = this.deps.snapshots.current(stored.connectionId)
    if (snapshot?.id !== stored.inputs.snapshotId) reasons.push('The directory was fetched again since this preview was built.')
    const { config } = this.deps.mapping.get(stored.connectionId)
    if (hashOf(config) !== stored.inputs.configHash) reasons.push('The mappings were changed since this preview was built.')
    const connection = this.deps.connections.get(stored.connectionId)
    if ((this.deps.lookups.people(connection.haloInstanceId, 'users')?.fetchedAt ?? null) !== stored.inputs.haloReadAt) reasons.push('Halo’s users were read again since this preview was built.')
    return reasons
  }

  rows(planId: string, query: RowQuery): { total: number; rows: PlanRow[] } {
    this.get(planId)
    return this.deps.plans.rows(planId, query)
  }

  row(planId: string, key: string): PlanRow {
    const row = this.deps.plans.row(this.get(planId).id, key)
    if (!row) throw new StudioError('NOT_FOUND', 'That row is not in this preview.', { planId, key })
    return row
  }

  /** Records the admin's choice for a conflict (null takes it back) and rebuilds from the same inputs. */
  resolve(planId: string, key: string, choice: Resolution | null): StoredPlan {
    const stored = this.get(planId)
    const row = this.row(planId, key)
    if (choice && 'pick' in choice && row.conflict && row.conflict.candidates.length > 0 && !row.conflict.candidates.some((candidate) => String(candidate.id) === String(choice.pick))) {
      throw new StudioError('VALIDATION_FAILED', `Halo record ${choice.pick} is not one of those that match ${row.name}. Pick one of the listed records, or skip.`, { issues: [] })
    }
    this.deps.plans.resolve(stored.connectionId, key, choice, this.now().toISOString())
    return this.buildFromInputs(stored.connectionId, stored.plan.scope, { live: stored.inputs.haloLive, offline: stored.inputs.haloOffline })
  }

  /** The plan as a file: JSON (what `halo-identity sync --plan` reads) or CSV (a row per record). */
  export(planId: string, format: 'json' | 'csv'): { fileName: string; text: string } {
    const stored = this.get(planId)
    const connection = this.deps.connections.get(stored.connectionId)
    const stamp = stored.builtAt.replace(/[:.]/g, '-').slice(0, 19)
    const base = `${slug(connection.name)}-preview-${stamp}`
    if (format === 'json') {
      const rows = [...this.deps.plans.allRows(planId)]
      return { fileName: `${base}.json`, text: `${JSON.stringify({ planId: stored.id, connection: connection.name, builtAt: stored.builtAt, inputs: stored.inputs, ...stored.plan, rows }, null, 2)}\n` }
    }
    const lines = [['Kind', 'Name', 'Email', 'Action', 'Why', 'Halo id', 'Site', 'Changes', 'Warnings']]
    for (const row of this.deps.plans.allRows(planId)) {
      lines.push([row.kind, row.name, row.email ?? '', row.action, row.reason ?? '', row.haloId === null ? '' : String(row.haloId), row.site?.name ?? '', row.changes.map((change) => `${change.label}: ${change.from ?? '(empty)'} → ${change.to ?? '(empty)'}`).join('; '), row.warnings.join('; ')])
    }
    return { fileName: `${base}.csv`, text: stringify(lines) }
  }

  private buildFromInputs(connectionId: string, scope: PlanScope, halo: { live: boolean; offline: string | null }): StoredPlan {
    const inputs = this.deps.mapping.planInputs(connectionId)
    const plan = buildPlan({
      config: inputs.config,
      lookups: inputs.lookups,
      directory: inputs.snapshot.index,
      halo: inputs.halo,
      scope,
      links: this.deps.links.links(connectionId),
      onboarded: this.deps.links.onboarded(connectionId),
      resolutions: this.deps.plans.resolutions(connectionId),
      licenceBases: this.deps.links.licenceBases(connectionId)
    })
    const fingerprint: PlanInputsFingerprint = {
      snapshotId: inputs.snapshot.snapshotId,
      snapshotFetchedAt: inputs.snapshot.fetchedAt,
      configHash: hashOf(inputs.config),
      haloReadAt: inputs.haloReadAt,
      haloLive: halo.live,
      haloOffline: halo.offline
    }
    return this.deps.plans.save(connectionId, plan, fingerprint, this.now().toISOString())
  }
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex')
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection'
}
