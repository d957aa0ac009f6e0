/**
 * bench/entra-delta (issue 7): a 50,000-person, 1,000-group Entra tenant in the sandbox (own process,
 * 20 ms latency). The connector reads it whole into a real SQLite snapshot (two delta rounds), then,
 * after 1 % of the people change, reads only the changes from the stored deltaLinks and merges them
 * into a new snapshot. Prints Graph requests and wall time of each, and peak RSS. Goal: the delta
 * read costs requests in proportion to the changes, not to the directory (at most a page per 200
 * changed users and per 100 changed groups, and a page more each).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fetchEntraChanges, fetchEntraSnapshot } from '../../src-main/connectors/entra/entra-snapshot'
import { clientCredentialTokens } from '../../src-main/connectors/entra/entra-tokens'
import { GraphClient } from '../../src-main/connectors/entra/graph-client'
import type { MutationReport } from '../../src-main/sandbox/entra/demo-tenant'
import { SnapshotStore } from '../../src-main/directory/snapshot-store'
import { openDatabase } from '../../src-main/store/database'
import { connectionTable, haloInstanceTable } from '../../src-main/store/schema'

const people = 50_000
const groups = 1_000
const latencyMs = 20
const share = 0.01

interface SandboxInfo {
  baseUrl: string
  app: { tenantId: string; clientId: string; clientSecret: string }
  users: number
  groups: number
}

const root = path.join(import.meta.dirname, '..', '..')
const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'sandbox-process.ts'), String(people), String(groups), String(latencyMs)], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] })
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
const nextLine = async (): Promise<string> => {
  const line = await lines.next()
  if (line.done) throw new Error('bench/entra-delta: the sandbox process ended')
  return line.value
}
const dir = mkdtempSync(path.join(tmpdir(), 'bench-entra-delta-'))
let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50)
try {
  const info = JSON.parse(await nextLine()) as SandboxInfo
  const database = openDatabase({ file: path.join(dir, 'studio.db'), migrationsFolder: path.join(root, 'drizzle') })
  const stamp = new Date().toISOString()
  database.db.insert(haloInstanceTable).values({ id: 'h', name: 'Halo', baseUrl: 'https://halo.example', deployment: 'on-premise', authMode: 'client_credentials', clientId: 'c', scope: 'all', rateLimitRequests: 300, rateLimitWindowMs: 300_000, createdAt: stamp, updatedAt: stamp }).run()
  database.db.insert(connectionTable).values({ id: 'entra', kind: 'entra', name: 'Entra', haloInstanceId: 'h', settings: '{}', createdAt: stamp, updatedAt: stamp }).run()
  const store = new SnapshotStore(database.db, database.sqlite)
  const tokens = clientCredentialTokens({ ...info.app, authorityHost: info.baseUrl })

  const fullStart = performance.now()
  const full = await (async () => {
    const graph = new GraphClient(tokens, info.baseUrl)
    const writer = store.begin('entra')
    const result = await fetchEntraSnapshot({ graph, writer })
    writer.commit(result.summary, result.deltaLinks)
    return result.summary
  })()
  const fullSeconds = (performance.now() - fullStart) / 1000

  child.stdin.write(`mutate ${share}\n`)
  const changed = JSON.parse(await nextLine()) as MutationReport
  const changedUsers = changed.updated.length + changed.disabled.length + changed.removed.length + changed.added.length
  const deltaStart = performance.now()
  const delta = await (async () => {
    const previous = store.load('entra')
    const state = store.deltaState('entra')
    if (!previous || !state) throw new Error('no snapshot to merge into')
    const graph = new GraphClient(tokens, info.baseUrl)
    const writer = store.begin('entra')
    const result = await fetchEntraChanges({ graph, writer, previous: previous.data, state })
    writer.commit(result.summary, result.deltaLinks)
    return result.summary
  })()
  const deltaSeconds = (performance.now() - deltaStart) / 1000
  database.close()

  const allowed = Math.ceil(changedUsers / 200) + 1 + Math.ceil(Math.max(changed.regrouped.length, 1) / 100) + 1
  const rows: Array<[string, string]> = [
    ['tenant', `${info.users.toLocaleString('en-US')} people, ${info.groups.toLocaleString('en-US')} groups (${full.memberships.toLocaleString('en-US')} memberships), ${latencyMs} ms latency`],
    ['full read', `${full.requests} Graph requests, ${fullSeconds.toFixed(1)} s`],
    ['change', `${(share * 100).toFixed(0)} %: ${changedUsers} people (${changed.updated.length} updated, ${changed.disabled.length} disabled, ${changed.removed.length} removed, ${changed.added.length} joined), ${changed.regrouped.length} groups`],
    ['delta read', `${delta.requests} Graph requests, ${deltaSeconds.toFixed(1)} s (merged and written whole: ${delta.people.toLocaleString('en-US')} people)`],
    ['peak RSS', `${(peakRss / 1024 / 1024).toFixed(0)} MB (the connector's process; the sandbox runs in its own)`]
  ]
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(11)}${value}\n`)
  const pass = delta.requests <= allowed
  process.stdout.write(`entra-delta: full read ${full.requests} requests in ${fullSeconds.toFixed(1)} s, delta after a 1 % change ${delta.requests} requests in ${deltaSeconds.toFixed(1)} s (goal: in proportion to the changes, ≤ ${allowed}), peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB — ${pass ? 'PASS' : 'FAIL'}\n`)
  process.exitCode = pass ? 0 : 1
} finally {
  clearInterval(sampler)
  child.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
