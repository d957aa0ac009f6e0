/**
 * A plan applied to plain Halo state, as Halo would store its writes (for the planner's tests): sites
 * created first, then each row's record created (a new id) or partly updated, custom fields and
 * roles as posted, CAB members added and removed. Answers the new state and what a sync would link
 * (person → Halo id) and who had an onboarding ticket, for re-planning.
 */
import { customFieldPrefix } from '../../src-shared/mapping/halo-fields'
import type { Plan } from '../../src-shared/plan/plan-schema'
import type { HaloLookups, HaloPersonRecord, HaloRecords, HaloRef } from '../../src-main/core/halo-state'

export interface Applied {
  halo: HaloRecords
  lookups: HaloLookups
  links: { user: Map<string, HaloRef>; agent: Map<string, HaloRef> }
  onboarded: Set<string>
}

export function applyPlan(plan: Plan, halo: HaloRecords, lookups: HaloLookups, before: Partial<Applied> = {}): Applied {
  let nextId = 10_000 + halo.users.length + halo.agents.length
  const sites = [...(lookups.sites ?? [])]
  const siteIds = new Map<string, HaloRef>()
  for (const site of plan.sites) {
    nextId += 1
    siteIds.set(site.key, nextId)
    sites.push({ id: nextId, name: site.name, clientId: site.clientId, clientName: site.clientName })
  }
  const users = new Map(halo.users.map((record) => [String(record.id), structuredClone(record)]))
  const agents = new Map(halo.agents.map((record) => [String(record.id), structuredClone(record)]))
  const links = { user: new Map(before.links?.user ?? []), agent: new Map(before.links?.agent ?? []) }
  const idOfRow = new Map<string, HaloRef>()
  for (const row of plan.rows) {
    if (row.write === null) {
      if (row.haloId !== null) idOfRow.set(row.key, row.haloId)
      if (row.haloId !== null && row.personId !== null && row.action !== 'skipped' && row.action !== 'conflict') links[row.kind].set(row.personId, row.haloId)
      continue
    }
    const store = row.kind === 'user' ? users : agents
    const { id, ...fields } = row.write as { id?: HaloRef } & Record<string, unknown>
    let record: HaloPersonRecord
    if (id === undefined) {
      nextId += 1
      record = { id: nextId, fields: {} }
      store.set(String(nextId), record)
    } else record = store.get(String(id)) as HaloPersonRecord
    if (row.site?.kind === 'create') fields.site_id = siteIds.get(row.site.key)
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'customfields') {
        for (const custom of value as Array<{ name: string; value: string }>) record.fields[`${customFieldPrefix}${custom.name}`] = custom.value
      } else if (field === 'roles') record.roleIds = (value as Array<{ id: HaloRef }>).map((role) => role.id)
      else record.fields[field] = typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null
    }
    if (row.site) record.fields.site_name = row.site.kind === 'create' ? (sites.find((site) => site.id === fields.site_id)?.name ?? null) : row.site.name
    idOfRow.set(row.key, record.id)
    if (row.personId !== null) links[row.kind].set(row.personId, record.id)
  }
  const cabs = (lookups.cabs ?? []).map((board) => {
    const change = plan.cabs.find((candidate) => String(candidate.cabId) === String(board.id))
    if (!change) return board
    const members = (board.memberAgentIds ?? []).filter((member) => !change.remove.some((removed) => String(removed) === String(member)))
    return { ...board, memberAgentIds: [...members, ...change.add.map((key) => idOfRow.get(key) as HaloRef)] }
  })
  const onboarded = new Set([...(before.onboarded ?? []), ...plan.tickets.map((ticket) => ticket.personId)])
  return { halo: { users: [...users.values()], agents: [...agents.values()] }, lookups: { ...lookups, sites, cabs }, links, onboarded }
}
