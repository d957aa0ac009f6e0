#!/usr/bin/env node
// `npm run bench -- NAME` runs bench/NAME/index.ts (TypeScript, through tsx) in the foreground and
// exits with its code. Each benchmark prints its figures and ends with a one-line summary against
// its issue's goal. Without NAME (or with an unknown one) it lists the benchmarks there are.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const benchDir = path.join(root, 'bench')
const available = existsSync(benchDir) ? readdirSync(benchDir).filter((name) => existsSync(path.join(benchDir, name, 'index.ts'))) : []
const [name, ...rest] = process.argv.slice(2)

if (!name || !available.includes(name)) {
  process.stderr.write(`${name ? `There is no benchmark called "${name}".` : 'Name a benchmark to run.'} Usage: npm run bench -- NAME\nBenchmarks: ${available.join(', ') || '(none)'}\n`)
  process.exit(2)
}
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')
const result = spawnSync(tsx, [path.join(benchDir, name, 'index.ts'), ...rest], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
