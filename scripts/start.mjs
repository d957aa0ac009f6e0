#!/usr/bin/env node
// `npm start`: runs the built app in Electron; when Electron cannot start (its binary is missing and
// cannot be downloaded, there is no display, or it exits before its window is up) it says so in one
// line and runs browser mode instead. `--browser` (npm run start:browser) skips Electron.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

function electronBinary() {
  // Resolving the package downloads the binary on first use when the network allows it; done in a
  // child process so its download messages stay out of the way.
  const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000
  })
  const binary = resolved.stdout?.trim()
  if (resolved.status === 0 && binary && existsSync(binary)) return { path: binary }
  const cause = (resolved.stderr ?? '').split('\n').find((line) => /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|Error:/.test(line))
  return { reason: `its binary is not installed and could not be downloaded${cause ? ` (${cause.trim()})` : ''}` }
}

function startBrowserMode() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../out/main/browser.js', import.meta.url))], {
    stdio: 'inherit',
    cwd: root
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

function fallBack(reason) {
  process.stdout.write(`Electron could not start: ${reason}. Starting browser mode instead.\n`)
  startBrowserMode()
}

function startElectron(binary) {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return fallBack('there is no desktop display (DISPLAY / WAYLAND_DISPLAY are not set)')
  }
  const nativeBinding = fileURLToPath(new URL('../native/electron/better_sqlite3.node', import.meta.url))
  if (!existsSync(nativeBinding)) {
    return fallBack('the Electron build of better-sqlite3 is missing; run `npm run native:electron` once')
  }
  let ready = false
  const child = spawn(binary, ['.'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] })
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString()
    if (text.includes('STUDIO_READY')) ready = true
    process.stdout.write(text.replace(/STUDIO_READY\n?/, ''))
  })
  child.on('error', (error) => {
    if (!ready) fallBack(error.message)
  })
  child.on('exit', (code, signal) => {
    if (ready) process.exit(code ?? 0)
    else fallBack(`it exited before opening a window (${signal ?? `exit code ${code}`})`)
  })
}

if (process.argv.includes('--browser')) {
  startBrowserMode()
} else {
  const electron = electronBinary()
  if (electron.path) startElectron(electron.path)
  else fallBack(electron.reason)
}
