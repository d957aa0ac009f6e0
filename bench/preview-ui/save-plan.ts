/**
 * bench/preview-ui's set-up, in its own process: builds the bench/plan workload's plan (100,000
 * people against 100,000 Halo users) and saves it in a new workspace at argv[2] as a preview would,
 * with a Halo instance and an Okta connection. Prints {connectionId, rows, saveSeconds} as JSON. Its
 * own process so that the measuring process holds what the app's would, not the workload.
 */
import path from 'node:path'
import type { HaloPersonRecord } from '../../src-main/core/halo-state'
import { MappingEngine } from '../../src-main/core/mapping-engine'
import { buildPlan } from '../../src-main/core/planner'
import { PlanStore } from '../../src-main/plans/plan-store'
import { createLogger } from '../../src-main/runtime/logger'
import { openWorkspace } from '../../src-main/runtime/workspace'
import { MemorySecrets } from '../shared/memory-secrets'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: save-plan.ts DATA_DIR')
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

const workspace = openWorkspace({ dataDir, mode: 'browser', version: 'bench', migrationsFolder: path.join(import.meta.dirname, '..', '..', 'drizzle'), openUrl: () => Promise.resolve(), log: createLogger(() => undefined), keychain: new MemorySecrets() })
const instance = await workspace.services.halo.save({ name: 'Bench Halo', baseUrl: 'https://halo.northwind.example', deployment: 'on-premise', tenant: null, authServerUrl: null, authMode: 'client_credentials', clientId: 'bench', clientSecret: 'bench', scope: 'all', rateLimitRequests: 300, rateLimitWindowSeconds: 300 })
const connection = await workspace.services.connections.saveOkta({ name: 'Bench Okta', haloInstanceId: instance.id, orgUrl: 'https://northwind.okta.com', authMode: 'api_token', apiToken: 'bench', clientId: null, privateKey: null, keyId: null })
const saving = performance.now()
new PlanStore(workspace.database.db, workspace.database.sqlite).save(connection.id, plan, { snapshotId: 'bench', snapshotFetchedAt: new Date().toISOString(), configHash: 'bench', haloReadAt: null, haloLive: true, haloOffline: null }, new Date().toISOString())
const saveSeconds = (performance.now() - saving) / 1000
workspace.close()
process.stdout.write(`${JSON.stringify({ connectionId: connection.id, rows: plan.rows.length, saveSeconds })}\n`)
