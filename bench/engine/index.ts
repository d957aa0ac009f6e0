/**
 * bench/engine (issue 5): the mapping engine over 100,000 generated Okta people (the sandbox's own
 * generator, normalised as the connector does) with 20 field mappings, 30 site mappings and 20 group
 * mappings, against a Halo state of 100,000 users (most matchable by email, some by stored Okta id,
 * a few conflicting, a tenth new). Prints people/s, the split between building and evaluating, outcome counts and
 * peak RSS. Goal: the whole set in under 2 s on one core, under 500 MB.
 */
import { MappingEngine } from '../../src-main/core/mapping-engine'

const generated = performance.now()
const { config, count, groups, lookups, matchableUsers, members, people, siteMappings } = await import('../shared/okta-workload')
const users = matchableUsers()
const inputSeconds = (performance.now() - generated) / 1000
const inputRss = process.memoryUsage().rss / 1024 / 1024

const cpuBefore = process.cpuUsage()
const started = performance.now()
const engine = new MappingEngine(config, lookups, { people, groups, members }, { users, agents: [] })
const built = performance.now()
let outcomes = 0
const counts = { user: 0, agent: 0, none: 0, matched: 0, conflict: 0, created: 0, newSites: 0, warnings: 0 }
for (const person of people) {
  const outcome = engine.evaluate(person, { explain: false })
  outcomes += 1
  counts[outcome.role] += 1
  if (outcome.userMatch?.kind === 'matched') counts.matched += 1
  if (outcome.userMatch?.kind === 'conflict') counts.conflict += 1
  if (outcome.userMatch?.kind === 'none') counts.created += 1
  if (outcome.user?.site?.kind === 'create') counts.newSites += 1
  counts.warnings += outcome.warnings.length
}
const finished = performance.now()
const cpu = process.cpuUsage(cpuBefore)
const seconds = (finished - started) / 1000
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const peakRss = process.resourceUsage().maxRSS / 1024

// What "Try it on a person" does: the same, with every mapping's reason spelled out.
const explainedStart = performance.now()
for (const person of people.slice(0, 1000)) engine.evaluate(person, { explain: true })
const explainedMs = (performance.now() - explainedStart) / 1000

const rows: Array<[string, string]> = [
  ['input', `${count.toLocaleString('en-US')} people, ${groups.length} groups, ${users.length.toLocaleString('en-US')} Halo users; ${config.fields.user.length} field mappings, ${siteMappings.length} site mappings, ${config.advanced.agentRoles.length + config.advanced.cabs.length + config.advanced.userRoles.length} group mappings (made in ${inputSeconds.toFixed(1)} s, RSS then ${inputRss.toFixed(0)} MB)`],
  ['build', `${((built - started) / 1000).toFixed(2)} s (indexes, compiled mappings)`],
  ['evaluate', `${((finished - built) / 1000).toFixed(2)} s for ${outcomes.toLocaleString('en-US')} people`],
  ['whole set', `${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU = ${Math.round(outcomes / seconds).toLocaleString('en-US')} people/s`],
  ['explained', `${(explainedMs * 1000).toFixed(0)} µs per person with every reason spelled out (Try it on a person; 1,000 people)`],
  ['outcomes', `${counts.user} users, ${counts.agent} agents, ${counts.none} not imported; matched ${counts.matched}, conflicts ${counts.conflict}, new ${counts.created}, new sites ${counts.newSites}; ${counts.warnings} warnings`],
  ['peak RSS', `${peakRss.toFixed(0)} MB (the whole process, inputs included)`]
]
for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(12)}${value}\n`)
const pass = seconds < 2 && peakRss < 500 && outcomes === count
process.stdout.write(`engine: ${outcomes.toLocaleString('en-US')} people in ${seconds.toFixed(2)} s (${Math.round(outcomes / seconds).toLocaleString('en-US')}/s; goal < 2 s on one core), peak RSS ${peakRss.toFixed(0)} MB (goal < 500) — ${pass ? 'PASS' : 'FAIL'}\n`)
process.exitCode = pass ? 0 : 1
