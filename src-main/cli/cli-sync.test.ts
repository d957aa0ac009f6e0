/**
 * `halo-identity sync` killed (SIGKILL) ten times at random points of a 5,000-person sync into the
 * Halo sandbox, then run once more: each run resumes the unfinished sync from its journal. Halo ends
 * with no one created twice, one onboarding ticket per created user (none twice), and a fresh
 * preview with nothing left to do; a second command started while one works on the run is turned
 * away. Also: the command's words, exit codes and JSON for a preview; the exports, and a plan made
 * from those files alone — no workspace — the same as the app's.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SeededRandom } from '../sandbox/shared/prng'
import { runCli, type CliRun } from '../../test/helpers/run-cli'
import { addSandboxHaloInstance, addSandboxOktaConnection, openTempWorkspace, tempDir, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'

let halo: HaloSandbox
let okta: OktaSandbox
let workspace: TempWorkspace
let connectionId: string
let usersBefore: number

beforeAll(async () => {
  const wide = { requests: 100_000, windowMs: 60_000 }
  halo = await startHaloSandbox({ latencyMs: 5, rateLimit: wide })
  okta = await startOktaSandbox({ people: 5_000 })
  workspace = openTempWorkspace()
  const instanceId = await addSandboxHaloInstance(workspace, halo, { requests: wide.requests, windowSeconds: 60 })
  connectionId = await addSandboxOktaConnection(workspace, okta, instanceId)
  await workspace.services.connections.fetch(connectionId)
  await workspace.services.halo.refreshLookups(instanceId)
  const config = structuredClone(workspace.services.mapping.get(connectionId).config)
  const manchester = Number(halo.store.all('sites').find((site) => site.name === 'Manchester')?.id)
  const client = Number(halo.store.all('clients')[0]?.id)
  config.siteMappings = [
    { kind: 'existing-site', id: 'it', sequence: 1, siteId: 'agent', agentRoleId: null, groupName: 'Department - IT', criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null },
    { kind: 'organisation-by-field', id: 'by-city', sequence: 2, clientId: client, field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
  ]
  config.imports.defaultSiteId = manchester
  config.imports.guardrails = { maxDeactivations: 100_000, maxDeactivationPercent: 100 }
  config.onboarding = { enabled: true, ticketTypeId: Number(halo.store.all('ticketTypes').find((type) => type.name === 'New Starter')?.id), templateId: null, fields: config.onboarding.fields }
  workspace.services.mapping.save(connectionId, config)
  usersBefore = Math.max(...halo.store.all('users').map((user) => Number(user.id)))
}, 120_000)

afterAll(async () => {
  await workspace.dispose()
  await okta.close()
  await halo.close()
})

const run = (args: string[], killWhen?: () => boolean, env: Record<string, string> = {}): Promise<CliRun> => runCli(workspace.dataDir, args, { env, ...(killWhen ? { killWhen } : {}) })

describe('halo-identity sync', () => {
  it('previews in words and as JSON, offline too', async () => {
    const words = await run(['preview', '--connection', 'Northwind Okta', '--offline'])
    expect(words.code).toBe(0)
    expect(words.stdout).toMatch(/Preview of Northwind Okta \(both\), built .*from Halo's cached state/)
    expect(words.stdout).toMatch(/users: {2}\d+ create/)
    const json = await run(['preview', '--connection', 'northwind okta', '--offline', '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ exitCode: 0, summary: { users: { create: expect.any(Number) as number } }, guardrail: { blocked: false } })
    const missing = await run(['preview', '--connection', 'Nobody'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('There is no connection called "Nobody". Connections: "Northwind Okta".')
  }, 120_000)

  it('exports the snapshot, Halo state and configuration, and plans from those files alone the same as the app', async () => {
    const dir = tempDir('cli-files-')
    const file = (name: string): string => path.join(dir, name)
    expect((await run(['export-snapshot', '--connection', 'Northwind Okta', '--out', file('snapshot.json')])).code).toBe(0)
    expect((await run(['export-halo-state', '--instance', 'Demo Halo', '--out', file('halo.json')])).code).toBe(0)
    expect((await run(['export-config', '--connection', 'Northwind Okta', '--out', file('config.json')])).code).toBe(0)
    const snapshot = JSON.parse(readFileSync(file('snapshot.json'), 'utf8')) as { format: string; people: unknown[] }
    expect(snapshot).toMatchObject({ format: 'identity-studio/snapshot', version: 1, source: 'okta', connection: 'Northwind Okta' })
    expect(snapshot.people).toHaveLength(5_000)
    expect(readFileSync(file('halo.json'), 'utf8')).not.toContain(halo.credentials.clientCredentials.clientSecret)
    expect(readFileSync(file('snapshot.json'), 'utf8')).not.toContain(okta.credentials.apiToken)

    // No workspace at all: a data folder that does not exist stays that way.
    const nowhere = path.join(dir, 'no-workspace')
    const planned = await run(['plan', '--config', file('config.json'), '--snapshot', file('snapshot.json'), '--halo', file('halo.json'), '--out', file('plan.json')], undefined, { STUDIO_DATA_DIR: nowhere })
    expect(planned.stderr).toBe('')
    expect(planned.code).toBe(0)
    expect(planned.stdout).toMatch(/^Plan of Northwind Okta \(both\) from .*\n {2}users: {2}\d+ create/)
    expect(existsSync(nowhere)).toBe(false)
    const fromFiles = JSON.parse(readFileSync(file('plan.json'), 'utf8')) as { format: string; summary: unknown; rows: unknown[] }
    const inApp = await workspace.services.plans.build(connectionId, 'both', { readHalo: false })
    expect(fromFiles.format).toBe('identity-studio/plan')
    expect(fromFiles.summary).toEqual(inApp.plan.summary)

    writeFileSync(file('broken.json'), JSON.stringify({ format: 'identity-studio/snapshot', version: 1 }))
    const broken = await run(['plan', '--config', file('config.json'), '--snapshot', file('broken.json'), '--halo', file('halo.json')])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/broken\.json is not a directory snapshot \(source: .*\)\. Make it with halo-identity export-snapshot\./)
    rmSync(dir, { recursive: true, force: true })
  }, 120_000)

  it('resumes after being killed ten times, with nothing created twice and no ticket twice', async () => {
    const random = new SeededRandom(6)
    const { sync } = workspace.services
    let kills = 0
    let rival: CliRun | null = null
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Kill somewhere between the first operation settled and the last.
      const share = 0.05 + random.next() * 0.9
      let rivalRun: Promise<void> | null = null
      const ran = await run(['sync', '--connection', 'Northwind Okta'], () => {
        const unfinished = sync.unfinishedRun(connectionId)
        if (!unfinished) return false
        const totals = sync.totals(unfinished.id)
        if (totals.done + totals.failed + totals.skipped < totals.total * share) return false
        if (attempt !== 2) return true
        // Once: a second command for the same connection while this one works is turned away.
        rivalRun ??= run(['sync', '--connection', 'Northwind Okta']).then((result) => void (rival = result))
        return rival !== null
      })
      if (ran.signal === 'SIGKILL') kills += 1
      else break
    }
    expect(kills).toBeGreaterThanOrEqual(8)
    expect(rival).toMatchObject({ code: 1 })
    expect((rival as CliRun | null)?.stderr).toContain('is running in another Identity Studio on this computer')
    const last = await run(['sync', '--connection', 'Northwind Okta', '--json'])
    expect(last.stderr).not.toContain('halo-identity:')
    expect(JSON.parse(last.stdout)).toMatchObject({ exitCode: 0, state: 'completed', failed: 0 })

    const users = halo.store.all('users')
    const oktaIds = users.flatMap((user) => (typeof user.okta_id === 'string' ? [user.okta_id] : []))
    expect(oktaIds.length - new Set(oktaIds).size).toBe(0)
    const agentIds = halo.store.all('agents').flatMap((agent) => (typeof agent.okta_id === 'string' ? [agent.okta_id] : []))
    expect(agentIds.length - new Set(agentIds).size).toBe(0)
    const created = users.filter((user) => Number(user.id) > usersBefore)
    expect(created.length).toBeGreaterThan(4_000)
    const starter = Number(halo.store.all('ticketTypes').find((type) => type.name === 'New Starter')?.id)
    const ticketsPerUser = new Map<number, number>()
    for (const ticket of halo.store.all('tickets')) if (Number(ticket.tickettype_id) === starter) ticketsPerUser.set(Number(ticket.user_id), (ticketsPerUser.get(Number(ticket.user_id)) ?? 0) + 1)
    expect([...ticketsPerUser.values()].filter((count) => count > 1)).toEqual([])
    expect(created.filter((user) => ticketsPerUser.get(Number(user.id)) !== 1).map((user) => user.id)).toEqual([])

    const after = await workspace.services.plans.build(connectionId, 'both', { readHalo: true })
    const acted = workspace.services.plans.rows(after.id, { offset: 0, limit: 20, actions: ['create', 'update', 'deactivate', 'reactivate'] })
    expect(acted.rows.map((row) => [row.key, row.action, row.changes])).toEqual([])
    expect(after.plan.tickets).toEqual([])
  }, 600_000)
})
