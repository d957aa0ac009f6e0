/**
 * The SSO tab's service against the Okta, Entra and Halo sandboxes, in a real workspace: settings
 * are validated before they are kept; the checks catch the -admin host and an unknown client ID;
 * a test sign-in (the browser following the sandbox's automatic sign-in) is kept for the settings it
 * was made with and says whether Halo knows the person; Apply is refused without a passing test
 * (and automatic redirect even with an override), shows each Halo field before and after, and
 * writes exactly the changed fields — nothing else in Control or the Entra connection changes. A
 * multi-tenant app signs in people of two tenants, and refuses a tenant not on the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SsoSettings } from '../../src-shared/contract'
import { addSandboxHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'

let halo: HaloSandbox
let okta: OktaSandbox
let entra: EntraSandbox
let workspace: TempWorkspace
let oktaId: string
let entraId: string

beforeAll(async () => {
  halo = await startHaloSandbox({ rateLimit: { requests: 100_000, windowMs: 60_000 } })
  okta = await startOktaSandbox({ people: 40 })
  entra = await startEntraSandbox({ people: 40 })
  workspace = openTempWorkspace()
  const haloInstanceId = await addSandboxHaloInstance(workspace, halo, { requests: 100_000, windowSeconds: 60 })
  await workspace.services.halo.refreshLookups(haloInstanceId)
  oktaId = (await workspace.services.connections.saveOkta({ name: 'Northwind Okta', haloInstanceId, orgUrl: okta.orgUrl, authMode: 'api_token', apiToken: okta.credentials.apiToken, clientId: null, privateKey: null, keyId: null })).id
  entraId = (await workspace.services.connections.saveEntra({ name: 'Northwind Entra ID', haloInstanceId, tenantType: 'single', signIn: 'application', tenantId: entra.tenantId, clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, secretExpiresOn: null, authorityHost: entra.baseUrl, graphHost: entra.baseUrl, delta: false, devices: false })).id
}, 120_000)

afterAll(async () => {
  await workspace.dispose()
  await Promise.all([okta.close(), entra.close(), halo.close()])
})

/** The system browser: follows the sandbox's redirects back to the loopback listener. */
async function browse(): Promise<void> {
  for (let waited = 0; workspace.opened.length === 0; waited += 20) {
    if (waited > 5000) throw new Error('no browser opened')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await fetch(workspace.opened.shift() as string)
}

const oktaSettings = (change: Partial<Extract<SsoSettings, { kind: 'okta' }>> = {}): SsoSettings => ({ kind: 'okta', enabled: true, clientId: okta.credentials.oidcApp.clientId, server: { kind: 'custom', id: 'default' }, audience: 'both', autoRedirect: false, ...change })

describe('Okta single sign-on', () => {
  it('refuses a malformed client ID before saving, and checks the issuer and the client ID at Okta, keeping the check for those settings', async () => {
    const sso = workspace.services.sso
    expect(() => sso.save(oktaId, oktaSettings({ clientId: 'abc' }))).toThrow('An Okta client ID is 20 letters and digits starting with 0oa')
    expect(sso.state(oktaId).settings).toMatchObject({ enabled: false, clientId: '' })
    sso.save(oktaId, oktaSettings({ clientId: '0oa00000000000000000' }))
    const unknown = await sso.check(oktaId)
    expect(unknown.items.map((item) => [item.key, item.ok])).toEqual([['discovery', true], ['client', false]])
    expect(unknown.items[1]?.message).toMatch(/^Okta does not know the client ID 0oa00000000000000000/)
    expect(sso.state(oktaId).lastCheck).toEqual(unknown)
    sso.save(oktaId, oktaSettings())
    expect(sso.state(oktaId).lastCheck).toBeNull()
    const passed = await sso.check(oktaId)
    expect(passed.ok).toBe(true)
    expect(sso.state(oktaId).lastCheck).toEqual(passed)
  })

  it('refuses Apply until a test sign-in passes, then writes exactly the changed Control fields', async () => {
    const sso = workspace.services.sso
    await expect(sso.apply(oktaId, { override: false })).rejects.toThrow('No test sign-in passed for these settings')
    const controlBefore = structuredClone(halo.store.get('control', 1))
    const changes = await sso.preview(oktaId)
    expect(changes.map((change) => [change.field, change.from, change.to])).toEqual([
      ['enableoktasinglesignon', 'Off', 'On'],
      ['okta_url', null, `${okta.orgUrl}/oauth2/default`],
      ['okta_client_id', null, okta.credentials.oidcApp.clientId],
      ['oktasso', null, 'Agents and users']
    ])

    okta.settings.autoSignIn = okta.credentials.signInUser.login
    const testing = sso.test(oktaId)
    await browse()
    const test = await testing
    okta.settings.autoSignIn = null
    expect(test.ok, test.message).toBe(true)
    expect(test.message).toMatch(new RegExp(`^${okta.credentials.signInUser.login} signed in; the ID token checks out\\. `))
    expect(sso.state(oktaId).tested).toBe(true)

    const applied = await sso.apply(oktaId, { override: false })
    expect(applied).toMatchObject({ override: false })
    expect(applied.changes).toHaveLength(4)
    const controlAfter = halo.store.get('control', 1) as Record<string, unknown>
    expect(controlAfter).toEqual({ ...controlBefore, enableoktasinglesignon: true, okta_url: `${okta.orgUrl}/oauth2/default`, okta_client_id: okta.credentials.oidcApp.clientId, oktasso: 3 })
    expect(await sso.preview(oktaId)).toEqual([])

    // Automatic redirect: new settings, not tested — refused even when overriding; other changes may be overridden (recorded).
    sso.save(oktaId, oktaSettings({ autoRedirect: true }))
    await expect(sso.apply(oktaId, { override: true })).rejects.toThrow('Automatic redirect sends everyone straight to the identity provider')
    sso.save(oktaId, oktaSettings({ audience: 'agents' }))
    expect((await sso.apply(oktaId, { override: true })).override).toBe(true)
    expect((halo.store.get('control', 1) as Record<string, unknown>).oktasso).toBe(1)
  })
})

describe('Entra single sign-on', () => {
  it('tests a sign-in with the import app, finds the person in Halo by object id or email, and applies to the Halo Entra connection', async () => {
    const sso = workspace.services.sso
    sso.save(entraId, { kind: 'entra', published: true, tenantType: 'single', allowedTenants: [], applicationId: entra.credentials.app.clientId, audience: 'users', autoRedirect: false }, 1)
    const person = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled && halo.store.all('users').some((record) => String(record.emailaddress).toLowerCase() === user.mail?.toLowerCase()))
    entra.setAutoSignIn(person?.userPrincipalName ?? null)
    const testing = sso.test(entraId)
    await browse()
    const test = await testing
    entra.setAutoSignIn(null)
    expect(test.ok, test.message).toBe(true)
    expect(test.claims).toMatchObject({ objectId: person?.id, tenantId: entra.tenantId })
    expect(test.halo.userId).not.toBeNull()
    expect(test.message).toMatch(/Halo knows them as .*user #\d+\.$/)

    const before = structuredClone(halo.store.get('azureadconnections', 1)) as Record<string, unknown>
    const applied = await sso.apply(entraId, { override: false })
    expect(applied.changes.map((change) => `${change.record}: ${change.field}`)).toEqual([
      'Entra connection Northwind Entra ID: published',
      'Entra connection Northwind Entra ID: tenant_type',
      'Entra connection Northwind Entra ID: applicationid',
      'Entra connection Northwind Entra ID: sso_for',
      'Control: enableazuresinglesignon'
    ])
    expect(halo.store.get('azureadconnections', 1)).toEqual({ ...before, published: true, tenant_type: 'single', applicationid: entra.credentials.app.clientId, sso_for: 'users' })
  })

  it('signs in people of two tenants to a multi-tenant app, and refuses a tenant that is not allowed', async () => {
    const sso = workspace.services.sso
    const home = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
    const partner = [...entra.partnerTenant.users.values()][0]
    const signIn = async (upn: string | undefined): Promise<Awaited<ReturnType<typeof sso.test>>> => {
      entra.setAutoSignIn(upn ?? null)
      const testing = sso.test(entraId)
      await browse()
      return testing
    }
    sso.save(entraId, { kind: 'entra', published: true, tenantType: 'multi', allowedTenants: [entra.tenantId], applicationId: entra.credentials.app.clientId, audience: 'both', autoRedirect: false }, 1)
    expect((await sso.check(entraId)).ok).toBe(true)
    expect(sso.state(entraId).issuer).toBe(`${entra.baseUrl}/organizations/v2.0`)
    expect(await signIn(home?.userPrincipalName)).toMatchObject({ ok: true, claims: { tenantId: entra.tenantId } })
    const refused = await signIn(partner?.userPrincipalName)
    expect(refused.ok).toBe(false)
    expect(refused.message).toBe(`The person signed in from tenant ${entra.partnerTenant.tenantId}, which is not in the list of tenants allowed to use this app. Add its tenant ID to the list, or sign in with an account of an allowed tenant.`)

    sso.save(entraId, { kind: 'entra', published: true, tenantType: 'multi', allowedTenants: [entra.tenantId, entra.partnerTenant.tenantId], applicationId: entra.credentials.app.clientId, audience: 'both', autoRedirect: false }, 1)
    const fromPartner = await signIn(partner?.userPrincipalName)
    entra.setAutoSignIn(null)
    expect(fromPartner).toMatchObject({ ok: true, claims: { tenantId: entra.partnerTenant.tenantId, userName: partner?.userPrincipalName }, halo: { userId: null, agentId: null } })
    expect(fromPartner.message).toMatch(/Halo has no user or agent with their email or user name yet/)
    const applied = await sso.apply(entraId, { override: false })
    expect(applied.changes.find((change) => change.field === 'tenants')?.to).toBe(`${entra.tenantId}, ${entra.partnerTenant.tenantId}`)
    expect(applied.changes.filter((change) => ['tenant_type', 'sso_for'].includes(change.field)).map((change) => [change.from, change.to])).toEqual([['Single tenant', 'Multi-tenant'], ['Users', 'Agents and users']])
    expect((halo.store.get('azureadconnections', 1) as Record<string, unknown>).tenants).toEqual([{ tenant_id: entra.tenantId }, { tenant_id: entra.partnerTenant.tenantId }])
  })
})
