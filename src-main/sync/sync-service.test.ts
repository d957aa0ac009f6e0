/**
 * Preview and sync in main against the sandboxes (real sockets, real SQLite, real keychain): the demo
 * Okta org is planned against the demo Halo and synced — sites created, users and agents created and
 * updated, a CAB's members, onboarding tickets — and a second preview is all unchanged. The same
 * through 500s, dropped connections, answers lost after Halo saved the records, a tight rate limit
 * and tokens expiring mid-run gives the same Halo; cancel then resume finishes without duplicates; a stale plan, a blocked guardrail and a
 * second run are refused with the reason. A rehearsal on a sandbox copy of Halo goes through as the
 * sync then does, shows what Halo would refuse in Halo's words, and sends nothing to the real Halo.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { StudioError, type Rehearsal } from '../../src-shared/contract'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import { addSandboxHaloInstance, addSandboxOktaConnection, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startHaloSandbox, type HaloSandbox, type HaloSandboxOptions } from '../sandbox/halo'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Setup {
  workspace: TempWorkspace
  halo: HaloSandbox
  okta: OktaSandbox
  connectionId: string
}

async function setUp(haloOptions: HaloSandboxOptions = {}, clientLimit = { requests: 300, windowSeconds: 300 }): Promise<Setup> {
  const halo = await startHaloSandbox(haloOptions)
  const okta = await startOktaSandbox({})
  const workspace = openTempWorkspace()
  cleanups.push(() => workspace.dispose(), () => okta.close(), () => halo.close())
  // A client allowed more than the sandbox takes gets 429s, and waits them out.
  const instanceId = await addSandboxHaloInstance(workspace, halo, clientLimit)
  const connectionId = await addSandboxOktaConnection(workspace, okta, instanceId)
  await workspace.services.connections.fetch(connectionId)
  await workspace.services.halo.refreshLookups(instanceId)
  workspace.services.mapping.save(connectionId, design(workspace.services.mapping.get(connectionId).config, halo))
  return { workspace, halo, okta, connectionId }
}

/** IT are agents (and on the Infrastructure CAB); Londoners go to London; everyone else to a site named by their city under the first client. */
function design(config: ConnectionConfig, halo: HaloSandbox): ConnectionConfig {
  const idOf = (kind: string, name: string): number => Number(halo.store.all(kind).find((record) => record.name === name)?.id)
  const client = halo.store.all('clients')[0]
  return {
    ...structuredClone(config),
    siteMappings: [
      { kind: 'existing-site', id: 'it', sequence: 1, siteId: 'agent', agentRoleId: null, groupName: 'Department - IT', criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null },
      { kind: 'existing-site', id: 'london', sequence: 2, siteId: idOf('sites', 'London – Head Office'), agentRoleId: null, groupName: null, criteria: [{ field: 'city', operator: 'equals', value: 'London' }], includeExternal: false, appId: null, statuses: [], userRoleId: null },
      { kind: 'organisation-by-field', id: 'by-city', sequence: 3, clientId: Number(client?.id), field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
    ],
    advanced: { ...config.advanced, cabs: [{ id: 'cab', groupName: 'Department - IT', cabId: idOf('cabs', 'Infrastructure CAB'), onLeave: 'keep' }] },
    onboarding: { enabled: true, ticketTypeId: idOf('ticketTypes', 'New Starter'), templateId: null, fields: config.onboarding.fields },
    imports: { ...config.imports, importType: 'both' }
  }
}

function duplicates(values: ReadonlyArray<unknown>): unknown[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    if (value === null || value === undefined || value === '') return false
    const key = JSON.stringify(value).toLowerCase()
    if (seen.has(key)) return true
    seen.add(key)
    return false
  })
}

/** Halo as a sync leaves it: who carries which Okta id, and the onboarding tickets. */
function haloState(halo: HaloSandbox): { users: string[]; agents: string[]; tickets: number; sites: string[] } {
  return {
    users: halo.store.all('users').flatMap((user) => (typeof user.okta_id === 'string' ? [`${user.okta_id}:${String(user.inactive)}:${String(user.site_id)}`] : [])).sort(),
    agents: halo.store.all('agents').flatMap((agent) => (typeof agent.okta_id === 'string' ? [`${agent.okta_id}:${String(agent.isdisabled)}`] : [])).sort(),
    tickets: halo.store.all('tickets').filter((ticket) => typeof ticket.summary === 'string' && ticket.summary.startsWith('New starter')).length,
    sites: halo.store.all('sites').map((site) => String(site.name)).sort()
  }
}

async function syncAll(setup: Setup): Promise<{ planId: string; created: number; tickets: number }> {
  const { plans, sync } = setup.workspace.services
  const plan = await plans.build(setup.connectionId, 'both', { readHalo: true })
  const runId = sync.start(plan.id, { allowDeactivations: plan.plan.guardrail.blocked ? plan.plan.guardrail.deactivations : null, trigger: 'app' })
  for (let tries = 0; ; tries += 1) {
    const result = await sync.finished(runId)
    if (result.state === 'completed') break
    if (tries > 5) throw new Error(`the sync kept stopping: ${JSON.stringify(result)}`)
    sync.resume(runId)
  }
  return { planId: plan.id, created: plan.plan.summary.users.create + plan.plan.summary.agents.create, tickets: plan.plan.tickets.length }
}

describe('preview and sync', () => {
  it('syncs the demo org into the demo Halo, and a second preview is all unchanged', async () => {
    const setup = await setUp()
    const { plans, sync } = setup.workspace.services
    const first = await plans.build(setup.connectionId, 'both', { readHalo: true })
    expect(first.inputs).toMatchObject({ haloLive: true, haloOffline: null })
    const { summary } = first.plan
    expect(summary.users.create).toBeGreaterThan(0)
    expect(summary.users.update).toBeGreaterThan(0)
    expect(summary.agents.create + summary.agents.update).toBeGreaterThan(0)
    expect(first.plan.sites.length).toBeGreaterThan(0)
    expect(first.plan.tickets.length).toBe(summary.users.create)

    const runId = sync.start(first.id, { allowDeactivations: first.plan.guardrail.blocked ? first.plan.guardrail.deactivations : null, trigger: 'app' })
    expect(await sync.finished(runId)).toEqual({ state: 'completed' })
    const counts = setup.workspace.services.sync.run(runId)
    expect(counts.state).toBe('completed')

    const state = haloState(setup.halo)
    expect(duplicates(setup.halo.store.all('users').map((user) => user.okta_id))).toEqual([])
    expect(duplicates(setup.halo.store.all('agents').map((agent) => agent.okta_id))).toEqual([])
    expect(state.tickets).toBe(first.plan.tickets.length)
    for (const site of first.plan.sites) expect(state.sites).toContain(site.name)
    const cab = setup.halo.store.all('cabs').find((board) => board.name === 'Infrastructure CAB') as unknown as { members: Array<{ agent_id: number }> }
    expect(cab.members.length).toBeGreaterThanOrEqual(first.plan.cabs[0]?.add.length ?? 1)

    const second = await plans.build(setup.connectionId, 'both', { readHalo: true })
    const acted = (await Promise.resolve(plans.rows(second.id, { offset: 0, limit: 500, actions: ['create', 'update', 'deactivate', 'reactivate'] }))).rows
    expect(acted.map((row) => [row.key, row.action, row.changes])).toEqual([])
    expect(second.plan.tickets).toEqual([])
    expect(second.plan.sites).toEqual([])
    // The first plan was synced: it cannot be synced again.
    expect(() => sync.start(first.id, { allowDeactivations: null, trigger: 'app' })).toThrow(/synced already/)
  }, 120_000)

  it('answers the plan and sync procedures through the dispatcher, as the preview and run screens call them', async () => {
    const setup = await setUp()
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await setup.workspace.dispatch(name, input)
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
      return result.value as T
    }
    const view = await call<{ id: string; stale: string[]; summary: { users: Record<string, number> }; siteNames: string[]; inputs: { haloLive: boolean } }>('plan:build', { connectionId: setup.connectionId, scope: 'users', readHalo: true })
    expect(view).toMatchObject({ stale: [], inputs: { haloLive: true } })
    expect(view.siteNames.length).toBeGreaterThan(0)
    expect(await call('plan:latest', { connectionId: setup.connectionId })).toMatchObject({ id: view.id })
    const creates = await call<{ total: number; rows: Array<{ key: string; action: string }> }>('plan:rows', { planId: view.id, offset: 0, limit: 5, actions: ['create'] })
    expect(creates.total).toBe(view.summary.users.create)
    expect(creates.rows.every((row) => row.action === 'create')).toBe(true)
    const first = creates.rows[0]
    expect(await call('plan:row', { planId: view.id, key: first?.key })).toMatchObject({ key: first?.key, action: 'create' })
    const csv = await call<{ fileName: string; text: string }>('plan:export', { planId: view.id, format: 'csv' })
    expect(csv.fileName).toMatch(/^northwind-okta-preview-.*\.csv$/)
    expect(csv.text.split('\n')[0]).toBe('Kind,Name,Email,Action,Why,Halo id,Site,Changes,Warnings')
    const refused = await setup.workspace.dispatch('plan:rows', { planId: view.id, offset: 0, limit: 5, actions: ['explode'] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })

    const { runId } = await call<{ runId: string }>('sync:start', { planId: view.id, allowDeactivations: null })
    await setup.workspace.services.sync.finished(runId)
    const run = await call<{ state: string; counts: { total: number; done: number; failed: number } }>('sync:run', { runId })
    expect(run).toMatchObject({ state: 'completed', counts: { failed: 0 } })
    expect(await call('sync:runs', { connectionId: setup.connectionId })).toMatchObject([{ id: runId, state: 'completed', trigger: 'app' }])
    const report = await call<{ total: number; rows: Array<{ state: string; haloId: string | null }> }>('sync:report', { runId, offset: 0, limit: 10 })
    expect(report.total).toBe(run.counts.total)
    expect(report.rows.every((row) => row.state === 'done' && row.haloId !== null)).toBe(true)
    // The inbound log: for each person's record, which site mappings matched and what was written.
    const people = await call<{ rows: Array<{ phase: string; name: string | null; mappings: string[]; changed: string[] }> }>('sync:report', { runId, offset: 0, limit: 500 })
    const user = people.rows.find((row) => row.phase === 'users')
    expect(user?.name).toBeTruthy()
    expect(user?.mappings[0]).toMatch(/^Sequence \d/)
    expect(user?.changed.length).toBeGreaterThan(0)
    const exported = await call<{ text: string }>('sync:exportReport', { runId, format: 'csv' })
    expect(exported.text.split('\n')[0]).toBe('Order,Phase,Record,Name,Action,Result,Halo id,Halo said / why,Attempts,Site mappings matched,Fields written')
    expect(exported.text).not.toContain(setup.okta.credentials.apiToken)
  }, 120_000)

  it('gives the same Halo through 500s, dropped connections, lost answers, a tight rate limit and expiring tokens', async () => {
    const calm = await setUp()
    await syncAll(calm)
    const expected = haloState(calm.halo)

    const stormy = await setUp({ rateLimit: { requests: 3, windowMs: 1_000 }, tokenLifetimeSeconds: 2 }, { requests: 100, windowSeconds: 1 })
    stormy.halo.settings.faults.error500 = 0.05
    stormy.halo.settings.faults.drop = 0.03
    // Writes applied whose answers are lost: the sync must find what it created, not create it again.
    stormy.halo.settings.faults.dropAnswer = 0.1
    const result = await syncAll(stormy)
    Object.assign(stormy.halo.settings.faults, { error500: 0, drop: 0, dropAnswer: 0 })
    expect(haloState(stormy.halo)).toEqual(expected)
    expect(stormy.halo.refusedCount()).toBeGreaterThan(0)
    expect(result.tickets).toBeGreaterThan(0)
  }, 240_000)

  it('cancels between batches and resumes to the same end', async () => {
    const setup = await setUp({ latencyMs: 20 })
    const { plans, sync } = setup.workspace.services
    const plan = await plans.build(setup.connectionId, 'both', { readHalo: true })
    const runId = sync.start(plan.id, { allowDeactivations: plan.plan.guardrail.blocked ? plan.plan.guardrail.deactivations : null, trigger: 'app' })
    await new Promise((resolve) => setTimeout(resolve, 150))
    sync.cancel(runId)
    expect(await sync.finished(runId)).toEqual({ state: 'cancelled' })
    expect(sync.run(runId).state).toBe('cancelled')
    // Another run is refused while this one is unfinished.
    const other = await plans.build(setup.connectionId, 'both', { readHalo: false })
    expect(() => sync.start(other.id, { allowDeactivations: null, trigger: 'app' })).toThrow(StudioError)
    sync.resume(runId)
    expect(await sync.finished(runId)).toEqual({ state: 'completed' })
    expect(duplicates(setup.halo.store.all('users').map((user) => user.okta_id))).toEqual([])
    expect(haloState(setup.halo).tickets).toBe(plan.plan.tickets.length)
  }, 120_000)

  it('refuses a plan whose inputs changed, and a blocked guardrail without the exact number', async () => {
    const setup = await setUp()
    const { plans, sync, mapping } = setup.workspace.services
    const plan = await plans.build(setup.connectionId, 'both', { readHalo: false })
    const changed = structuredClone(mapping.get(setup.connectionId).config)
    changed.imports.guardrails = { maxDeactivations: 0, maxDeactivationPercent: 0 }
    changed.imports.deactivateOutOfScope = true
    changed.siteMappings = changed.siteMappings.filter((candidate) => candidate.id === 'it')
    mapping.save(setup.connectionId, changed)
    expect(plans.staleness(plans.get(plan.id))).toContain('The mappings were changed since this preview was built.')
    expect(() => sync.start(plan.id, { allowDeactivations: null, trigger: 'app' })).toThrow(/Build the preview again/)

    // Halo users carrying Okta ids that no mapping places any more: deactivations past a zero guardrail.
    const first = setup.halo.store.all('users').slice(0, 3)
    const people = setup.workspace.services.connections.snapshotPeople(setup.connectionId, { search: '', offset: 0, limit: 500 }).rows.filter((person) => person.department !== 'IT')
    first.forEach((user, index) => setup.halo.store.put('users', { ...user, okta_id: people[index]?.id, oktaid: people[index]?.id, inactive: false }))
    const blocked = await plans.build(setup.connectionId, 'both', { readHalo: true })
    const { deactivations } = blocked.plan.guardrail
    expect(blocked.plan.guardrail.blocked).toBe(true)
    // Those three, and people whose Okta status is not active found by email.
    expect(deactivations).toBeGreaterThanOrEqual(3)
    expect(() => sync.start(blocked.id, { allowDeactivations: null, trigger: 'app' })).toThrow(`confirm the exact number of deactivations (${deactivations})`)
    expect(() => sync.start(blocked.id, { allowDeactivations: deactivations - 1, trigger: 'app' })).toThrow(StudioError)
    const runId = sync.start(blocked.id, { allowDeactivations: deactivations, trigger: 'app' })
    expect(await sync.finished(runId)).toEqual({ state: 'completed' })
    expect(first.map((user) => setup.halo.store.get('users', Number(user.id))?.inactive)).toEqual([true, true, true])
  }, 120_000)
})

describe('sync rehearsal', () => {
  it('rehearses a preview on a sandbox copy of Halo without touching Halo, and the sync then does what the rehearsal did', async () => {
    const setup = await setUp()
    const { plans, sync, rehearsal } = setup.workspace.services
    const plan = await plans.build(setup.connectionId, 'both', { readHalo: true })
    const before = haloState(setup.halo)
    const requests = setup.halo.requestCount()
    const tokens = setup.halo.tokenRequestCount()

    const result = await rehearsal.rehearse(plan.id)
    expect(result).toMatchObject({ state: 'completed', error: null, failures: [], counts: { failed: 0 } })
    expect(result.counts.total).toBeGreaterThan(plan.plan.summary.users.create)
    expect(result.counts.done + result.counts.skipped).toBe(result.counts.total)
    // Nothing reached the real Halo: not one request, not one sign-in, the same records.
    expect(setup.halo.requestCount()).toBe(requests)
    expect(setup.halo.tokenRequestCount()).toBe(tokens)
    expect(haloState(setup.halo)).toEqual(before)
    // Kept with the preview, and the preview can still be synced (a rehearsal is not a sync).
    expect(plans.view(plans.get(plan.id))).toMatchObject({ state: 'ready', rehearsal: result })
    expect(sync.runs(setup.connectionId)).toEqual([])

    const runId = sync.start(plan.id, { allowDeactivations: plan.plan.guardrail.blocked ? plan.plan.guardrail.deactivations : null, trigger: 'app' })
    expect(await sync.finished(runId)).toEqual({ state: 'completed' })
    const { done, failed, skipped, total } = sync.totals(runId)
    expect({ done, failed, skipped, total }).toEqual(result.counts)
  }, 120_000)

  it("shows what Halo would refuse, with Halo's words, through the dispatcher, and refuses a stale preview", async () => {
    const setup = await setUp()
    const { mapping } = setup.workspace.services
    // The Halo name mapped from an attribute few people have: Halo refuses a new user without a name.
    const config = structuredClone(mapping.get(setup.connectionId).config)
    config.fields.user = config.fields.user.map((field) => (field.target === 'name' ? { ...field, source: 'nickName', transforms: [] } : field))
    mapping.save(setup.connectionId, config)
    const built = await setup.workspace.dispatch('plan:build', { connectionId: setup.connectionId, scope: 'users', readHalo: true })
    if (!built.ok) throw new Error(built.error.message)
    const planId = (built.value as { id: string }).id
    const before = haloState(setup.halo)

    const answered = await setup.workspace.dispatch('sync:rehearse', { planId })
    if (!answered.ok) throw new Error(answered.error.message)
    const result = answered.value as Rehearsal
    expect(result.state).toBe('completed')
    expect(result.counts.failed).toBeGreaterThan(0)
    expect(result.failures.length).toBe(Math.min(result.counts.failed, 50))
    expect(result.failures[0]).toMatchObject({ phase: 'users', action: 'create', error: 'Halo (rehearsal copy of Demo Halo) said: [0].name: Please enter a name' })
    expect(result.failures[0]?.name).toBeTruthy()
    // Their onboarding tickets are not logged without them; the real Halo got none of it.
    expect(result.counts.skipped).toBeGreaterThan(0)
    expect(haloState(setup.halo)).toEqual(before)

    // A stale preview is refused as a sync would refuse it.
    mapping.save(setup.connectionId, { ...config, siteMappings: config.siteMappings.filter((candidate) => candidate.id !== 'london') })
    const stale = await setup.workspace.dispatch('sync:rehearse', { planId })
    expect(stale).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Build the preview again') as unknown } })
  }, 120_000)
})
