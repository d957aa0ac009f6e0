/**
 * Entra licence import through the whole pipeline, against the Entra and Halo sandboxes: the
 * tenant's licences become software licences of the chosen Halo client (the checklist asks for the
 * permission to read them), imported users are linked to the licences Entra assigns them, and a
 * second sync has nothing to do. Then, with "manage from Halo" on, a licence linked in Halo is
 * assigned in Entra, one unlinked in Halo is removed there, a user without a usage location fails
 * with what to fix, and a licence assigned in Entra is followed in Halo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import { addSandboxHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'

let halo: HaloSandbox
let entra: EntraSandbox
let workspace: TempWorkspace
let connectionId: string
let instanceId: string
let clientId: number

beforeAll(async () => {
  halo = await startHaloSandbox({ rateLimit: { requests: 100_000, windowMs: 60_000 } })
  entra = await startEntraSandbox({ people: 120 })
  workspace = openTempWorkspace()
  instanceId = await addSandboxHaloInstance(workspace, halo, { requests: 100_000, windowSeconds: 60 })
  connectionId = (await workspace.services.connections.saveEntra({ name: 'Northwind Entra ID', haloInstanceId: instanceId, tenantType: 'single', signIn: 'application', tenantId: entra.tenantId, clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, secretExpiresOn: null, authorityHost: entra.baseUrl, graphHost: entra.baseUrl, delta: false, devices: false })).id
  await workspace.services.halo.refreshLookups(instanceId)
  clientId = Number(halo.store.all('clients')[0]?.id)
  configure((config) => {
    config.siteMappings = [{ kind: 'organisation-by-field', id: 'by-city', sequence: 1, clientId, field: 'city', groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }]
    config.imports = { ...config.imports, importType: 'users', guardrails: { maxDeactivations: 100_000, maxDeactivationPercent: 100 } }
    config.advanced.directoryLicences = { enabled: true, clientId, manageFromHalo: false }
  })
}, 120_000)

afterAll(async () => {
  await workspace.dispose()
  await entra.close()
  await halo.close()
})

function configure(change: (config: ConnectionConfig) => void): void {
  const config = structuredClone(workspace.services.mapping.get(connectionId).config)
  change(config)
  const saved = workspace.services.mapping.save(connectionId, config)
  expect(saved.issues.filter((issue) => issue.severity === 'error')).toEqual([])
}

async function fetchAndSync(): Promise<{ runId: string; plan: Awaited<ReturnType<TempWorkspace['services']['plans']['build']>> }> {
  await workspace.services.connections.fetch(connectionId)
  const plan = await workspace.services.plans.build(connectionId, 'users', { readHalo: true })
  const runId = workspace.services.sync.start(plan.id, { allowDeactivations: null, trigger: 'app' })
  expect((await workspace.services.sync.finished(runId)).state).toBe('completed')
  return { runId, plan }
}

/** SKU ids each synced Halo user is linked to, by Azure object id. */
function haloLinks(): Map<string, string[]> {
  const skuOf = new Map(halo.store.all('licences').map((licence) => [Number(licence.id), typeof licence.product_sku === 'string' ? licence.product_sku : '']))
  return new Map(
    halo.store
      .all('users')
      .filter((user) => typeof user.azureoid === 'string' && user.client_id === clientId)
      .map((user) => [String(user.azureoid), ((user.licences as Array<{ id: number }> | undefined) ?? []).map((licence) => skuOf.get(licence.id) ?? '').sort()])
  )
}

function entraSkus(personId: string): string[] {
  return (entra.tenant.users.get(personId)?.assignedLicenses ?? []).map((licence) => licence.skuId).sort()
}

describe('Entra licences imported into Halo', () => {
  it('asks for the permission to read licences, creates them in the chosen client, links users to what Entra assigns, then has nothing left to do', async () => {
    const check = await workspace.services.connections.testEntra(connectionId)
    expect(check.items.find((item) => item.key === 'permission:Organization.Read.All')?.ok).toBe(true)
    expect(check.items.some((item) => item.key === 'permission:LicenseAssignment.ReadWrite.All')).toBe(false)

    const { plan } = await fetchAndSync()
    expect(plan.plan.licences.map((licence) => licence.action)).toEqual(entra.tenant.skus.map(() => 'create'))
    const imported = halo.store.all('licences').filter((licence) => typeof licence.product_sku === 'string' && licence.product_sku !== '')
    expect(imported.map((licence) => licence.product_sku).sort()).toEqual(entra.tenant.skus.map((sku) => sku.skuId).sort())
    for (const licence of imported) expect(licence.client_id).toBe(clientId)
    expect(imported.map((licence) => licence.name)).toContain('Microsoft 365 E3')

    const links = haloLinks()
    expect(links.size).toBeGreaterThan(50)
    for (const [personId, skus] of links) expect(skus, personId).toEqual(entra.tenant.users.get(personId)?.accountEnabled === false ? [] : entraSkus(personId))
    const e3 = imported.find((licence) => licence.name === 'Microsoft 365 E3')
    expect(Number(e3?.licences_in_use)).toBe([...links.values()].filter((skus) => skus.includes(String(e3?.product_sku))).length)

    const again = await workspace.services.plans.build(connectionId, 'users', { readHalo: true })
    expect(again.plan.licences).toEqual([])
    expect(again.plan.summary.users.create + again.plan.summary.users.update).toBe(0)
  }, 180_000)

  it('with "manage from Halo", assigns and removes in Entra what Halo changed, says what to fix for a user without a usage location, and follows a change made in Entra', async () => {
    configure((config) => {
      config.advanced.directoryLicences.manageFromHalo = true
    })
    const check = await workspace.services.connections.testEntra(connectionId)
    expect(check.items.find((item) => item.key === 'permission:LicenseAssignment.ReadWrite.All')?.ok).toBe(true)

    const licenceOf = (sku: string): number => Number(halo.store.all('licences').find((licence) => licence.product_sku === sku)?.id)
    const [e3, basic, ems] = [0, 1, 2].map((index) => String(entra.tenant.skus[index]?.skuId)) as [string, string, string]
    const usersBy = (personId: string) => halo.store.all('users').find((user) => user.azureoid === personId)
    const people = [...haloLinks().keys()].filter((id) => entra.tenant.users.get(id)?.accountEnabled !== false)
    const located = people.filter((id) => entra.tenant.users.get(id)?.usageLocation)
    const gaining = located.find((id) => entraSkus(id).join() === e3) ?? ''
    const losing = located.find((id) => id !== gaining && entraSkus(id).includes(e3)) ?? ''
    const nowhere = people.find((id) => !entra.tenant.users.get(id)?.usageLocation) ?? ''
    const followed = located.find((id) => id !== gaining && id !== losing && !entraSkus(id).includes(basic)) ?? ''
    expect([gaining, losing, nowhere, followed].every(Boolean)).toBe(true)

    // In Halo: EMS linked to two people, E3 unlinked from one (as an agent would on the user's Software tab).
    await workspace.services.halo.client(instanceId).request('POST', 'Users', { body: [
      { id: usersBy(gaining)?.id, licences: [{ id: licenceOf(ems) }] },
      { id: usersBy(nowhere)?.id, licences: [{ id: licenceOf(ems) }] },
      { id: usersBy(losing)?.id, _remove_licenses: [{ id: licenceOf(e3) }] }
    ] })
    // In Entra: Business Basic assigned to someone else.
    entra.tenant.updateUser(followed, { assignedLicenses: [...(entra.tenant.users.get(followed)?.assignedLicenses ?? []), { skuId: basic, disabledPlans: [] }] })

    const { runId } = await fetchAndSync()
    expect(entraSkus(gaining)).toEqual([e3, ems].sort())
    expect(entraSkus(losing)).not.toContain(e3)
    expect(entraSkus(nowhere)).not.toContain(ems)
    expect(haloLinks().get(followed)).toContain(basic)
    const failed = workspace.services.sync.report(runId, { offset: 0, limit: 50, state: 'failed' }).rows
    expect(failed).toHaveLength(1)
    expect(failed[0]?.phase).toBe('directory')
    expect(failed[0]?.error).toMatch(/no usage location\. Set one in the Entra admin center \(Users › the user › Properties › Usage location\)/)

    // Once the usage location is set, the next sync assigns it; then nothing is left to do.
    entra.tenant.updateUser(nowhere, { usageLocation: 'GB' })
    await fetchAndSync()
    expect(entraSkus(nowhere)).toContain(ems)
    await workspace.services.connections.fetch(connectionId)
    const last = await workspace.services.plans.build(connectionId, 'users', { readHalo: true })
    expect(workspace.services.plans.rows(last.id, { offset: 0, limit: 500 }).rows.filter((row) => row.softwareLicences !== null)).toEqual([])
  }, 240_000)
})
