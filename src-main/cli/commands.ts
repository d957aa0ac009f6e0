/**
 * The command line's commands, over the same services as the app: `preview` (fetch the directory
 * and read Halo, or --offline from the snapshot and the cache, then plan and say what a sync would
 * do), `sync` (resume an unfinished run of the connection, or preview afresh — or take a preview
 * exported with --plan — and apply it, past a blocked guardrail only with --allow-deactivations N),
 * `export-config`, `export-snapshot`, `export-halo-state`, and `plan` (from those files alone, with
 * no workspace and no network). Each answers an exit code (0 done, 2 blocked by the guardrail, 3
 * finished with failed records) and what to print, in words and as JSON.
 */
import { readFileSync } from 'node:fs'
import { StudioError, type SnapshotSummary } from '../../src-shared/contract'
import { readConfigText } from '../../src-shared/mapping/config-read'
import type { Plan, PlanScope } from '../../src-shared/plan/plan-schema'
import { buildPlan } from '../core/planner'
import { haloLookupsOf } from '../mapping/mapping-inputs'
import type { StoredPlan } from '../plans/plan-store'
import type { Services } from '../runtime/services'
import { directoryOf, haloStateFile, haloStateFileSchema, readStateFile, snapshotFile, snapshotFileSchema } from './state-files'

export interface CommandResult {
  exitCode: 0 | 1 | 2 | 3
  lines: string[]
  json: Record<string, unknown>
}

export interface CommandOptions {
  connection: string
  offline: boolean
  plan: string | null
  allowDeactivations: number | null
  scope: PlanScope | null
}

export async function findConnection(services: Services, nameOrId: string): Promise<{ id: string; name: string }> {
  const all = await services.connections.list()
  const found = all.find((connection) => connection.id === nameOrId) ?? all.filter((connection) => connection.name.toLowerCase() === nameOrId.trim().toLowerCase())
  if (!Array.isArray(found)) return found
  if (found.length === 1) return found[0] as { id: string; name: string }
  const names = all.map((connection) => `"${connection.name}"`).join(', ') || 'none yet'
  throw new StudioError('NOT_FOUND', found.length > 1 ? `Several connections are called "${nameOrId}": use the connection's id instead.` : `There is no connection called "${nameOrId}". Connections: ${names}.`, { connection: nameOrId })
}

export async function preview(services: Services, options: CommandOptions): Promise<CommandResult> {
  const connection = await findConnection(services, options.connection)
  const { stored, read } = await freshPlan(services, connection.id, options)
  const described = describeStored(stored, connection.name)
  return { ...described, lines: [...read, ...described.lines] }
}

export async function sync(services: Services, options: CommandOptions): Promise<CommandResult> {
  const connection = await findConnection(services, options.connection)
  const lines: string[] = []
  let runId: string
  const unfinished = services.sync.unfinishedRun(connection.id)
  if (unfinished) {
    lines.push(`Resuming the sync of ${connection.name} started ${unfinished.startedAt} (${unfinished.state}).`)
    services.sync.resume(unfinished.id)
    runId = unfinished.id
  } else {
    const fresh = options.plan ? { stored: exportedPlan(services, options.plan), read: [] } : await freshPlan(services, connection.id, options)
    const stored = fresh.stored
    lines.push(...fresh.read)
    const described = describeStored(stored, connection.name)
    lines.push(...described.lines)
    const { guardrail } = stored.plan
    if (guardrail.blocked && options.allowDeactivations !== guardrail.deactivations) {
      return {
        exitCode: 2,
        lines: [...lines, `Not synced: ${guardrail.message ?? 'the guardrail blocks this plan.'} Run again with --allow-deactivations ${guardrail.deactivations} to go ahead.`],
        json: { ...described.json, synced: false, blockedBy: 'guardrail' }
      }
    }
    runId = services.sync.start(stored.id, { allowDeactivations: options.allowDeactivations, trigger: 'command-line' })
  }
  const result = await services.sync.finished(runId)
  const totals = services.sync.totals(runId)
  const json = { runId, state: result.state, ...totals }
  if (result.state !== 'completed') {
    return { exitCode: 1, lines: [...lines, `The sync stopped: ${result.state === 'interrupted' ? result.error : 'cancelled'} Run the same command again to resume it.`], json }
  }
  lines.push(`Synced: ${totals.done} done, ${totals.failed} failed, ${totals.skipped} skipped.`)
  for (const failure of services.sync.failures(runId, 20)) lines.push(`  failed: ${failure.ref} — ${failure.error ?? 'no reason given'}`)
  return { exitCode: totals.failed > 0 ? 3 : 0, lines, json }
}

export async function exportConfig(services: Services, options: Pick<CommandOptions, 'connection'>): Promise<{ fileName: string; text: string }> {
  const connection = await findConnection(services, options.connection)
  return services.mapping.export(connection.id)
}

/** Fetches the directory and reads Halo (unless offline), then builds the preview; `read` says what the fetch read. */
async function freshPlan(services: Services, connectionId: string, options: CommandOptions): Promise<{ stored: StoredPlan; read: string[] }> {
  const read = options.offline ? [] : fetchedLines(await services.connections.fetch(connectionId))
  const scope = options.scope ?? services.mapping.get(connectionId).config.imports.importType
  return { stored: await services.plans.build(connectionId, scope, { readHalo: !options.offline }), read }
}

/** "Directory read: only the changes since the last fetch (2 requests); 341 people, 16 groups." and the read's note. */
function fetchedLines(summary: SnapshotSummary): string[] {
  const what = summary.mode === 'delta' ? 'only the changes since the last fetch' : 'everything'
  const plural = (count: number, one: string, many: string): string => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
  return [`Directory read: ${what} (${plural(summary.requests, 'request', 'requests')}); ${plural(summary.people, 'person', 'people')}, ${plural(summary.groups, 'group', 'groups')}.`, ...(summary.note ? [`  ${summary.note}`] : [])]
}

/** A preview exported from this workspace (plan:export, JSON), still as it was built. */
function exportedPlan(services: Services, file: string): StoredPlan {
  let planId: unknown
  try {
    planId = (JSON.parse(readFileSync(file, 'utf8')) as { planId?: unknown }).planId
  } catch (error) {
    throw new StudioError('VALIDATION_FAILED', `${file} is not a preview exported from Identity Studio (${error instanceof Error ? error.message : String(error)}).`, { issues: [] })
  }
  if (typeof planId !== 'string') throw new StudioError('VALIDATION_FAILED', `${file} is not a preview exported from Identity Studio: it names no plan.`, { issues: [] })
  return services.plans.get(planId)
}

function describeStored(stored: StoredPlan, connectionName: string): CommandResult {
  const source = stored.inputs.haloLive ? '' : `, from Halo's cached state${stored.inputs.haloReadAt ? ` read ${stored.inputs.haloReadAt}` : ''}${stored.inputs.haloOffline ? ` (${stored.inputs.haloOffline})` : ''}`
  return describePlan(stored.plan, `Preview of ${connectionName} (${stored.plan.scope}), built ${stored.builtAt}${source}:`, { planId: stored.id, builtAt: stored.builtAt, inputs: stored.inputs })
}

/** A plan's counts in words, and as JSON; exit code 2 when its guardrail blocks it. */
function describePlan(plan: Omit<Plan, 'rows'>, heading: string, json: Record<string, unknown>): CommandResult {
  const { summary, guardrail } = plan
  const counts = (kind: 'users' | 'agents'): string => {
    const parts = Object.entries(summary[kind]).filter(([, count]) => count > 0)
    return parts.length === 0 ? 'nothing' : parts.map(([action, count]) => `${count} ${action}`).join(', ')
  }
  const lines = [
    heading,
    `  users:  ${counts('users')}`,
    ...(plan.scope === 'users' ? [] : [`  agents: ${counts('agents')}`]),
    ...(plan.sites.length > 0 ? [`  sites to create: ${plan.sites.map((site) => site.name).join(', ')}`] : []),
    ...(plan.licences.length > 0 ? [`  software licences: ${plan.licences.map((licence) => `${licence.name} (${licence.action === 'create' ? 'new' : `${licence.from ?? '?'} → ${licence.count} seats`})`).join(', ')}`] : []),
    ...(licenceLine(summary.licences) ?? []),
    ...(summary.tickets > 0 ? [`  onboarding tickets: ${summary.tickets}`] : []),
    `  guardrail: ${guardrail.message ?? `${guardrail.deactivations} deactivation${guardrail.deactivations === 1 ? '' : 's'}, within the limits`}`
  ]
  return { exitCode: guardrail.blocked ? 2 : 0, lines, json: { ...json, summary, guardrail, sites: plan.sites, licences: plan.licences, tickets: summary.tickets } }
}

/** Licence links and Entra assignments that change, or null when none do. */
function licenceLine(counts: Plan['summary']['licences']): string[] | null {
  const parts = [
    counts.linked > 0 ? `${counts.linked} linked` : '',
    counts.unlinked > 0 ? `${counts.unlinked} unlinked` : '',
    counts.assigned > 0 ? `${counts.assigned} assigned in Entra` : '',
    counts.unassigned > 0 ? `${counts.unassigned} removed in Entra` : ''
  ].filter(Boolean)
  return parts.length === 0 ? null : [`  licences: ${parts.join(', ')}`]
}

/** The connection's last snapshot as a file (docs/file-formats.md). */
export async function exportSnapshot(services: Services, options: Pick<CommandOptions, 'connection'>): Promise<{ fileName: string; text: string }> {
  const connection = await findConnection(services, options.connection)
  const loaded = services.connections.snapshotData(connection.id)
  if (!loaded) throw new StudioError('NOT_FOUND', `${connection.name} has no directory snapshot yet: fetch the directory in the app, or run halo-identity preview.`, { connection: connection.name })
  const kind = (await services.connections.list()).find((candidate) => candidate.id === connection.id)?.kind ?? 'okta'
  return { fileName: `${slug(connection.name)}.snapshot.json`, text: `${JSON.stringify(snapshotFile(kind, connection.name, loaded.summary.fetchedAt, loaded.data))}\n` }
}

/** A Halo instance's cached look-ups, users and agents as a file (docs/file-formats.md). */
export async function exportHaloState(services: Services, instanceNameOrId: string): Promise<{ fileName: string; text: string }> {
  const all = await services.halo.list()
  const matches = all.filter((instance) => instance.id === instanceNameOrId || instance.name.toLowerCase() === instanceNameOrId.trim().toLowerCase())
  if (matches.length !== 1) {
    throw new StudioError('NOT_FOUND', matches.length > 1 ? `Several Halo instances are called "${instanceNameOrId}": use the instance's id instead.` : `There is no Halo instance called "${instanceNameOrId}". Instances: ${all.map((instance) => `"${instance.name}"`).join(', ') || 'none yet'}.`, { instance: instanceNameOrId })
  }
  const state = services.halo.cachedState((matches[0] as { id: string }).id)
  return { fileName: `${slug(state.name)}.halo-state.json`, text: `${JSON.stringify(haloStateFile(state.name, state.fetchedAt, state.lookups, state.halo))}\n` }
}

/** A plan from files alone (no workspace, no network): a configuration export, a snapshot file and a Halo state file. */
export function planFromFiles(files: { config: string; snapshot: string; halo: string }, scope: PlanScope | null): CommandResult & { text: string } {
  const read = readConfigText(readText(files.config, 'a configuration'))
  if (!read.ok) throw new StudioError('VALIDATION_FAILED', `${files.config} is not a configuration: ${read.problems.join(' ')}`, { issues: [] })
  const snapshot = readStateFile(files.snapshot, snapshotFileSchema, 'a directory snapshot')
  const halo = readStateFile(files.halo, haloStateFileSchema, 'a Halo state')
  if (snapshot.source !== read.config.source) throw new StudioError('VALIDATION_FAILED', `The configuration is for ${read.config.source} and the snapshot comes from ${snapshot.source}.`, { issues: [] })
  const plan = buildPlan({
    config: read.config,
    lookups: haloLookupsOf((kind) => halo.lookups[kind] ?? null),
    directory: directoryOf(snapshot),
    halo: { users: halo.users, agents: halo.agents },
    scope: scope ?? read.config.imports.importType
  })
  const text = `${JSON.stringify({ format: 'identity-studio/plan', connection: snapshot.connection, snapshotFetchedAt: snapshot.fetchedAt, haloReadAt: halo.fetchedAt, ...plan }, null, 2)}\n`
  return { ...describePlan(plan, `Plan of ${snapshot.connection} (${plan.scope}) from ${files.snapshot} and ${files.halo}:`, { connection: snapshot.connection }), text }
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new StudioError('VALIDATION_FAILED', `${file} could not be read as ${what}: ${error instanceof Error ? error.message : String(error)}`, { issues: [] })
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export'
}
