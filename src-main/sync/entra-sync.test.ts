/**
 * An Entra ID connection through the whole pipeline, as an Okta one goes: the demo tenant fetched
 * from the Entra sandbox, mapped with Entra's defaults and a site design, previewed and synced into
 * the Halo sandbox (the same company: people matched, new ones created, each record carrying the
 * Azure object id), and after a 1 % change in the tenant an unattended `halo-identity sync` from the
 * command line that reads only the changes (delta) and touches only what changed; then a preview
 * with nothing to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/helpers/run-cli'
import { addSandboxHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'

let halo: HaloSandbox
let entra: EntraSandbox
let workspace: TempWorkspace
let connectionId: string

beforeAll(async () => {
  halo = await startHaloSandbox({ rateLimit: { requests: 100_000, windowMs: 60_000 } })
  entra = await startEntraSandbox({ people: 340 })
  workspace = openTempWorkspace()
  const instanceId = await addSandboxHaloInstance(workspace, halo, { requests: 100_000, windowSeconds: 60 })
  connectionId = (await workspace.services.connections.saveEntra({ name: 'Northwind Entra ID', haloInstanceId: instanceId, tenantType: 'single', signIn: 'application', tenantId: entra.tenantId, clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, secretExpiresOn: null, authorityHost: entra.baseUrl, graphHost: entra.baseUrl, delta: true, devices: false })).id
  await workspace.services.connections.fetch(connectionId)
  await workspace.services.halo.refreshLookups(instanceId)
  const config = structuredClone(workspace.services.mapping.get(connectionId).config)
  const client = Number(halo.store.all('clients')[0]?.id)
  config.siteMappings = [
    { kind: 'existing-site', id: 'it', sequence: 1, siteId: 'agent', agentRoleId: null, groupName: 'IT Support Agents', criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null },
    { kind: 'organisation-by-field', id: 'by-city', sequence: 2, clientId: client, field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
  ]
  config.imports = { ...config.imports, importType: 'both', guardrails: { maxDeactivations: 100_000, maxDeactivationPercent: 100 } }
  workspace.services.mapping.save(connectionId, config)
}, 120_000)

afterAll(async () => {
  await workspace.dispose()
  await entra.close()
  await halo.close()
})

async function syncAll(): Promise<{ create: number; update: number; deactivate: number }> {
  const { plans, sync } = workspace.services
  const plan = await plans.build(connectionId, 'both', { readHalo: true })
  const runId = sync.start(plan.id, { allowDeactivations: plan.plan.guardrail.blocked ? plan.plan.guardrail.deactivations : null, trigger: 'app' })
  const result = await sync.finished(runId)
  expect(result.state).toBe('completed')
  const { users, agents } = plan.plan.summary
  return { create: users.create + agents.create, update: users.update + agents.update, deactivate: users.deactivate + agents.deactivate }
}

describe('an Entra connection synced into Halo', () => {
  it('creates people carrying their Azure object id, then syncs a delta of a 1 % change from the command line, then has nothing left to do', async () => {
    // The sandboxes describe one company: most people are in Halo already (many matched by the object id an earlier Entra sync left), some are new.
    const first = await syncAll()
    expect(first.create).toBeGreaterThan(10)
    expect(first.update).toBeGreaterThan(100)
    const withOid = new Set([...halo.store.all('users'), ...halo.store.all('agents')].flatMap((record) => (typeof record.azureoid === 'string' ? [record.azureoid] : [])))
    expect(withOid.size).toBeGreaterThan(250)
    for (const id of withOid) expect(entra.tenant.users.has(id), id).toBe(true)

    const changed = entra.mutate(0.01)
    const cli = await runCli(workspace.dataDir, ['sync', '--connection', 'Northwind Entra ID'])
    expect(cli.stderr).toBe('')
    expect(cli.code).toBe(0)
    const requests = Number(new RegExp(`^Directory read: only the changes since the last fetch \\((\\d+) requests\\); ${entra.tenant.users.size} people, \\d+ groups\\.$`, 'm').exec(cli.stdout)?.[1])
    expect(requests).toBeGreaterThan(0)
    expect(requests).toBeLessThanOrEqual(4)
    const done = Number(/^Synced: (\d+) done, 0 failed/m.exec(cli.stdout)?.[1])
    expect(done).toBeGreaterThanOrEqual(1)
    expect(done).toBeLessThanOrEqual(changed.updated.length + changed.disabled.length + changed.removed.length + changed.added.length)

    const last = await workspace.services.plans.build(connectionId, 'both', { readHalo: true })
    const { users, agents } = last.plan.summary
    expect(users.create + users.update + agents.create + agents.update).toBe(0)
  }, 180_000)
})
