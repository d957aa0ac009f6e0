/**
 * bench/preview-ui (issue 6): the preview page of a 100,000-row plan in Debian's Chromium, the real
 * UI in browser mode over the real bridge. The plan is the bench/plan workload's (100,000 people
 * against 100,000 Halo users), saved in a workspace as a preview would save it. Measures the time
 * from opening the page to its first rows, then scrolls the table through all 100,000 rows in big
 * steps, a step a frame, and records every frame's time and the long tasks. Goal: first rows under
 * 1 s, no frame over 50 ms. Needs the built renderer (npm run build).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import type { HaloPersonRecord } from '../../src-main/core/halo-state'
import { MappingEngine } from '../../src-main/core/mapping-engine'
import { buildPlan } from '../../src-main/core/planner'
import { startHttpBridge } from '../../src-main/bridge/http-bridge'
import { PlanStore } from '../../src-main/plans/plan-store'
import { createLogger } from '../../src-main/runtime/logger'
import { openWorkspace } from '../../src-main/runtime/workspace'
import { MemorySecrets } from '../shared/memory-secrets'

const root = path.join(import.meta.dirname, '..', '..')
const rendererDir = path.join(root, 'out', 'renderer')
const goalFirstRowsMs = 1000
const goalFrameMs = 50

/**
 * Runs in the page: scrolls the table through every row, a big step each frame, timing each frame
 * and catching long tasks; then waits for the last rows. (A string: this file is compiled for Node.)
 */
const scrollThrough = `(async () => {
  const box = document.querySelector('[aria-label="Preview rows, scrollable"]')
  if (!box) throw new Error('no preview table')
  const longTasks = []
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({ type: 'longtask' })
  const steps = 240
  const step = (box.scrollHeight - box.clientHeight) / steps
  const times = []
  await new Promise((resolve) => {
    let done = 0
    let last = 0
    const tick = (now) => {
      times.push(now - last)
      last = now
      if (done >= steps) return resolve()
      done += 1
      box.scrollTop = Math.round(step * done)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(tick)
    })
  })
  const lastRowStart = performance.now()
  await new Promise((resolve) => {
    const check = () => {
      const rows = [...box.querySelectorAll('tbody tr')]
      const lastRow = rows.at(-1)
      if (lastRow && lastRow.getAttribute('tabindex') === '0' && Number(lastRow.getAttribute('aria-rowindex')) > 1000) resolve()
      else requestAnimationFrame(check)
    }
    check()
  })
  return { times: times.slice(1), longTasks, lastRowsMs: performance.now() - lastRowStart }
})()`

if (!existsSync(path.join(rendererDir, 'index.html'))) {
  process.stderr.write('bench/preview-ui needs the built renderer: run `npm run build` first.\n')
  process.exit(2)
}

const { config, groups, lookups, members, people } = await import('../shared/okta-workload')
const directory = { people, groups, members }
const engine = new MappingEngine(config, lookups, directory, null)
const users: HaloPersonRecord[] = []
people.forEach((person, index) => {
  if (index % 10 === 9) return
  const outcome = engine.evaluate(person, { explain: false })
  const fields: Record<string, string | null> = { inactive: index % 50 === 2 ? 'true' : 'false' }
  for (const field of outcome.user?.fields ?? []) fields[field.target] = field.value
  if (index % 20 === 1) fields.title = 'Previous job title'
  users.push({ id: index + 1, fields, roleIds: outcome.user?.roles.desired.map((role) => role.id) ?? [] })
})
const plan = buildPlan({ config, lookups, directory, halo: { users, agents: [] }, scope: 'users' })

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-preview-ui-'))
const log = createLogger(() => undefined)
const workspace = openWorkspace({ dataDir, mode: 'browser', version: 'bench', migrationsFolder: path.join(root, 'drizzle'), openUrl: () => Promise.resolve(), log, keychain: new MemorySecrets() })
const instance = await workspace.services.halo.save({ name: 'Bench Halo', baseUrl: 'https://halo.northwind.example', deployment: 'on-premise', tenant: null, authServerUrl: null, authMode: 'client_credentials', clientId: 'bench', clientSecret: 'bench', scope: 'all', rateLimitRequests: 300, rateLimitWindowSeconds: 300 })
const connection = await workspace.services.connections.saveOkta({ name: 'Bench Okta', haloInstanceId: instance.id, orgUrl: 'https://northwind.okta.com', authMode: 'api_token', apiToken: 'bench', clientId: null, privateKey: null, keyId: null })
const saving = performance.now()
new PlanStore(workspace.database.db, workspace.database.sqlite).save(connection.id, plan, { snapshotId: 'bench', snapshotFetchedAt: new Date().toISOString(), configHash: 'bench', haloReadAt: null, haloLive: true, haloOffline: null }, new Date().toISOString())
const saveSeconds = (performance.now() - saving) / 1000
const token = randomBytes(24).toString('base64url')
const bridge = await startHttpBridge({ dispatch: workspace.dispatch, events: workspace.services.events, token, port: 0, staticDir: rendererDir, log })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  const opened = performance.now()
  await page.goto(`${new URL(bridge.url).origin}/?token=${token}#/connections/${encodeURIComponent(connection.id)}/preview`)
  await page.locator('table[aria-label="Preview rows"] tbody tr[tabindex="0"]').first().waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: path.join(tmpdir(), 'bench-preview-ui-failed.png') })
    throw error
  })
  const firstRowsMs = performance.now() - opened
  const total = await page.locator('text=/^[\\d,]+ rows$/').first().textContent()

  // Scroll through everything, a big step every frame, timing each frame and catching long tasks.
  const frames = await page.evaluate<{ times: number[]; longTasks: number[]; lastRowsMs: number }>(scrollThrough)
  const sorted = [...frames.times].sort((a, b) => a - b)
  const worst = sorted.at(-1) ?? 0
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0
  const rows: Array<[string, string]> = [
    ['plan', `${plan.rows.length.toLocaleString('en-US')} rows (${total ?? '?'} shown), saved in ${saveSeconds.toFixed(1)} s`],
    ['first rows', `${firstRowsMs.toFixed(0)} ms from opening the page (the app's own start-up included)`],
    ['scrolling', `${frames.times.length} frames through every row: median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; ${frames.longTasks.length} long tasks${frames.longTasks.length > 0 ? ` (longest ${Math.max(...frames.longTasks).toFixed(0)} ms)` : ''}`],
    ['last rows', `${frames.lastRowsMs.toFixed(0)} ms after the scroll stopped at the bottom`]
  ]
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(11)}${value}\n`)
  const pass = firstRowsMs < goalFirstRowsMs && worst <= goalFrameMs
  process.stdout.write(`preview-ui: first of ${plan.rows.length.toLocaleString('en-US')} rows in ${firstRowsMs.toFixed(0)} ms (goal < ${goalFirstRowsMs}), worst scroll frame ${worst.toFixed(1)} ms (goal ≤ ${goalFrameMs}) — ${pass ? 'PASS' : 'FAIL'}\n`)
  process.exitCode = pass ? 0 : 1
} finally {
  await browser.close()
  await bridge.close()
  workspace.close()
  rmSync(dataDir, { recursive: true, force: true })
}
