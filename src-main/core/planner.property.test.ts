/**
 * Properties of the planner over generated directories and Halo states (fast-check): every snapshot
 * person appears in exactly one row of the kind in scope (users when both are, with agent rows for
 * agents beside them); the same inputs give the same plan;
 * applying a plan to the Halo state and planning again leaves nothing to do (no create, update,
 * deactivation, reactivation, site, CAB change or ticket); the guardrail blocks exactly above its
 * count or percentage.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SiteMapping } from '../../src-shared/mapping/config-schema'
import { planScopes } from '../../src-shared/plan/plan-schema'
import { applyPlan } from '../../test/helpers/apply-plan'
import { directoryPerson, siteMapping } from '../../test/helpers/engine-arbitraries'
import { config, directory, lookups } from '../../test/helpers/engine-fixtures'
import { evaluateGuardrail } from './guardrail'
import type { HaloRecords } from './halo-state'
import { buildPlan } from './planner'

const agentMapping: SiteMapping = { kind: 'existing-site', id: 'agents', sequence: 0, siteId: 'agent', agentRoleId: 'role-desk', groupName: 'IT Service Desk', criteria: [], includeExternal: true, appId: null, statuses: [], userRoleId: null }

const haloState: fc.Arbitrary<HaloRecords> = fc
  .array(fc.record({ email: fc.constantFrom('a@x.example', 'b@x.example', 'A@X.example ', 'z@x.example'), inactive: fc.boolean(), site: fc.constantFrom('1', '2', '3') }), { maxLength: 6 })
  .map((rows) => ({ users: rows.map((row, index) => ({ id: index + 1, fields: { emailaddress: row.email, inactive: String(row.inactive), site_id: row.site } })), agents: [] }))

const scenario = fc.record({
  people: fc.uniqueArray(directoryPerson, { minLength: 1, maxLength: 10, selector: (candidate) => candidate.id }),
  mappings: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }).chain((keys) => fc.tuple(...keys.map((_, index) => siteMapping(`m${index}`)))),
  halo: haloState,
  deactivate: fc.boolean(),
  withAgents: fc.boolean(),
  scope: fc.constantFrom(...planScopes)
})

describe('planner properties', () => {
  it('gives every person exactly one row of each kind in scope, the same for the same inputs', () => {
    fc.assert(
      fc.property(scenario, ({ people, mappings, halo, deactivate, withAgents, scope }) => {
        const built = config((draft) => {
          draft.siteMappings = withAgents ? [agentMapping, ...mappings] : mappings
          draft.imports.deactivateOutOfScope = deactivate
        })
        const inputs = { config: built, lookups, directory: directory(people), halo, scope }
        const plan = buildPlan(inputs)
        // One row each of the kind in scope (users, when both are); agent rows beside them only for agents.
        const primary = scope === 'agents' ? 'agent' : 'user'
        expect(plan.rows.filter((row) => row.kind === primary && row.personId !== null).map((row) => row.personId)).toEqual(people.map((candidate) => candidate.id))
        expect(plan.rows.every((row) => scope === 'both' || row.kind === primary)).toBe(true)
        if (scope === 'both') expect(plan.rows.filter((row) => row.kind === 'agent').every((row) => row.action !== 'skipped')).toBe(true)
        expect(JSON.stringify(buildPlan(inputs))).toBe(JSON.stringify(plan))
      }),
      { numRuns: 150 }
    )
  })

  it('leaves nothing to do once a plan is applied', () => {
    fc.assert(
      fc.property(scenario, ({ people, mappings, halo, deactivate, withAgents, scope }) => {
        const built = config((draft) => {
          draft.siteMappings = withAgents ? [agentMapping, ...mappings] : mappings
          draft.imports.deactivateOutOfScope = deactivate
          draft.onboarding = { enabled: true, ticketTypeId: 21, templateId: null, fields: [{ id: 's', target: 'summary', template: 'New starter: {displayName}' }] }
        })
        const first = buildPlan({ config: built, lookups, directory: directory(people), halo, scope })
        const applied = applyPlan(first, halo, lookups)
        const again = buildPlan({ config: built, lookups: applied.lookups, directory: directory(people), halo: applied.halo, scope, links: applied.links, onboarded: applied.onboarded })
        const acted = again.rows.filter((row) => row.action === 'create' || row.action === 'update' || row.action === 'deactivate' || row.action === 'reactivate')
        expect(acted.map((row) => [row.key, row.action, row.changes, row.roles, row.cabs])).toEqual([])
        expect(again.sites).toEqual([])
        expect(again.cabs).toEqual([])
        expect(again.tickets).toEqual([])
      }),
      { numRuns: 150 }
    )
  })

  it('blocks exactly when deactivations exceed the count or the percentage', () => {
    fc.assert(
      fc.property(fc.nat(2_000), fc.nat(5_000), fc.nat(1_000), fc.integer({ min: 0, max: 100 }), (deactivations, extra, maxDeactivations, maxDeactivationPercent) => {
        const base = deactivations + extra
        const guardrail = evaluateGuardrail(deactivations, base, { maxDeactivations, maxDeactivationPercent })
        const percent = base === 0 ? (deactivations > 0 ? 100 : 0) : Math.round((deactivations / base) * 1000) / 10
        expect(guardrail.blocked).toBe(deactivations > maxDeactivations || percent > maxDeactivationPercent)
        expect(guardrail.message === null).toBe(!guardrail.blocked)
      })
    )
  })
})
