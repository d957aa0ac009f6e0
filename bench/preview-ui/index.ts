/**
 * bench/preview-ui (issue 6): the preview page of a 100,000-row plan in Debian's Chromium, the real
 * UI in browser mode over the real bridge. The plan is the bench/plan workload's (100,000 people
 * against 100,000 Halo users), saved in a workspace as a preview would save it, by save-plan.ts in a
 * process of its own; this one then opens the workspace and serves it as the app does. Three times in
 * a fresh page: loads the app on the connection's page (the app's start, reported apart), then opens
 * the preview from there and times it to its first rows (the median counts). Then scrolls the table
 * through all 100,000 rows in big steps, a step a frame, and records every frame's time and the long
 * tasks. Goal: first rows under 1 s, no frame over 50 ms. Needs the built renderer (npm run build).
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { startHttpBridge } from '../../src-main/bridge/http-bridge'
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

/** Runs in the page: opens the preview from the connection's page (as its link does) and times it to the first rows shown. */
const openFromHere = `new Promise((resolve) => {
  const start = performance.now()
  const check = () => {
    if (document.querySelector('table[aria-label="Preview rows"] tbody tr[tabindex="0"]')) resolve(performance.now() - start)
    else requestAnimationFrame(check)
  }
  location.hash = location.hash + '/preview'
  requestAnimationFrame(check)
})`

if (!existsSync(path.join(rendererDir, 'index.html'))) {
  process.stderr.write('bench/preview-ui needs the built renderer: run `npm run build` first.\n')
  process.exit(2)
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-preview-ui-'))
const saved = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'save-plan.ts'), dataDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 })
if (saved.status !== 0) throw new Error(`bench/preview-ui: saving the plan failed (exit ${saved.status})`)
const plan = JSON.parse(saved.stdout) as { connectionId: string; rows: number; saveSeconds: number }
// The measuring process opens the workspace as the app does: it holds none of the workload.
const log = createLogger(() => undefined)
const workspace = openWorkspace({ dataDir, mode: 'browser', version: 'bench', migrationsFolder: path.join(root, 'drizzle'), openUrl: () => Promise.resolve(), log, keychain: new MemorySecrets() })
const token = randomBytes(24).toString('base64url')
const bridge = await startHttpBridge({ dispatch: workspace.dispatch, events: workspace.services.events, token, port: 0, staticDir: rendererDir, log })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
try {
  const origin = new URL(bridge.url).origin
  /** Opens the app on the connection's page, then the preview from there: times from the click to the first rows. */
  const openPreview = async (page: Page): Promise<{ coldMs: number; firstRowsMs: number }> => {
    const opened = performance.now()
    await page.goto(`${origin}/?token=${token}#/connections/${encodeURIComponent(plan.connectionId)}`)
    await page.getByRole('tab', { name: 'Details' }).waitFor({ timeout: 30_000 })
    const coldMs = performance.now() - opened
    const firstRowsMs = await page.evaluate<number>(openFromHere)
    return { coldMs, firstRowsMs }
  }
  const opens: Array<{ coldMs: number; firstRowsMs: number }> = []
  let page: Page | null = null
  for (let open = 0; open < 3; open += 1) {
    await page?.close()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    opens.push(
      await openPreview(page).catch(async (error: unknown) => {
        await page?.screenshot({ path: path.join(tmpdir(), 'bench-preview-ui-failed.png') })
        throw error
      })
    )
  }
  if (!page) throw new Error('no page')
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  const firstRowsMs = median(opens.map((each) => each.firstRowsMs))
  const coldMs = median(opens.map((each) => each.coldMs))
  const total = await page.locator('text=/^[\\d,]+ rows$/').first().textContent()

  // Scroll through everything, a big step every frame, timing each frame and catching long tasks.
  const frames = await page.evaluate<{ times: number[]; longTasks: number[]; lastRowsMs: number }>(scrollThrough)
  const sorted = [...frames.times].sort((a, b) => a - b)
  const worst = sorted.at(-1) ?? 0
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0
  const rows: Array<[string, string]> = [
    ['plan', `${plan.rows.toLocaleString('en-US')} rows (${total ?? '?'} shown), saved in ${plan.saveSeconds.toFixed(1)} s`],
    ['first rows', `${firstRowsMs.toFixed(0)} ms from opening the preview in the running app (median of 3: ${opens.map((each) => each.firstRowsMs.toFixed(0)).join(', ')} ms)`],
    ['app start', `${coldMs.toFixed(0)} ms from loading the app to the connection's page (median of 3; not part of the goal)`],
    ['scrolling', `${frames.times.length} frames through every row: median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; ${frames.longTasks.length} long tasks${frames.longTasks.length > 0 ? ` (longest ${Math.max(...frames.longTasks).toFixed(0)} ms)` : ''}`],
    ['last rows', `${frames.lastRowsMs.toFixed(0)} ms after the scroll stopped at the bottom`]
  ]
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(11)}${value}\n`)
  const pass = firstRowsMs < goalFirstRowsMs && worst <= goalFrameMs
  process.stdout.write(`preview-ui: first of ${plan.rows.toLocaleString('en-US')} rows in ${firstRowsMs.toFixed(0)} ms (goal < ${goalFirstRowsMs}), worst scroll frame ${worst.toFixed(1)} ms (goal ≤ ${goalFrameMs}) — ${pass ? 'PASS' : 'FAIL'}\n`)
  process.exitCode = pass ? 0 : 1
} finally {
  await browser.close()
  await bridge.close()
  workspace.close()
  rmSync(dataDir, { recursive: true, force: true })
}
