/**
 * bench/halo-write (issue 3): creates 5,000 users in the Halo sandbox with 30 ms latency and its rate
 * limit scaled to 60 requests per 10 s, the app's way (HaloClient.upsert, arrays of 50) against one
 * record per request (on the first 300 records, a fresh sandbox), through the real client, limiter
 * and sockets. Prints records/s for both, the ratio, and what a Halo allowing 300 requests per
 * rolling 5 minutes would need for 5,000 users each way. The issue sets no number; our goal is that
 * batching is at least 10× faster.
 */
import { startHaloSandbox, type HaloSandbox } from '../../src-main/sandbox/halo'
import { HaloAuth } from '../../src-main/halo/halo-auth'
import { HaloClient } from '../../src-main/halo/halo-client'
import type { HaloInstanceSettings, TokenSet } from '../../src-main/halo/halo-settings'

const users = 5000
const baselineUsers = 300
const latencyMs = 30
const rateLimit = { requests: 60, windowMs: 10_000 }
const goalRatio = 10

interface Run {
  records: number
  requests: number
  seconds: number
  refused429: number
}

function connect(halo: HaloSandbox): HaloClient {
  const settings: HaloInstanceSettings = {
    id: 'bench',
    name: 'Bench sandbox',
    baseUrl: halo.baseUrl,
    tenant: null,
    authServerUrl: null,
    authMode: 'client_credentials',
    clientId: halo.credentials.clientCredentials.clientId,
    scope: 'all',
    rateLimit
  }
  let tokens: TokenSet | null = null
  const auth = new HaloAuth({
    settings,
    cache: { load: () => Promise.resolve(tokens), save: (next) => Promise.resolve(void (tokens = next)), clear: () => Promise.resolve(void (tokens = null)) },
    clientSecret: () => Promise.resolve(halo.credentials.clientCredentials.clientSecret),
    timeoutMs: 30_000
  })
  return new HaloClient({ settings, auth })
}

function newUsers(count: number, tag: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => ({ name: `Bench ${tag} ${index}`, emailaddress: `bench.${tag}.${index}@northwind.example`, site_id: 1 + (index % 5) }))
}

async function measure(batchSize: number, count: number, tag: string): Promise<Run> {
  const halo = await startHaloSandbox({ users: 10, agents: 3, latencyMs, rateLimit })
  try {
    const client = connect(halo)
    const before = halo.requestCount()
    const started = performance.now()
    let shown = 0
    await client.upsert('users', newUsers(count, tag), {
      batchSize,
      onBatch: (done, total) => {
        if (done - shown >= total / 10 || done === total) {
          shown = done
          process.stdout.write(`  ${tag}: ${done}/${total} saved after ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
        }
      }
    })
    const seconds = (performance.now() - started) / 1000
    const saved = halo.store.count('users') - 10
    if (saved !== count) throw new Error(`The sandbox holds ${saved} new users, not ${count}: records were lost.`)
    return { records: count, requests: halo.requestCount() - before, seconds, refused429: halo.refusedCount() }
  } finally {
    await halo.close()
  }
}

/** Time on a Halo allowing `limit` requests per rolling window: whole windows waited, or the calls themselves if slower. */
function projectedMinutes(requests: number, secondsPerRequest: number, limit = 300, windowMinutes = 5): number {
  const waitedWindows = Math.max(0, Math.ceil(requests / limit) - 1)
  return Math.max(waitedWindows * windowMinutes, (requests * secondsPerRequest) / 60)
}

function duration(minutes: number): string {
  return minutes < 1 ? `${Math.round(minutes * 60)} s` : minutes < 120 ? `${minutes.toFixed(1)} min` : `${(minutes / 60).toFixed(1)} h`
}

process.stdout.write(`halo-write: ${users} users batched (50 per request) vs ${baselineUsers} one per request; latency ${latencyMs} ms; limit ${rateLimit.requests} per ${rateLimit.windowMs / 1000} s\n`)
const batched = await measure(50, users, 'batched')
const single = await measure(1, baselineUsers, 'single')
const rate = (run: Run): number => run.records / run.seconds
const ratio = rate(batched) / rate(single)
const rssMb = process.resourceUsage().maxRSS / 1024

const rows: Array<[string, string, string]> = [
  ['', 'batched', 'one per request'],
  ['records', String(batched.records), String(single.records)],
  ['requests', String(batched.requests), String(single.requests)],
  ['429 answers', String(batched.refused429), String(single.refused429)],
  ['wall time', `${batched.seconds.toFixed(1)} s`, `${single.seconds.toFixed(1)} s`],
  ['records/s', rate(batched).toFixed(1), rate(single).toFixed(2)]
]
for (const [label, a, b] of rows) process.stdout.write(`  ${label.padEnd(14)}${a.padStart(12)}${b.padStart(18)}\n`)

const batchedRequests = Math.ceil(users / 50)
const batchedMinutes = projectedMinutes(batchedRequests, batched.seconds / batched.requests)
const singleMinutes = projectedMinutes(users, (latencyMs + 5) / 1000)
process.stdout.write(
  `  300 requests per 5 minutes, ${users} users: batched ${batchedRequests} requests ≈ ${duration(batchedMinutes)}; one per request ${users} requests ≈ ${duration(singleMinutes)} (whole windows waited, latency as measured)\n`
)
process.stdout.write(`  peak RSS ${rssMb.toFixed(0)} MB\n`)
const pass = ratio >= goalRatio
process.stdout.write(
  `halo-write: batched ${rate(batched).toFixed(1)} rec/s vs single ${rate(single).toFixed(2)} rec/s (${ratio.toFixed(0)}×); 300/5min instance: batched ≈ ${duration(batchedMinutes)} vs single ≈ ${duration(singleMinutes)} — goal batched ≥ ${goalRatio}× single: ${pass ? 'PASS' : 'FAIL'}\n`
)
process.exit(pass ? 0 : 1)
