#!/usr/bin/env node
// `npm run native:electron`: builds better-sqlite3 for Electron's ABI into native/electron/, leaving
// node_modules' Node build untouched so the Node-based tests keep working. Electron's main process
// passes this file to better-sqlite3 as `nativeBinding` (docs/native-modules.md). keytar is N-API and
// needs no second build. Needs the network (Electron's headers), like Electron's own download.
import { execFileSync } from 'node:child_process'
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version
const work = mkdtempSync(path.join(os.tmpdir(), 'studio-native-'))
const source = path.join(work, 'better-sqlite3')
cpSync(path.join(root, 'node_modules/better-sqlite3'), source, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) })
process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion}…\n`)
execFileSync(
  'npx',
  ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: source, stdio: 'inherit', shell: process.platform === 'win32' }
)
const target = path.join(root, 'native/electron')
mkdirSync(target, { recursive: true })
copyFileSync(path.join(source, 'build/Release/better_sqlite3.node'), path.join(target, 'better_sqlite3.node'))
process.stdout.write(`Wrote ${path.join(target, 'better_sqlite3.node')}\n`)
