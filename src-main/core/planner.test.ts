/**
 * The planner on the engine's small directory: each action with its reason (create, update with only
 * what differs, deactivate for an inactive status and — when the Imports tab says so — out of scope
 * or gone from the directory, reactivate, unchanged, skipped, conflict for several records, several
 * people or one email), resolutions, sites to create, roles, CABs and licences, onboarding tickets
 * for creates only and never twice, the guardrail at its boundaries, and the same plan for the same
 * inputs. Applying a plan and planning again leaves nothing to do.
 */
import { describe, expect, it } from 'vitest'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import type { PlanRow } from '../../src-shared/plan/plan-schema'
import { applyPlan } from '../../test/helpers/apply-plan'
import { ada, alan, blank, config, directory, grace, guest, lookups, person, records } from '../../test/helpers/engine-fixtures'
import { evaluateGuardrail, guardrailAllows } from './guardrail'
import type { HaloRecords } from './halo-state'
import { buildPlan, type PlanInputs } from './planner'
import { planOps } from '../sync/plan-ops'

function plan(change?: (built: ConnectionConfig) => void, extra: Partial<PlanInputs> = {}): ReturnType<typeof buildPlan> {
  return buildPlan({ config: config(change), lookups, directory: directory(), halo: records, scope: 'both', ...extra })
}

function row(built: ReturnType<typeof buildPlan>, key: string): PlanRow {
  const found = built.rows.find((candidate) => candidate.key === key)
  if (!found) throw new Error(`no row ${key}`)
  return found
}

describe('buildPlan', () => {
  it('gives every person one row, in snapshot order, with an action and a reason', () => {
    const built = plan()
    // Users and agents in scope: a user row for everyone, an agent row for the agents.
    expect(built.rows.map((each) => [each.key, each.action])).toEqual([
      ['user:00u-ada', 'update'],
      ['user:00u-grace', 'update'],
      ['agent:00u-grace', 'update'],
      ['user:00u-alan', 'skipped'],
      ['user:00u-guest', 'create'],
      ['user:00u-blank', 'skipped']
    ])
    expect(row(built, 'user:00u-blank').reason).toBe('No site mapping matches this person, and no default site is set (Imports tab).')
    expect(built.summary.users).toMatchObject({ create: 1, update: 2, skipped: 2 })
    expect(built.summary.agents).toMatchObject({ update: 1, skipped: 0 })
    // Agents alone: everyone has an agent row, saying why those who are not agents are skipped.
    const agents = plan(undefined, { scope: 'agents' })
    expect(agents.rows.map((each) => each.key)).toEqual(['agent:00u-ada', 'agent:00u-grace', 'agent:00u-alan', 'agent:00u-guest', 'agent:00u-blank'])
    expect(row(agents, 'agent:00u-ada').reason).toBe('Not an agent: no site mapping makes them one.')
  })

  it('updates only what differs, old → new, and posts only that', () => {
    const update = row(plan(), 'user:00u-ada')
    expect(update).toMatchObject({ haloId: 101, matchedBy: 'external id', winner: 'Sequence 2: Northwind Traders by city', alsoMatched: ['Sequence 3: Head Office'] })
    expect(update.changes.find((change) => change.field === 'emailaddress')).toEqual({ field: 'emailaddress', label: 'Email address', from: 'ada.old@northwind.example', to: 'ada@northwind.example' })
    expect(update.changes.find((change) => change.field === 'okta_id')).toBeUndefined()
    expect(update.changes.find((change) => change.field === 'site_id')).toEqual({ field: 'site_id', label: 'Site', from: null, to: 'London (Northwind Traders)' })
    expect(update.roles).toEqual({ add: [{ id: 5, name: 'Approver' }], remove: [] })
    expect(update.write).toMatchObject({ id: 101, emailaddress: 'ada@northwind.example', site_id: 1, roles: [{ id: 5 }] })
    expect(update.write).not.toHaveProperty('okta_id')
    // Grace matched by email ignoring case: the email is no change, the external id is written.
    const grace = row(plan(), 'user:00u-grace')
    expect(grace.matchedBy).toBe('emailaddress')
    expect(grace.changes.map((change) => change.field)).not.toContain('emailaddress')
    expect(grace.write).toMatchObject({ id: 102, okta_id: '00u-grace' })
  })

  it('creates with every mapped field, the site, the external id and roles', () => {
    const create = row(plan(), 'user:00u-guest')
    expect(create.haloId).toBeNull()
    expect(create.site).toEqual({ kind: 'existing', id: 3, name: 'Head Office (Contoso)' })
    expect(create.write).toMatchObject({ name: 'Gus Guest', firstname: 'Gus', emailaddress: 'gus@partner.example', okta_id: '00u-guest', site_id: 3, inactive: false })
    expect(create.changes.every((change) => change.from === null)).toBe(true)
  })

  it('deactivates a person whose status is not active, and leaves one already deactivated unchanged', () => {
    const suspended = person('00u-sus', { firstName: 'Sue', lastName: 'Spended', email: 'sue@northwind.example', city: 'London', status: 'SUSPENDED' })
    const halo: HaloRecords = { users: [...records.users, { id: 105, fields: { okta_id: '00u-sus', name: 'Sue Spended', inactive: 'false' } }, { id: 106, fields: { okta_id: '00u-old', inactive: 'true' } }], agents: records.agents }
    const old = person('00u-old', { firstName: 'Olga', lastName: 'Old', city: 'Leeds', status: 'DEPROVISIONED' })
    const built = buildPlan({ config: config(), lookups, directory: directory([suspended, old]), halo, scope: 'users' })
    expect(row(built, 'user:00u-sus')).toMatchObject({ action: 'deactivate', reason: 'Okta status SUSPENDED is not counted as active (Imports tab).', write: { id: 105, inactive: true } })
    expect(row(built, 'user:00u-old')).toMatchObject({ action: 'unchanged', reason: 'Okta status DEPROVISIONED is not counted as active (Imports tab); already deactivated in Halo.' })
  })

  it('reactivates a deactivated record whose person is active again', () => {
    const halo: HaloRecords = { users: [{ ...records.users[0], id: 101, fields: { ...records.users[0]?.fields, inactive: 'true' } }, ...records.users.slice(1)], agents: records.agents }
    const again = row(buildPlan({ config: config(), lookups, directory: directory(), halo, scope: 'users' }), 'user:00u-ada')
    expect(again.action).toBe('reactivate')
    expect(again.changes).toContainEqual({ field: 'inactive', label: 'Active', from: 'no', to: 'yes' })
    expect(again.write).toMatchObject({ id: 101, inactive: false })
  })

  it('deactivates out of scope only when the Imports tab says so, and only records the person owns', () => {
    // Ada leaves every mapping; her record carries her Okta id.
    const narrow = (built: ConnectionConfig): void => {
      built.siteMappings = built.siteMappings.filter((mapping) => mapping.id === 'agents')
    }
    expect(row(plan(narrow), 'user:00u-ada').action).toBe('skipped')
    const on = row(
      plan((built) => {
        narrow(built)
        built.imports.deactivateOutOfScope = true
      }),
      'user:00u-ada'
    )
    expect(on).toMatchObject({ action: 'deactivate', reason: 'No site mapping places them any more (out of scope).', haloId: 101 })
    // Alan's two records carry no Okta id and were never linked: never deactivated.
    expect(row(plan((built) => void (built.imports.deactivateOutOfScope = true)), 'user:00u-alan').action).toBe('skipped')
  })

  it('deactivates what an earlier sync linked when its person has left the directory', () => {
    const links = { user: new Map([['00u-gone', 103]]), agent: new Map<string, number>() }
    const built = plan((built) => void (built.imports.deactivateOutOfScope = true), { links })
    expect(built.rows.at(-1)).toMatchObject({ key: 'user:halo:103', personId: null, action: 'deactivate', reason: 'No longer in the directory (out of scope).', write: { id: 103, inactive: true } })
    expect(plan(undefined, { links }).rows.some((each) => each.key === 'user:halo:103')).toBe(false)
  })

  it('calls several Halo records for one person a conflict, and takes the admin’s pick or skip', () => {
    const withDefault = (built: ConnectionConfig): void => void (built.imports.defaultSiteId = 1)
    const conflict = row(plan(withDefault, { scope: 'users' }), 'user:00u-alan')
    // Alan is suspended: a conflict still comes first, as nothing can be done until it is resolved.
    expect(conflict.action).toBe('conflict')
    expect(conflict.conflict?.candidates.map((candidate) => candidate.id)).toEqual([103, 104])
    expect(conflict.reason).toBe('2 Halo users match by emailaddress “alan@northwind.example”: pick the right one, or skip this person.')
    const picked = row(plan(withDefault, { scope: 'users', resolutions: new Map([['user:00u-alan', { pick: 104 }]]) }), 'user:00u-alan')
    expect(picked).toMatchObject({ action: 'deactivate', haloId: 104, matchedBy: 'your choice', resolution: { pick: 104 } })
    const skipped = row(plan(withDefault, { scope: 'users', resolutions: new Map([['user:00u-alan', { skip: true }]]) }), 'user:00u-alan')
    expect(skipped).toMatchObject({ action: 'skipped', reason: 'Skipped by you in the preview.' })
  })

  it('calls two people with one email, or two people for one record, a conflict', () => {
    const twin = person('00u-twin', { firstName: 'Gus', lastName: 'Twin', email: 'GUS@partner.example', department: 'Engineering', login: 'twin#EXT#@northwind.example' })
    const people = directory([ada, grace, alan, guest, blank, twin])
    const members = new Map(people.members)
    members.set('00g-eng', [...(members.get('00g-eng') ?? []), '00u-twin'])
    const built = buildPlan({ config: config(), lookups, directory: { ...people, members }, halo: records, scope: 'users' })
    expect(row(built, 'user:00u-guest')).toMatchObject({ action: 'conflict', reason: 'Gus Twin in the directory has the same email (gus@partner.example): pick the Halo record for this person, or skip them.' })
    expect(row(built, 'user:00u-twin').action).toBe('conflict')
    // One of them skipped: the other is created.
    const resolved = buildPlan({ config: config(), lookups, directory: { ...people, members }, halo: records, scope: 'users', resolutions: new Map([['user:00u-twin', { skip: true }]]) })
    expect(row(resolved, 'user:00u-guest').action).toBe('create')

    // Grace matches Halo user 102 by email, her colleague by login.
    const copy = person('00u-copy', { firstName: 'Grace', lastName: 'Copy', email: 'grace.copy@northwind.example', login: 'gcopy', city: 'Leeds' })
    const halo: HaloRecords = { users: [...records.users.slice(0, 1), { id: 102, fields: { emailaddress: 'grace@northwind.example', login: 'gcopy' } }], agents: [] }
    const shared = buildPlan({
      config: config((built) => void (built.imports.userMatching = ['login', 'emailaddress'])),
      lookups,
      directory: directory([grace, copy]),
      halo,
      scope: 'users'
    })
    expect(shared.rows.map((each) => [each.action, each.conflict?.by])).toEqual([
      ['conflict', 'emailaddress'],
      ['conflict', 'login']
    ])
    expect(shared.rows[0]?.reason).toBe('Grace Copy also matches the Halo user grace@northwind.example: pick it for one of them, or skip.')
  })

  it('creates the sites organisation-by-field mappings need, once each', () => {
    const paris = person('00u-paris', { firstName: 'Pierre', lastName: 'Martin', email: 'pierre@northwind.example', city: 'Paris' })
    const lyon = person('00u-lyon', { firstName: 'Lucie', lastName: 'Blanc', email: 'lucie@northwind.example', city: ' paris' })
    const built = buildPlan({ config: config(), lookups, directory: directory([paris, lyon]), halo: { users: [], agents: [] }, scope: 'users' })
    expect(built.sites).toEqual([{ key: 'site:10:paris', name: 'Paris', clientId: 10, clientName: 'Northwind Traders', people: 2 }])
    expect(row(built, 'user:00u-paris').site).toEqual({ kind: 'create', key: 'site:10:paris', name: 'Paris (Northwind Traders, new)' })
    expect(row(built, 'user:00u-paris').write).not.toHaveProperty('site_id')
    expect(built.summary.sites).toEqual([{ name: 'Paris (Northwind Traders, new)', count: 2, created: true }])
    // Someone already in Halo whose only change is the move to the new site: still a write, the sync fills in the site.
    const moved = buildPlan({ config: config(), lookups, directory: directory([paris]), halo: { users: [{ id: 150, fields: { okta_id: '00u-paris', name: 'Pierre Martin', firstname: 'Pierre', surname: 'Martin', emailaddress: 'pierre@northwind.example', site_id: '1' } }], agents: [] }, scope: 'users' })
    expect(row(moved, 'user:00u-paris')).toMatchObject({ action: 'update', write: { id: 150 }, site: { kind: 'create', key: 'site:10:paris' } })
    expect(planOps(moved, moved.rows).find((op) => op.ref === 'user:00u-paris')).toMatchObject({ phase: 'users', action: 'update', payload: { siteRef: 'site:10:paris' } })
  })

  it('gives agents roles, CABs and licences from groups, adding and taking away what the rules manage', () => {
    const advanced = (built: ConnectionConfig): void => {
      built.advanced.agentRoles = [{ id: 'r1', groupName: 'Change Approvers', roleId: 'role-admin', onLeave: 'remove' }]
      built.advanced.cabs = [{ id: 'c1', groupName: 'Change Approvers', cabId: 7, onLeave: 'remove' }]
      built.advanced.licences = { enabled: true, rules: [{ id: 'l1', roleId: 'role-desk', licence: 'named' }], otherwise: 'none' }
    }
    const agent = row(plan(advanced), 'agent:00u-grace')
    expect(agent.roles).toEqual({ add: [{ id: 'role-desk', name: 'Service Desk' }, { id: 'role-admin', name: 'Administrators' }], remove: [] })
    expect(agent.licence).toEqual({ from: null, to: 'named' })
    expect(agent.write).toMatchObject({ id: 201, licence_type: 1, roles: [{ id: 'role-desk' }, { id: 'role-admin' }] })
    expect(agent.cabs).toEqual({ add: [{ id: 7, name: 'Main CAB' }], remove: [] })
    expect(plan(advanced).cabs).toEqual([{ cabId: 7, name: 'Main CAB', add: ['agent:00u-grace'], remove: [] }])

    // Grace leaves Change Approvers: the managed role and CAB go, the mapping's role stays.
    const halo: HaloRecords = { users: records.users, agents: [{ id: 201, fields: { email: 'grace@northwind.example', licence_type: '1' }, roleIds: ['role-desk', 'role-admin'] }] }
    const boards = { ...lookups, cabs: [{ id: 7, name: 'Main CAB', memberAgentIds: [201] }] }
    const left = buildPlan({ config: config(advanced), lookups: boards, directory: { ...directory(), members: new Map([...directory().members].map(([group, ids]) => [group, group === '00g-cab' ? ids.filter((id) => id !== '00u-grace') : ids])) }, halo, scope: 'agents' })
    const gone = row(left, 'agent:00u-grace')
    expect(gone.roles).toEqual({ add: [], remove: [{ id: 'role-admin', name: 'Administrators' }] })
    expect(gone.licence).toBeNull()
    expect(left.cabs).toEqual([{ cabId: 7, name: 'Main CAB', add: [], remove: [201] }])
  })

  it('logs onboarding tickets for created users only, and never twice for one person', () => {
    const onboarding = (built: ConnectionConfig): void => {
      built.onboarding = { enabled: true, ticketTypeId: 21, templateId: 31, fields: [{ id: 's', target: 'summary', template: 'New starter: {displayName}' }] }
    }
    expect(plan(onboarding).tickets).toEqual([{ rowKey: 'user:00u-guest', personId: '00u-guest', name: 'Gus Guest', ticketTypeId: 21, ticketTypeName: 'New starter', templateId: 31, fields: { summary: 'New starter: Gus Guest' } }])
    expect(plan(onboarding, { onboarded: new Set(['00u-guest']) }).tickets).toEqual([])
  })

  it('is the same plan for the same inputs', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()))
  })

  it('leaves nothing to do once applied', () => {
    const advanced = (built: ConnectionConfig): void => {
      built.imports.defaultSiteId = 2
      built.advanced.cabs = [{ id: 'c1', groupName: 'Change Approvers', cabId: 7, onLeave: 'remove' }]
      built.onboarding = { enabled: true, ticketTypeId: 21, templateId: null, fields: [{ id: 's', target: 'summary', template: 'New starter: {displayName}' }] }
      built.fields.user.push({ id: 'cf', source: 'department', target: 'custom:CFCostCentre', transforms: [] })
    }
    const first = plan(advanced, { resolutions: new Map([['user:00u-alan', { pick: 103 }]]) })
    const applied = applyPlan(first, records, lookups)
    const again = buildPlan({ config: config(advanced), lookups: applied.lookups, directory: directory(), halo: applied.halo, scope: 'both', links: applied.links, onboarded: applied.onboarded })
    expect(again.rows.filter((each) => each.action !== 'unchanged' && each.action !== 'skipped').map((each) => [each.key, each.action, each.changes])).toEqual([])
    expect(again.sites).toEqual([])
    expect(again.cabs).toEqual([])
    expect(again.tickets).toEqual([])
  })
})

describe('guardrail', () => {
  const limits = { maxDeactivations: 500, maxDeactivationPercent: 20 }
  it('blocks above the count or the percentage, not at them', () => {
    expect(evaluateGuardrail(500, 10_000, limits).blocked).toBe(false)
    expect(evaluateGuardrail(501, 10_000, limits)).toMatchObject({ blocked: true, message: 'This plan deactivates 501 records, more than the 500 the guardrail allows (Imports tab).' })
    expect(evaluateGuardrail(20, 100, limits).blocked).toBe(false)
    expect(evaluateGuardrail(21, 100, limits)).toMatchObject({ blocked: true, percent: 21, message: 'This plan deactivates 21 records, 21 % of the 100 records it concerns — more than the 20 % the guardrail allows (Imports tab).' })
    expect(evaluateGuardrail(0, 0, limits).blocked).toBe(false)
    expect(evaluateGuardrail(1, 0, limits).blocked).toBe(true)
  })

  it('is overridden only by naming the exact number', () => {
    const blocked = evaluateGuardrail(21, 100, limits)
    expect(guardrailAllows(blocked, null)).toBe(false)
    expect(guardrailAllows(blocked, 20)).toBe(false)
    expect(guardrailAllows(blocked, 21)).toBe(true)
    expect(guardrailAllows(evaluateGuardrail(2, 100, limits), null)).toBe(true)
  })

  it('counts the plan’s deactivations against the records it concerns', () => {
    const built = plan((built) => {
      built.siteMappings = built.siteMappings.filter((mapping) => mapping.id === 'agents')
      built.imports.deactivateOutOfScope = true
    })
    expect(built.guardrail).toMatchObject({ deactivations: 1, blocked: true })
    expect(alan.status).toBe('SUSPENDED')
  })
})
