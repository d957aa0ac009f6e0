/**
 * Mapping design end to end in main, on the demo Okta org and the demo Halo company (real sandboxes,
 * real SQLite, real keychain): the defaults are valid on the demo snapshot, a configuration with
 * errors is refused and nothing is saved, a good one is saved and read back, export → import into
 * another connection gives the same configuration, Try it on a person and the site counts work —
 * and all of it still works with both sandboxes stopped.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { StudioError } from '../../src-shared/contract'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import { addSandboxHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setUp(): Promise<{ workspace: TempWorkspace; okta: OktaSandbox; halo: HaloSandbox; connectionId: string; secondId: string; haloId: string }> {
  const halo = await startHaloSandbox({})
  const okta = await startOktaSandbox({})
  const workspace = openTempWorkspace()
  cleanups.push(() => workspace.dispose(), () => okta.close(), () => halo.close())
  const haloId = await addSandboxHaloInstance(workspace, halo)
  expect((await workspace.services.halo.refreshLookups(haloId)).offline).toBe(false)
  const form = { haloInstanceId: haloId, orgUrl: okta.orgUrl, authMode: 'api_token' as const, apiToken: okta.credentials.apiToken, clientId: null, privateKey: null, keyId: null }
  const connection = await workspace.services.connections.saveOkta({ name: 'Northwind Okta', ...form })
  const second = await workspace.services.connections.saveOkta({ name: 'Second Okta', ...form })
  await workspace.services.connections.fetch(connection.id)
  await workspace.services.connections.fetch(second.id)
  return { workspace, okta, halo, connectionId: connection.id, secondId: second.id, haloId }
}

function siteOf(halo: HaloSandbox, name: string): number {
  const site = halo.store.all('sites').find((record) => record.name === name)
  if (!site) throw new Error(`no site ${name}`)
  return Number(site.id)
}

function design(config: ConnectionConfig, halo: HaloSandbox): ConnectionConfig {
  const client = halo.store.all('clients')[0]
  return {
    ...structuredClone(config),
    siteMappings: [
      { kind: 'existing-site', id: 'it-agents', sequence: 1, siteId: 'agent', agentRoleId: null, groupName: 'Department - IT', criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null },
      { kind: 'existing-site', id: 'london', sequence: 2, siteId: siteOf(halo, 'London – Head Office'), agentRoleId: null, groupName: null, criteria: [{ field: 'city', operator: 'equals', value: 'London' }], includeExternal: false, appId: null, statuses: [], userRoleId: null },
      { kind: 'organisation-by-field', id: 'by-city', sequence: 3, clientId: Number(client?.id), field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
    ]
  }
}

describe('MappingService', () => {
  it('designs, refuses, saves, exports, imports and tries — and works with the sandboxes stopped', async () => {
    const { workspace, okta, halo, connectionId, secondId } = await setUp()
    const mapping = workspace.services.mapping

    const initial = mapping.get(connectionId)
    expect(initial.stored).toBe(false)
    expect(initial.context.lookupsCached).toBe(true)
    expect(initial.context.snapshotFetchedAt).not.toBeNull()
    // The defaults are valid on the demo snapshot; the one warning is that nothing is mapped to a site yet.
    expect(initial.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(initial.issues.map((issue) => issue.tab)).toEqual(['sites'])

    // Errors: nothing saved.
    const broken = design(initial.config, halo)
    broken.fields.user.push({ id: 'again', source: 'email', target: 'emailaddress', transforms: [] })
    const refused = (() => {
      try {
        mapping.save(connectionId, broken)
      } catch (error) {
        return error
      }
      return null
    })()
    expect(refused).toBeInstanceOf(StudioError)
    expect((refused as StudioError).code).toBe('VALIDATION_FAILED')
    expect((refused as StudioError).details?.issues).toEqual([expect.objectContaining({ tab: 'fields', rowId: 'again', field: 'target' })])
    expect(mapping.get(connectionId).stored).toBe(false)

    const good = design(initial.config, halo)
    const saved = mapping.save(connectionId, good)
    expect(saved.stored).toBe(true)
    expect(saved.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(mapping.get(connectionId).config).toEqual(good)

    // Live counts: everyone in IT wins the agent mapping; the by-city mapping matches everyone with a city.
    const counts = mapping.siteCounts(connectionId, good)
    expect(counts.people).toBe(okta.truth().users)
    expect(counts.counts.find((count) => count.mappingId === 'it-agents')?.wins).toBeGreaterThan(0)
    expect(counts.counts.reduce((sum, count) => sum + count.wins, 0)).toBeLessThanOrEqual(counts.people)

    // Try it on a person: a London person lands in London with every reason.
    const people = workspace.services.connections.snapshotPeople(connectionId, { search: '', offset: 0, limit: 500 }).rows
    const londoner = people.find((person) => person.city === 'London' && person.department !== 'IT')
    expect(londoner).toBeDefined()
    const tried = mapping.tryPerson(connectionId, good, londoner?.id ?? '')
    const outcome = tried.outcome
    expect(tried.haloPeopleFetchedAt).not.toBeNull()
    expect(outcome.winner).toBe('london')
    expect(outcome.user?.site).toMatchObject({ kind: 'existing', siteName: 'London – Head Office' })
    expect(outcome.checks[0]).toMatchObject({ mappingId: 'it-agents', matched: false, reason: 'not in the group "Department - IT"' })
    expect(outcome.user?.fields.find((field) => field.target === 'emailaddress')?.value).toBe(londoner?.email)

    // Matching against Halo's users as last read (Refresh look-ups reads them): an email differing only in case still matches.
    const emailCase = okta.truth().halo.changed.find((change) => change.change === 'emailCase')
    const recased = people.find((person) => person.login === emailCase?.login)
    const everyone: ConnectionConfig = { ...structuredClone(good), imports: { ...good.imports, defaultSiteId: siteOf(halo, 'Manchester') } }
    expect(mapping.tryPerson(connectionId, everyone, recased?.id ?? '').outcome.userMatch).toMatchObject({ kind: 'matched', by: 'emailaddress' })

    // Onboarding from Halo's cached ticket types, templates and ticket custom fields: a ticket custom
    // field is no user field, a template of another ticket type is refused, and Try it shows the ticket.
    const idOf = (kind: string, name: string): number => Number(halo.store.all(kind).find((record) => record.name === name)?.id)
    const onboarding: ConnectionConfig = structuredClone(good)
    onboarding.onboarding = {
      enabled: true,
      ticketTypeId: idOf('ticketTypes', 'New Starter'),
      templateId: idOf('templates', 'Leaver — standard'),
      fields: [...good.onboarding.fields, { id: 'starter-email', target: 'custom:CFStarterEmail', template: '{email}' }]
    }
    onboarding.fields.user.push({ id: 'ticket-field', source: 'email', target: 'custom:CFStarterEmail', transforms: [] })
    expect(mapping.validate(connectionId, onboarding).filter((issue) => issue.severity === 'error').map((issue) => issue.message)).toEqual([
      'User mapping 11: the custom field CFStarterEmail does not exist in Halo.',
      'Onboarding: the template "Leaver — standard" is for Leaver tickets, not New Starter.'
    ])
    onboarding.fields.user.pop()
    onboarding.onboarding.templateId = idOf('templates', 'New starter — standard kit')
    expect(mapping.validate(connectionId, onboarding).filter((issue) => issue.severity === 'error')).toEqual([])
    expect(mapping.tryPerson(connectionId, onboarding, londoner?.id ?? '').outcome.onboarding).toMatchObject({
      ticketTypeName: 'New Starter',
      templateName: 'New starter — standard kit',
      fields: expect.arrayContaining([{ target: 'custom:CFStarterEmail', label: 'CFStarterEmail', value: londoner?.email, ruleId: 'starter-email' }]) as unknown
    })

    // Export, then import into the other connection: it says what changes, and saves the same.
    const exported = mapping.export(connectionId)
    expect(exported.fileName).toBe('northwind-okta.identity-studio.json')
    expect(exported.text).not.toMatch(new RegExp(okta.credentials.apiToken))
    const preview = mapping.readImport(secondId, exported.text)
    expect(preview.ok && preview.changes).toEqual(['Site mappings: 3 added'])
    if (!preview.ok) throw new Error(preview.problems.join(' '))
    mapping.save(secondId, preview.config)
    expect(mapping.get(secondId).config).toEqual(mapping.get(connectionId).config)
    expect(mapping.readImport(secondId, '{"version": 99}')).toMatchObject({ ok: false })

    // An app filter: the next fetch reads that app's assignments, and the filter counts its people.
    const app = (await (await fetch(`${okta.orgUrl}/api/v1/apps?limit=200`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })).json()) as Array<{ id: string; label: string }>
    const slack = app.find((candidate) => candidate.label === 'Slack')
    expect(slack).toBeDefined()
    const assigned = (await (await fetch(`${okta.orgUrl}/api/v1/apps/${slack?.id ?? ''}/users?limit=500`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })).json()) as unknown[]
    const withApp: ConnectionConfig = structuredClone(good)
    withApp.siteMappings.push({ kind: 'existing-site', id: 'slack', sequence: 9, siteId: siteOf(halo, 'Manchester'), agentRoleId: null, groupName: null, criteria: [], includeExternal: true, appId: slack?.id ?? null, statuses: [], userRoleId: null })
    mapping.save(connectionId, withApp)
    expect(mapping.assignmentApps(connectionId)).toEqual([slack?.id])
    await workspace.services.connections.fetch(connectionId)
    expect(mapping.siteCounts(connectionId, withApp).counts.find((count) => count.mappingId === 'slack')?.matches).toBe(assigned.length)

    // Offline: both sandboxes gone, everything above still answers from the snapshot and the cache.
    await okta.close()
    await halo.close()
    expect(mapping.get(connectionId).issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(mapping.tryPerson(connectionId, good, londoner?.id ?? '').outcome.winner).toBe('london')
    expect(mapping.attributes(connectionId).map((attribute) => attribute.name)).toEqual(expect.arrayContaining(['city', 'department', 'email', 'firstName', 'managerId']))
  }, 60_000)
})
