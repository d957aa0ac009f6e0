/**
 * Errors say where in the app they are fixed (details.fix), as the renderer receives them — through
 * the dispatcher, on a real workspace (SQLite, keychain) against the Halo and Okta sandboxes: a
 * wrong Okta API token fails the fetch pointing at the connection's Details tab, a wrong Halo client
 * secret fails the preview pointing at the instance, and mappings that no longer hold (a site gone
 * from Halo) refuse the preview pointing at the tab to fix; an Okta that refuses the connection points
 * at the Details tab, one that cuts it midway nowhere.
 */
import { createServer, type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { errorFixOf, type CallResult, type ErrorEnvelope } from '../../src-shared/contract'
import { addSandboxHaloInstance, addSandboxOktaConnection, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { connectionCredentialId } from '../connections/connections'
import { haloClientSecretId } from '../halo/halo-instances'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { startOktaSandbox } from '../sandbox/okta'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Halo and a fetched Okta connection into it, everyone mapped to London. */
async function setUp(): Promise<{ workspace: TempWorkspace; halo: HaloSandbox; instanceId: string; connectionId: string; londonId: number }> {
  const halo = await startHaloSandbox({ users: 20, agents: 3 })
  const okta = await startOktaSandbox({ people: 40 })
  const workspace = openTempWorkspace()
  cleanups.push(() => workspace.dispose(), () => okta.close(), () => halo.close())
  const instanceId = await addSandboxHaloInstance(workspace, halo)
  const connectionId = await addSandboxOktaConnection(workspace, okta, instanceId)
  await workspace.services.connections.fetch(connectionId)
  await workspace.services.halo.refreshLookups(instanceId)
  const londonId = Number(halo.store.all('sites').find((site) => site.name === 'London – Head Office')?.id)
  const { config } = workspace.services.mapping.get(connectionId)
  workspace.services.mapping.save(connectionId, {
    ...config,
    siteMappings: [{ kind: 'existing-site', id: 'london', sequence: 1, siteId: londonId, agentRoleId: null, groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }]
  })
  return { workspace, halo, instanceId, connectionId, londonId }
}

async function failure(workspace: TempWorkspace, name: string, input: unknown): Promise<ErrorEnvelope> {
  const result: CallResult<unknown> = await workspace.dispatch(name, input)
  if (result.ok) throw new Error(`${name} succeeded`)
  return result.error
}

describe('errors name the place that fixes them', () => {
  it('a wrong Okta API token: the fetch names the connection’s Details tab; a wrong Halo secret: the preview names the instance', async () => {
    const { workspace, instanceId, connectionId } = await setUp()

    await workspace.services.vault.put({ id: connectionCredentialId(connectionId), label: 'Northwind Okta: Okta API token', value: '00ThisIsNotTheTokenOktaIssuedForThisOrg1234' })
    const fetch = await failure(workspace, 'connections:fetch', { id: connectionId })
    expect(fetch.code).toBe('SIGN_IN_REQUIRED')
    expect(fetch.message).toContain('Okta refused the API token')
    expect(errorFixOf(fetch)).toEqual({ area: 'connection', id: connectionId, tab: 'details' })

    // Signed out, so the next call must sign in with the (now wrong) secret.
    await workspace.services.halo.signOut(instanceId)
    await workspace.services.vault.put({ id: haloClientSecretId(instanceId), label: 'Demo Halo: Halo client secret', value: 'wrong-secret' })
    const preview = await failure(workspace, 'plan:build', { connectionId, scope: 'users', readHalo: true })
    expect(preview.message).toContain('refused the client ID or client secret')
    expect(errorFixOf(preview)).toEqual({ area: 'halo-instance', id: instanceId })
  }, 40_000)

  it('mappings that no longer hold name the tab of their first problem; a refused address names the instance, a missing area nothing', async () => {
    const { workspace, halo, instanceId, connectionId, londonId } = await setUp()
    halo.store.delete('sites', londonId)
    await workspace.services.halo.refreshLookups(instanceId)
    const preview = await failure(workspace, 'plan:build', { connectionId, scope: 'users', readHalo: false })
    expect(preview.code).toBe('VALIDATION_FAILED')
    expect(preview.message).toContain('Northwind Okta\'s mappings have a problem to fix before a preview')
    expect(errorFixOf(preview)).toEqual({ area: 'connection', id: connectionId, tab: 'site-mappings' })

    const client = workspace.services.halo.client(instanceId)
    const refusal = (path: string): Promise<ErrorEnvelope | null> => client.request('GET', path).then(
      () => null,
      (error: unknown) => error as ErrorEnvelope
    )
    const missing = await refusal('NoSuchArea')
    expect(missing?.code).toBe('NOT_FOUND')
    expect(missing && errorFixOf(missing)).toBeNull()
    await halo.close()
    const closed = await refusal('Site')
    expect(closed?.message).toContain('refused the connection')
    expect(closed && errorFixOf(closed)).toEqual({ area: 'halo-instance', id: instanceId })
  }, 40_000)

  it('an Okta that refuses the connection names the Details tab (the address is fixed there); a connection cut midway names nothing, only "try again"', async () => {
    const halo = await startHaloSandbox({ users: 5, agents: 1 })
    const okta = await startOktaSandbox({ people: 5 })
    const workspace = openTempWorkspace()
    // Every connection accepted, then cut before an answer.
    const cutter = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => cutter.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => workspace.dispose(), () => okta.close(), () => halo.close(), () => new Promise<void>((resolve) => cutter.close(() => resolve())))
    const instanceId = await addSandboxHaloInstance(workspace, halo)
    const refusedId = await addSandboxOktaConnection(workspace, okta, instanceId, 'Gone Okta')
    await okta.close()
    const refused = await failure(workspace, 'connections:fetch', { id: refusedId })
    expect(refused).toMatchObject({ code: 'UNREACHABLE', details: { reason: 'refused' } })
    expect(refused.message).toContain('refused the connection')
    expect(errorFixOf(refused)).toEqual({ area: 'connection', id: refusedId, tab: 'details' })

    const { port } = cutter.address() as AddressInfo
    const cut = await workspace.services.connections.saveOkta({ name: 'Flaky Okta', haloInstanceId: instanceId, orgUrl: `http://127.0.0.1:${port}`, authMode: 'api_token', apiToken: okta.credentials.apiToken, clientId: null, privateKey: null, keyId: null })
    const reset = await failure(workspace, 'connections:fetch', { id: cut.id })
    expect(reset).toMatchObject({ code: 'UNREACHABLE', details: { reason: 'reset' } })
    expect(reset.message).toContain('was cut before Okta')
    expect(errorFixOf(reset)).toBeNull()
  }, 40_000)
})
