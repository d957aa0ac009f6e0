/**
 * The Entra sandbox for bench/entra-delta, in its own process so the benchmark's memory figure is
 * the connector's alone. Prints one JSON line (address, app credentials, sizes); then each line
 * "mutate SHARE" on standard input changes that share of the tenant and prints what changed.
 */
import { createInterface } from 'node:readline'
import { startEntraSandbox } from '../../src-main/sandbox/entra'

const [people, groups, latencyMs] = process.argv.slice(2).map(Number)
const entra = await startEntraSandbox({ people, groups, latencyMs })
process.stdout.write(`${JSON.stringify({ baseUrl: entra.baseUrl, app: entra.credentials.app, users: entra.tenant.users.size, groups: entra.tenant.groups.size })}\n`)
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, share] = line.trim().split(/\s+/)
  if (command === 'mutate') process.stdout.write(`${JSON.stringify(entra.mutate(Number(share)))}\n`)
})
process.on('SIGTERM', () => void entra.close().then(() => process.exit(0)))
