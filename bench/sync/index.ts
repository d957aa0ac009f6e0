/**
 * bench/sync (issue 6): 5,000 creates synced into the Halo sandbox the app's way — the preview's plan
 * journalled in SQLite, applied by the executor in POST arrays through the real client and limiter —
 * under the sandbox's rate limit (60 requests per 10 s, 30 ms latency). Prints records/s against the
 * ceiling that limit allows for the batch size used, the
 * requests sent against the fewest possible, and 429s. Timed from the start to the last record
 * settled, in a rate-limit window the preview's reads have left; the ceiling is what the rolling
 * limit allows for that many requests from an empty window (one window's worth goes at once). The keychain is an in-memory stand-in: it is
 * not what is measured.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startHaloSandbox } from '../../src-main/sandbox/halo'
import { startOktaSandbox } from '../../src-main/sandbox/okta'
import { createLogger } from '../../src-main/runtime/logger'
import { openWorkspace } from '../../src-main/runtime/workspace'
import { addSandboxHaloInstance, addSandboxOktaConnection } from '../../test/helpers/temp-workspace'
import { MemorySecrets } from '../shared/memory-secrets'

const people = 5_000
const batchSize = 50
const rateLimit = { requests: 60, windowMs: 10_000 }
const latencyMs = 30
const goalShare = 0.8

const halo = await startHaloSandbox({ users: 0, agents: 3, latencyMs, rateLimit })
const okta = await startOktaSandbox({ people })
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-sync-'))
const workspace = openWorkspace({ dataDir, mode: 'browser', version: 'bench', migrationsFolder: path.join(import.meta.dirname, '..', '..', 'drizzle'), openUrl: () => Promise.resolve(), log: createLogger(() => undefined), keychain: new MemorySecrets() })
try {
  const { services } = workspace
  const instanceId = await addSandboxHaloInstance(workspace, halo, { requests: rateLimit.requests, windowSeconds: rateLimit.windowMs / 1000 })
  const connectionId = await addSandboxOktaConnection(workspace, okta, instanceId, 'Bench Okta')
  await services.connections.fetch(connectionId)
  const config = structuredClone(services.mapping.get(connectionId).config)
  const site = Number(halo.store.all('sites').find((candidate) => candidate.name === 'Manchester')?.id)
  config.siteMappings = [{ kind: 'existing-site', id: 'all', sequence: 1, siteId: site, agentRoleId: null, groupName: null, criteria: [], includeExternal: true, appId: null, statuses: [], userRoleId: null }]
  config.imports.importType = 'users'
  config.imports.activeStatuses = ['ACTIVE', 'PROVISIONED', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'STAGED', 'SUSPENDED', 'DEPROVISIONED']
  services.mapping.save(connectionId, config)
  const plan = await services.plans.build(connectionId, 'users', { readHalo: true })
  const creates = plan.plan.summary.users.create
  // A fresh window: the reads of the preview must not count against the sync.
  await new Promise((resolve) => setTimeout(resolve, rateLimit.windowMs))

  const requestsBefore = halo.requestCount()
  const refusedBefore = halo.refusedCount()
  // Timed to the last record settled: the look-up refresh that follows a sync is not records.
  let lastSettled = 0
  let requestsAtLast = 0
  const stop = services.events.onAny((name, payload) => {
    const update = payload as { applied: number; failed: number; total: number }
    if (name === 'run:updated' && update.applied + update.failed >= update.total && lastSettled === 0) {
      lastSettled = performance.now()
      requestsAtLast = halo.requestCount()
    }
  })
  const started = performance.now()
  const runId = services.sync.start(plan.id, { allowDeactivations: plan.plan.guardrail.blocked ? plan.plan.guardrail.deactivations : null, trigger: 'app' })
  const result = await services.sync.finished(runId)
  stop()
  const seconds = ((lastSettled || performance.now()) - started) / 1000
  const counts = services.sync.totals(runId)
  const requests = (requestsAtLast || halo.requestCount()) - requestsBefore
  const refused = halo.refusedCount() - refusedBefore
  const fewest = Math.ceil(counts.total / batchSize)
  const perSecond = counts.done / seconds
  // The fastest the rolling limit allows for these requests, starting from an empty window: the
  // last full window's wait, then the last requests one after another at the sandbox's latency.
  const windowsWaited = Math.floor((fewest - 1) / rateLimit.requests)
  const floorSeconds = (windowsWaited * rateLimit.windowMs + (fewest - windowsWaited * rateLimit.requests) * latencyMs) / 1000
  const ceiling = counts.total / floorSeconds
  const rows: Array<[string, string]> = [
    ['sync', `${counts.done.toLocaleString('en-US')} of ${counts.total.toLocaleString('en-US')} operations done (${creates.toLocaleString('en-US')} creates), ${counts.failed} failed, in ${seconds.toFixed(1)} s — ${result.state}`],
    ['throughput', `${perSecond.toFixed(0)} records/s against a ceiling of ${ceiling.toFixed(0)} records/s = ${((perSecond / ceiling) * 100).toFixed(0)} % (${fewest} requests of ${batchSize} under ${rateLimit.requests} per rolling ${rateLimit.windowMs / 1000} s take at least ${floorSeconds.toFixed(1)} s at ${latencyMs} ms each; steady state ${((rateLimit.requests / (rateLimit.windowMs / 1000)) * batchSize).toFixed(0)} records/s)`],
    ['requests', `${requests} sent (${fewest} at the fewest), ${refused} refused with 429`],
    ['300 / 5 min', `a Halo allowing 300 requests per rolling 5 minutes takes about ${Math.ceil(fewest / 300) * 5} min for these ${counts.total.toLocaleString('en-US')} records at ${batchSize} a request`]
  ]
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(12)}${value}\n`)
  const pass = result.state === 'completed' && counts.failed === 0 && creates >= people * 0.9 && perSecond >= ceiling * goalShare
  process.stdout.write(`sync: ${counts.done.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)} records/s, ${((perSecond / ceiling) * 100).toFixed(0)} % of the ${ceiling.toFixed(0)} records/s the rate limit allows at ${batchSize} a request (goal ≥ ${goalShare * 100} %) — ${pass ? 'PASS' : 'FAIL'}\n`)
  process.exitCode = pass ? 0 : 1
} finally {
  workspace.close()
  await okta.close()
  await halo.close()
  rmSync(dataDir, { recursive: true, force: true })
}
