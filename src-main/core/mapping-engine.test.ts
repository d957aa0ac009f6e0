/**
 * The mapping engine on a small directory: sequence decides the winner and the others say why they
 * did not win, agents get their user record from the next user mapping, organisation-by-field names
 * or creates sites, group mappings give and manage roles and CABs, licences follow roles, fields are
 * transformed and checked, managers resolved, and people matched by external id, then by the
 * matching fields in order, with several candidates a conflict.
 */
import { describe, expect, it } from 'vitest'
import { ada, alan, blank, config, directory, grace, guest, lookups, person, records } from '../../test/helpers/engine-fixtures'
import { MappingEngine } from './mapping-engine'

function engine(change?: Parameters<typeof config>[0], people = directory()): MappingEngine {
  return new MappingEngine(config(change), lookups, people, records)
}

function field(outcome: ReturnType<MappingEngine['evaluate']>, kind: 'user' | 'agent', target: string): string | null | undefined {
  return outcome[kind]?.fields.find((result) => result.target === target)?.value
}

describe('site mappings', () => {
  it('lets the lowest sequence win, and says why each other mapping did not', () => {
    const outcome = engine().evaluate(ada)
    expect(outcome.role).toBe('user')
    expect(outcome.winner).toBe('by-city')
    expect(outcome.checks.map((check) => [check.mappingId, check.matched, check.reason])).toEqual([
      ['agents', false, 'not in the group "IT Service Desk"'],
      ['by-city', true, null],
      ['engineering', true, 'also matched, but sequence 2 comes first']
    ])
    // London exists under Northwind Traders: no site is created.
    expect(outcome.user?.site).toEqual({ kind: 'existing', siteId: 1, siteName: 'London', clientName: 'Northwind Traders', byDefault: false })
    expect(outcome.user?.roles.desired).toEqual([{ id: 5, name: 'Approver', via: 'Sequence 2: Northwind Traders by city' }])
  })

  it('reorders by sequence, not by position in the list', () => {
    const outcome = engine((built) => {
      const city = built.siteMappings.find((mapping) => mapping.id === 'by-city')
      if (city) city.sequence = 9
    }).evaluate(ada)
    expect(outcome.winner).toBe('engineering')
    expect(outcome.user?.site).toMatchObject({ kind: 'existing', siteId: 3, siteName: 'Head Office' })
  })

  it('creates a site under the client when the field names one Halo lacks, and skips people with the field empty', () => {
    const paris = person('00u-paris', { firstName: 'Pierre', lastName: 'Martin', city: 'Paris' })
    const result = engine(undefined, directory([paris, blank]))
    expect(result.evaluate(paris).user?.site).toEqual({ kind: 'create', siteName: 'Paris', clientId: 10, clientName: 'Northwind Traders' })
    const skipped = result.evaluate(blank)
    expect(skipped.role).toBe('none')
    expect(skipped.checks.find((check) => check.mappingId === 'by-city')?.reason).toBe('city is empty, so there is no site name')
    expect(skipped.skipReason).toBe('No site mapping matches this person, and no default site is set (Imports tab).')
  })

  it('makes *agent* people agents, with their user record from the next user mapping and roles from groups', () => {
    const outcome = engine((built) => {
      built.advanced.agentRoles = [{ id: 'r1', groupName: 'Change Approvers', roleId: 'role-admin', onLeave: 'remove' }]
      built.advanced.cabs = [{ id: 'c1', groupName: 'Change Approvers', cabId: 7, onLeave: 'keep' }]
      built.advanced.licences = { enabled: true, rules: [{ id: 'l1', roleId: 'role-desk', licence: 'named' }], otherwise: 'none' }
    }).evaluate(grace)
    expect(outcome.role).toBe('agent')
    expect(outcome.user?.site).toMatchObject({ kind: 'existing', siteName: 'Leeds' })
    expect(outcome.agent?.roles.desired.map((role) => [role.name, role.via])).toEqual([
      ['Service Desk', 'Sequence 1: *agent*'],
      ['Administrators', 'group "Change Approvers"']
    ])
    expect(outcome.agent?.roles.managed).toEqual(['role-admin'])
    expect(outcome.agent?.cabs).toEqual({ desired: [{ id: 7, name: 'Main CAB', via: 'group "Change Approvers"' }], managed: [] })
    expect(outcome.agent?.licence).toBe('named')
    expect(field(outcome, 'agent', 'email')).toBe('grace@northwind.example')
  })

  it('leaves guests out unless a mapping includes external users, and honours statuses and apps', () => {
    const result = engine((built) => {
      built.siteMappings.push({ kind: 'existing-site', id: 'm365', sequence: 4, siteId: 2, agentRoleId: null, groupName: null, criteria: [], includeExternal: false, appId: '0oa-m365', statuses: ['SUSPENDED'], userRoleId: null })
    })
    const outcome = result.evaluate(guest)
    expect(outcome.checks.find((check) => check.mappingId === 'by-city')?.reason).toBe('an external (guest) account, and this mapping leaves them out')
    expect(outcome.winner).toBe('engineering')
    expect(result.evaluate(alan).winner).toBe('m365')
    expect(result.evaluate(ada).checks.find((check) => check.mappingId === 'm365')?.reason).toBe('status ACTIVE is not one of SUSPENDED')
  })

  it('filters on field criteria, saying what the value was', () => {
    const outcome = engine((built) => {
      built.siteMappings = [
        { kind: 'existing-site', id: 'fin', sequence: 1, siteId: 1, agentRoleId: null, groupName: null, criteria: [{ field: 'department', operator: 'equals', value: 'finance' }], includeExternal: false, appId: null, statuses: [], userRoleId: null }
      ]
    }).evaluate(ada)
    expect(outcome.checks[0]?.reason).toBe('department equals "finance" is not true (department is "engineering")')
  })

  it('sends people no mapping matches to the default site, when there is one', () => {
    const outcome = engine((built) => {
      built.siteMappings = []
      built.imports.defaultSiteId = 2
    }).evaluate(blank)
    expect(outcome.role).toBe('user')
    expect(outcome.user?.site).toEqual({ kind: 'existing', siteId: 2, siteName: 'Leeds', clientName: 'Northwind Traders', byDefault: true })
  })

  it('lists only the mappings that matched when not asked to explain, with the same result', () => {
    const result = engine()
    for (const someone of [ada, grace, alan, guest, blank]) {
      const full = result.evaluate(someone)
      const brief = result.evaluate(someone, { explain: false })
      expect(brief.checks).toEqual(full.checks.filter((check) => check.matched))
      expect({ ...brief, checks: [] }).toEqual({ ...full, checks: [] })
    }
  })

  it('imports no agents when only users are imported', () => {
    const outcome = engine((built) => {
      built.imports.importType = 'users'
    }).evaluate(grace)
    expect(outcome.role).toBe('user')
    expect(outcome.checks[0]?.reason).toBe('agents are not imported (Imports tab)')
  })
})

describe('fields', () => {
  it('writes the external id, maps and transforms fields, and resolves the manager from the snapshot', () => {
    const outcome = engine((built) => {
      built.fields.user.push({ id: 'cf', source: 'department', target: 'custom:CFCostCentre', transforms: [{ kind: 'lookup', entries: [{ from: 'it', to: 'CC-100' }], ignoreCase: true, otherwise: 'fallback', fallback: 'CC-000' }] })
      const name = built.fields.user.find((row) => row.target === 'name')
      if (name) name.transforms = [{ kind: 'template', template: '{lastName}, {firstName}' }, { kind: 'case', to: 'upper' }]
    }).evaluate(grace)
    expect(outcome.user?.fields[0]).toMatchObject({ target: 'okta_id', value: '00u-grace', ruleId: null })
    expect(field(outcome, 'user', 'name')).toBe('HOPPER, GRACE')
    expect(field(outcome, 'user', 'custom:CFCostCentre')).toBe('CC-100')
    expect(field(outcome, 'user', 'manager_email')).toBe('ada@northwind.example')
    expect(outcome.warnings).toEqual([])
  })

  it('warns about empty required fields, values too long, invalid emails, unknown custom fields and unresolved managers', () => {
    const long = person('00u-long', { firstName: 'X'.repeat(120), lastName: 'Y', email: 'not-an-email', managerId: 'E404', city: 'London', displayName: '' })
    const outcome = engine((built) => {
      built.fields.user.push({ id: 'cf', source: 'department', target: 'custom:CFMissing', transforms: [] })
    }, directory([long])).evaluate(long)
    expect(outcome.warnings.map((warning) => warning.code).sort()).toEqual(['invalid-email', 'manager-unresolved', 'required-empty', 'too-long', 'unknown-custom-field'])
    expect(outcome.user?.fields.find((result) => result.target === 'manager_email')).toMatchObject({ value: null, note: 'resolved at import (E404)' })
  })

  it('keeps a value untransformed, with a warning, when a regex does not compile', () => {
    const outcome = engine((built) => {
      const title = built.fields.user.find((row) => row.target === 'title')
      if (title) title.transforms = [{ kind: 'replace', pattern: '(unclosed', replacement: '', ignoreCase: false }]
    }).evaluate(ada)
    expect(field(outcome, 'user', 'title')).toBe('Engineer')
    expect(outcome.warnings[0]?.code).toBe('transform-failed')
  })
})

describe('matching and activity', () => {
  it('matches by stored external id first, then by the matching fields in order, ignoring case and spaces', () => {
    const result = engine()
    expect(result.evaluate(ada).userMatch).toEqual({ kind: 'matched', recordId: 101, by: 'external id', value: '00u-ada' })
    expect(result.evaluate(grace).userMatch).toEqual({ kind: 'matched', recordId: 102, by: 'emailaddress', value: 'grace@northwind.example' })
    expect(result.evaluate(grace).agentMatch).toEqual({ kind: 'matched', recordId: 201, by: 'email', value: 'grace@northwind.example' })
    expect(result.evaluate(guest).userMatch).toEqual({ kind: 'none' })
  })

  it('calls two candidates a conflict, never a guess', () => {
    const outcome = engine((built) => {
      built.imports.defaultSiteId = 1
    }).evaluate(alan)
    expect(outcome.userMatch).toEqual({ kind: 'conflict', recordIds: [103, 104], by: 'emailaddress', value: 'alan@northwind.example' })
  })

  it('counts the chosen Okta statuses as active', () => {
    const result = engine()
    expect(result.evaluate(ada).active).toBe(true)
    expect(result.evaluate(alan).active).toBe(false)
  })
})

describe('onboarding', () => {
  const onboarding = (built: Parameters<Parameters<typeof config>[0] & object>[0]): void => {
    built.onboarding = {
      enabled: true,
      ticketTypeId: 21,
      templateId: 31,
      fields: [
        { id: 'summary', target: 'summary', template: 'New starter: {displayName}' },
        { id: 'details', target: 'details', template: '{displayName} joins {department} in {city}. Phone: {primaryPhone}' },
        { id: 'cf', target: 'custom:CFStarterEmail', template: '{email}' }
      ]
    }
  }

  it('renders the ticket a creation would log over the person’s attributes, with the type and template names', () => {
    const outcome = engine(onboarding).evaluate(ada)
    expect(outcome.onboarding).toEqual({
      ticketTypeId: 21,
      ticketTypeName: 'New starter',
      templateId: 31,
      templateName: 'Standard new starter',
      fields: [
        { target: 'summary', label: 'Summary', value: 'New starter: Ada Lovelace', ruleId: 'summary' },
        { target: 'details', label: 'Details', value: 'Ada Lovelace joins Engineering in London. Phone: +44 20 7946 0000', ruleId: 'details' },
        { target: 'custom:CFStarterEmail', label: 'CFStarterEmail', value: 'ada@northwind.example', ruleId: 'cf' }
      ]
    })
    // Empty attributes leave their placeholder empty; a field rendering to nothing is null.
    const withDefaultSite = engine((built) => {
      onboarding(built)
      built.imports.defaultSiteId = 1
    })
    expect(withDefaultSite.evaluate(blank).onboarding?.fields.find((row) => row.target === 'custom:CFStarterEmail')?.value).toBeNull()
  })

  it('has no ticket with onboarding off, or for someone not imported', () => {
    expect(engine().evaluate(ada).onboarding).toBeNull()
    const none = engine((built) => {
      onboarding(built)
      built.siteMappings = []
    }).evaluate(ada)
    expect(none.role).toBe('none')
    expect(none.onboarding).toBeNull()
  })

  it('warns when a ticket field is longer than Halo keeps', () => {
    const outcome = engine((built) => {
      onboarding(built)
      built.onboarding.fields[0] = { id: 'summary', target: 'summary', template: `${'x'.repeat(250)} {displayName}` }
    }).evaluate(ada)
    expect(outcome.warnings).toContainEqual({ code: 'too-long', target: 'ticket:summary', message: 'Onboarding ticket Summary is 263 characters; Halo keeps at most 255.' })
  })
})
