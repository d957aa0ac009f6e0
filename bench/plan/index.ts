/**
 * bench/plan (issue 6): the planner over the 100,000-person Okta workload (bench/shared) against a
 * Halo state of 100,000 users as a first import onto an existing Halo finds them: nine in ten people
 * there with the fields the mappings give them (a tenth carrying their Okta id, the rest found by
 * email in varying case, so most plans write the Okta id; one in twenty with an old job title, one in
 * fifty deactivated in Halo), 500 duplicates (conflicts), padded with people Okta no longer has.
 * The inputs are made in a child process and read back as JSON, so the measured process holds what
 * the app would (the inputs, then the plan) and not the generator's garbage. Prints the plan time,
 * counts and peak RSS. Goal: under 3 s, under 600 MB.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DirectoryGroup, DirectoryPerson } from '../../src-shared/contract'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import type { HaloLookups, HaloPersonRecord } from '../../src-main/core/halo-state'
import { MappingEngine } from '../../src-main/core/mapping-engine'
import { buildPlan } from '../../src-main/core/planner'

interface Inputs {
  config: ConnectionConfig
  lookups: HaloLookups
  people: DirectoryPerson[]
  groups: DirectoryGroup[]
  members: Array<[string, string[]]>
  users: HaloPersonRecord[]
}

const makeAt = process.argv.indexOf('--make-inputs')
if (makeAt !== -1) await makeInputs(process.argv[makeAt + 1] ?? '')
else await measure()

async function makeInputs(file: string): Promise<void> {
  const { config, count, groups, lookups, members, people } = await import('../shared/okta-workload')
  const engine = new MappingEngine(config, lookups, { people, groups, members }, null)
  const users: HaloPersonRecord[] = []
  people.forEach((person, index) => {
    if (index % 10 === 9) return
    const outcome = engine.evaluate(person, { explain: false })
    const fields: Record<string, string | null> = { inactive: index % 50 === 2 ? 'true' : 'false' }
    for (const field of outcome.user?.fields ?? []) fields[field.target] = field.value
    fields.okta_id = index % 10 === 0 ? person.id : null
    if (fields.emailaddress && index % 3 === 0) fields.emailaddress = fields.emailaddress.toUpperCase()
    if (index % 20 === 1) fields.title = 'Previous job title'
    const site = outcome.user?.site
    if (site?.kind === 'existing') fields.site_id = String(site.siteId)
    users.push({ id: index + 1, fields, roleIds: outcome.user?.roles.desired.map((role) => role.id) ?? [] })
  })
  for (let index = users.length; index < count; index += 1) users.push({ id: count * 2 + index, fields: { name: `Former ${index}`, emailaddress: `former.${index}@northwind.example`, inactive: 'false' } })
  for (let index = 0; index < 500; index += 1) users.push({ id: count + index + 1, fields: { emailaddress: people[index * 97]?.email ?? null, inactive: 'false' } })
  // One JSON value a line (never one string of hundreds of megabytes): the header, then people, then users.
  const out = createWriteStream(file)
  const write = async (line: string): Promise<void> => {
    if (!out.write(`${line}\n`)) await once(out, 'drain')
  }
  await write(JSON.stringify({ config, lookups, groups, members: [...members] }))
  for (const person of people) await write(`P${JSON.stringify(person)}`)
  for (const user of users) await write(`U${JSON.stringify(user)}`)
  out.end()
  await once(out, 'finish')
}

async function readInputs(file: string): Promise<Inputs> {
  const inputs: Inputs = { config: null as unknown as ConnectionConfig, lookups: null as unknown as HaloLookups, people: [], groups: [], members: [], users: [] }
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.startsWith('P')) inputs.people.push(JSON.parse(line.slice(1)) as DirectoryPerson)
    else if (line.startsWith('U')) inputs.users.push(JSON.parse(line.slice(1)) as HaloPersonRecord)
    else if (line !== '') Object.assign(inputs, JSON.parse(line) as Pick<Inputs, 'config' | 'lookups' | 'groups' | 'members'>)
  }
  return inputs
}

async function measure(): Promise<void> {
  const setupStart = performance.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-plan-'))
  const file = path.join(dir, 'inputs.json')
  const made = spawnSync(path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx'), [import.meta.filename, '--make-inputs', file], { stdio: 'inherit' })
  if (made.status !== 0) throw new Error('the inputs could not be made')
  const inputs = await readInputs(file)
  rmSync(dir, { recursive: true, force: true })
  const directory = { people: inputs.people, groups: inputs.groups, members: new Map(inputs.members) }
  const setupSeconds = (performance.now() - setupStart) / 1000
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const inputRss = process.memoryUsage().rss / 1024 / 1024
  const heapBefore = process.memoryUsage().heapUsed / 1024 / 1024

  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const plan = buildPlan({ config: inputs.config, lookups: inputs.lookups, directory, halo: { users: inputs.users, agents: [] }, scope: 'both' })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const peakRss = process.resourceUsage().maxRSS / 1024
  gc?.()
  const planHeap = process.memoryUsage().heapUsed / 1024 / 1024 - heapBefore

  const people = inputs.people.length
  const counts = (kind: 'users' | 'agents'): string =>
    Object.entries(plan.summary[kind])
      .filter(([, value]) => value > 0)
      .map(([action, value]) => `${action} ${value.toLocaleString('en-US')}`)
      .join(', ')
  const rows: Array<[string, string]> = [
    ['input', `${people.toLocaleString('en-US')} people, ${inputs.users.length.toLocaleString('en-US')} Halo users (made and read in ${setupSeconds.toFixed(1)} s; RSS then ${inputRss.toFixed(0)} MB)`],
    ['plan', `${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${plan.rows.length.toLocaleString('en-US')} rows${gc ? `; the plan holds ${planHeap.toFixed(0)} MB of heap` : ''}`],
    ['users', counts('users')],
    ['agents', counts('agents')],
    ['sites', `${plan.sites.length} to create; ${plan.summary.sites.length} in use`],
    ['guardrail', plan.guardrail.message ?? `${plan.guardrail.deactivations} deactivations, not blocked`],
    ['peak RSS', `${peakRss.toFixed(0)} MB (the whole process: inputs, engine and plan)`]
  ]
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(11)}${value}\n`)
  const pass = seconds < 3 && peakRss < 600 && plan.rows.filter((row) => row.kind === 'user' && row.personId !== null).length === people
  process.stdout.write(`plan: ${people.toLocaleString('en-US')} people against ${inputs.users.length.toLocaleString('en-US')} Halo users in ${seconds.toFixed(2)} s (goal < 3 s), peak RSS ${peakRss.toFixed(0)} MB (goal < 600) — ${pass ? 'PASS' : 'FAIL'}\n`)
  process.exitCode = pass ? 0 : 1
}
