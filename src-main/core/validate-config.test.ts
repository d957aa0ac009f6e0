/**
 * Configuration validation: each problem located by tab, row and input, with a fix — fields targeted
 * twice, Name unmapped, a missing custom field, unknown sites / clients / roles / CABs / ticket types,
 * bad regexes, templates naming attributes nobody has, duplicate sequences, bad statuses and matching
 * fields — and look-ups never cached reported once instead of as errors.
 */
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../src-shared/mapping/config-defaults'
import { config, directory, groups, lookups } from '../../test/helpers/engine-fixtures'
import { knownAttributes } from './directory-data'
import type { HaloLookups } from './halo-state'
import { validateConfig, type ValidationContext } from './validate-config'

const context: ValidationContext = {
  lookups,
  attributes: new Set(knownAttributes(directory().people).keys()),
  groups: new Set(groups.map((group) => group.name)),
  apps: new Set(['0oa-m365'])
}

function errors(built: ReturnType<typeof config>, using = context): Array<[string, string | null, string | null, string]> {
  return validateConfig(built, using)
    .filter((issue) => issue.severity === 'error')
    .map((issue) => [issue.tab, issue.rowId, issue.field, issue.message])
}

describe('validateConfig', () => {
  it('finds nothing wrong with the defaults and the fixture mappings', () => {
    expect(validateConfig(config(), context)).toEqual([])
  })

  it('locates each field-mapping problem with its row and a fix', () => {
    const built = config((draft) => {
      draft.fields.user = draft.fields.user.filter((row) => row.target !== 'name')
      draft.fields.user.push(
        { id: 'twice', source: 'email', target: 'emailaddress', transforms: [] },
        { id: 'cf', source: 'department', target: 'custom:CFNope', transforms: [] },
        { id: 'tpl', source: '', target: 'notes', transforms: [{ kind: 'template', template: '{firstName} {favouriteColour}' }] },
        { id: 'rx', source: 'title', target: 'initials', transforms: [{ kind: 'replace', pattern: '[a-', replacement: '', ignoreCase: false }] },
        { id: 'new', source: '', target: '', transforms: [] }
      )
      draft.fields.agent.push({ id: 'agent-cf', source: 'department', target: 'custom:CFCostCentre', transforms: [] })
    })
    expect(errors(built)).toEqual([
      ['fields', 'twice', 'target', 'User mapping 10: Email address is already filled by user mapping 3. Each Halo field takes one row.'],
      ['fields', 'cf', 'target', 'User mapping 11: the custom field CFNope does not exist in Halo.'],
      ['fields', 'tpl', 'transforms', 'User mapping 12, transform 1: the template names {favouriteColour}, which no one in the directory snapshot has.'],
      ['fields', 'rx', 'transforms', expect.stringMatching(/^User mapping 13, transform 1: The pattern "\[a-" is not a valid regular expression/) as string],
      ['fields', 'new', 'target', 'User mapping 14: no Halo field is chosen.'],
      ['fields', null, 'target', 'No user mapping fills Name, and Halo refuses users without one.'],
      ['fields', 'agent-cf', 'target', 'Agent mapping 7: "custom:CFCostCentre" is not a Halo agent field (custom fields can be mapped for users only).']
    ])
    expect(validateConfig(built, context).find((issue) => issue.rowId === 'twice')?.fix).toBe('Delete one of the two rows, or point it at another Halo field.')
  })

  it('checks site mappings against Halo and the snapshot', () => {
    const built = config((draft) => {
      draft.siteMappings.push(
        { kind: 'existing-site', id: 'gone', sequence: 2, siteId: 99, agentRoleId: null, groupName: 'Nobody', criteria: [{ field: 'department', operator: 'equals', value: '' }], includeExternal: false, appId: null, statuses: ['HAPPY'], userRoleId: 42 },
        { kind: 'organisation-by-field', id: 'org', sequence: 8, clientId: 77, field: 'shoeSize', groupName: null, criteria: [{ field: 'city', operator: 'matches', value: '(' }], includeExternal: false, appId: null, statuses: [], userRoleId: null }
      )
    })
    expect(errors(built)).toEqual([
      ['sites', 'gone', 'sequence', 'Site mapping 4 (sequence 2): sequence 2 is used twice.'],
      ['sites', 'gone', 'siteId', 'Site mapping 4 (sequence 2): the site 99 does not exist in Halo.'],
      ['sites', 'gone', 'userRoleId', 'Site mapping 4 (sequence 2): the user role 42 does not exist in Halo.'],
      ['sites', 'gone', 'statuses', 'Site mapping 4 (sequence 2): "HAPPY" is not an Okta status.'],
      ['sites', 'gone', 'criteria', 'Site mapping 4 (sequence 2), criterion 1: "department" needs a value to compare with.'],
      ['sites', 'org', 'clientId', 'Site mapping 5 (sequence 8): the client 77 does not exist in Halo.'],
      ['sites', 'org', 'field', 'Site mapping 5 (sequence 8): no one in the directory snapshot has the attribute "shoeSize" to name sites by.'],
      ['sites', 'org', 'criteria', expect.stringMatching(/^Site mapping 5 \(sequence 8\), criterion 1: The pattern "\(" is not a valid regular expression/) as string]
    ])
    expect(validateConfig(built, context).filter((issue) => issue.severity === 'warning').map((issue) => issue.message)).toEqual([
      'Site mapping 4 (sequence 2): there is no group named "Nobody" in the directory snapshot, so this mapping matches no one.'
    ])
  })

  it('checks advanced mappings, onboarding and imports', () => {
    const built = config((draft) => {
      draft.advanced.agentRoles.push({ id: 'ar', groupName: 'Engineering', roleId: 'role-gone', onLeave: 'remove' })
      draft.advanced.cabs.push({ id: 'cab', groupName: 'Change Approvers', cabId: 8, onLeave: 'remove' })
      draft.onboarding.enabled = true
      draft.onboarding.fields.push({ id: 'again', target: 'summary', template: 'Hello {nickname}' })
      draft.imports.userMatching = ['emailaddress', 'shoe', 'emailaddress']
      draft.imports.activeStatuses = []
      draft.imports.defaultSiteId = 404
    })
    expect(errors(built)).toEqual([
      ['advanced', 'ar', 'roleId', 'Agent role mapping 1: the agent role "role-gone" does not exist in Halo.'],
      ['advanced', 'cab', 'cabId', 'CAB mapping 1: the change advisory board 8 does not exist in Halo.'],
      ['onboarding', null, 'ticketTypeId', 'Onboarding is on, but no ticket type is chosen.'],
      ['onboarding', 'again', 'target', 'Onboarding field 3: the ticket field Summary is filled twice.'],
      ['onboarding', 'again', 'template', 'Onboarding field 3: the template names {nickname}, which no one in the directory snapshot has.'],
      ['imports', null, 'userMatching', 'User matching field 2 is "shoe", which is not a Halo user field Identity Studio can match on.'],
      ['imports', null, 'userMatching', 'User matching lists Email address twice.'],
      ['imports', null, 'activeStatuses', 'No Okta status counts as active, so every person would be deactivated.'],
      ['imports', null, 'defaultSiteId', 'The default site: the site 404 does not exist in Halo.']
    ])
  })

  it('checks the onboarding ticket: its type, a template of that type, a summary, ticket fields Halo has, no empty template', () => {
    const built = config((draft) => {
      draft.onboarding = {
        enabled: true,
        ticketTypeId: 21,
        templateId: 32,
        fields: [
          { id: 'details', target: 'details', template: '{displayName} starts' },
          { id: 'cf', target: 'custom:CFNope', template: '{email}' },
          { id: 'odd', target: 'priority', template: 'High' },
          { id: 'blank', target: 'custom:CFStarterEmail', template: '  ' }
        ]
      }
    })
    expect(errors(built)).toEqual([
      ['onboarding', null, 'templateId', 'Onboarding: the template "Printer fault" is for Incident tickets, not New starter.'],
      ['onboarding', 'cf', 'target', 'Onboarding field 2: the ticket custom field CFNope does not exist in Halo.'],
      ['onboarding', 'odd', 'target', 'Onboarding field 3: "priority" is not a ticket field Identity Studio can fill.'],
      ['onboarding', 'blank', 'template', 'Onboarding field 4: the template is empty, so CFStarterEmail would be blank.']
    ])
    // Without a template, a ticket needs a summary row; a template of the right type gives one.
    built.onboarding.templateId = null
    expect(errors(built)).toContainEqual(['onboarding', null, 'fields', 'Onboarding tickets would have no summary, and Halo refuses a ticket without one.'])
    built.onboarding.templateId = 31
    expect(errors(built).filter(([tab, rowId]) => tab === 'onboarding' && rowId === null)).toEqual([])
    built.onboarding.templateId = 99
    expect(errors(built)).toContainEqual(['onboarding', null, 'templateId', 'Onboarding: the ticket template 99 does not exist in Halo.'])
  })

  it('says once per look-up that it was never cached, instead of failing every row', () => {
    const empty: HaloLookups = { sites: null, clients: null, agentRoles: null, userRoles: null, cabs: null, ticketTypes: null, templates: null, customFields: null, ticketCustomFields: null }
    const issues = validateConfig(config(), { lookups: empty, attributes: null, groups: null, apps: null })
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true)
    expect(issues.map((issue) => issue.message)).toEqual([
      "Halo's agent roles are not cached, so they cannot be checked.",
      "Halo's clients are not cached, so they cannot be checked.",
      "Halo's user roles are not cached, so they cannot be checked.",
      "Halo's sites are not cached, so they cannot be checked."
    ])
  })

  it('keeps Entra filters to what Entra has', () => {
    const built = defaultConfig('entra')
    built.siteMappings.push({ kind: 'existing-site', id: 'x', sequence: 1, siteId: 1, agentRoleId: null, groupName: null, criteria: [], includeExternal: false, appId: '0oa-m365', statuses: [], userRoleId: null })
    expect(errors(built)).toEqual([['sites', 'x', 'appId', 'Site mapping 1 (sequence 1): status and app filters are for Okta connections.']])
  })
})
