/**
 * Entra ID connections in a real workspace (SQLite, the OS keychain) against the Entra sandbox: the
 * form's checks in the admin's words, the secret kept in the keychain only, and "Fetch directory"
 * reading everything first, then only the changes (delta), falling back to a full read — said in
 * the snapshot's note — when the delta token has expired, and always in full with delta off.
 * A delegated connection is authorized in the browser (the sandbox's automatic sign-in), reads with
 * the admin's scopes, keeps its token cache in the keychain only, and says "Authorize again" once
 * Entra refuses the refresh token.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entraConnectionFormIssues, type EntraConnectionForm } from '../../src-shared/contract'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { addTestHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

let entra: EntraSandbox
let workspace: TempWorkspace
let form: EntraConnectionForm

beforeAll(async () => {
  entra = await startEntraSandbox({ people: 800 })
  workspace = openTempWorkspace()
  const haloInstanceId = await addTestHaloInstance(workspace)
  form = { name: 'Northwind Entra ID', haloInstanceId, tenantType: 'single', signIn: 'application', tenantId: entra.tenantId, clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, secretExpiresOn: null, authorityHost: entra.baseUrl, graphHost: entra.baseUrl, delta: true, devices: false }
}, 60_000)

afterAll(async () => {
  await workspace.dispose()
  await entra.close()
})

describe('the Entra connection form', () => {
  const valid = (): EntraConnectionForm => ({ ...form, clientSecret: 'abc8Q~secret-value' })
  const messages = (change: Partial<EntraConnectionForm>, stored = false): Record<string, string> => Object.fromEntries(entraConnectionFormIssues({ ...valid(), ...change }, stored).map((issue) => [issue.path, issue.message]))

  it('accepts a tenant GUID or a verified domain, and says what is wrong with anything else', () => {
    expect(messages({})).toEqual({})
    expect(messages({ tenantId: 'northwindtraders.onmicrosoft.com' })).toEqual({})
    expect(messages({ tenantId: 'common' }).tenantId).toBe('"common" is not one tenant: an unattended import signs in to your own tenant. Enter its Directory (tenant) ID.')
    expect(messages({ tenantId: 'not a tenant' }).tenantId).toMatch(/^A tenant ID is a GUID/)
    expect(messages({ tenantId: '' }).tenantId).toMatch(/^Enter the Directory \(tenant\) ID/)
    expect(messages({ clientId: '1234' }).clientId).toMatch(/^The Application \(client\) ID is a GUID/)
    expect(messages({ clientSecret: null }).clientSecret).toMatch(/^Paste the client secret's Value/)
    expect(messages({ clientSecret: null }, true)).toEqual({})
    expect(messages({ clientSecret: '0f8fad5b-d9cb-469f-a165-70867728950e' }).clientSecret).toBe("This looks like the secret's ID: paste its Value instead (shown once, when the secret is created).")
    expect(messages({ secretExpiresOn: '2027-02-30' }).secretExpiresOn).toMatch(/^Enter the expiry as a date/)
    expect(messages({ secretExpiresOn: '2027-02-28' })).toEqual({})
    expect(messages({ authorityHost: 'http://login.example.com' }).authorityHost).toBe('The login address must use https (for example https://login.microsoftonline.com); plain http is accepted only on this computer.')
  })
})

describe('an Entra connection', () => {
  let id: string

  it('is saved with its secret in the keychain only, and the expiry the admin entered', async () => {
    const saved = await workspace.services.connections.saveEntra({ ...form, secretExpiresOn: '2026-12-20' })
    id = saved.id
    expect(saved).toMatchObject({ kind: 'entra', okta: null, entra: { tenantId: entra.tenantId, clientId: entra.credentials.app.clientId, secretSet: true, secretExpiresAt: '2026-12-20T00:00:00.000Z', secretExpirySource: 'entered', delta: true, deltaReady: false } })
    workspace.database.sqlite.pragma('wal_checkpoint(FULL)')
    const file = path.join(workspace.dataDir, 'studio.db')
    for (const part of [file, `${file}-wal`].filter((each) => existsSync(each))) expect(readFileSync(part).includes(Buffer.from(entra.credentials.app.clientSecret))).toBe(false)
    const refused = await workspace.services.connections.saveEntra({ ...form, id, tenantId: 'organizations' }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'tenantId' }] } })
  })

  it('tests the connection: sign-in, permissions, people, and the secret’s expiry from Graph', async () => {
    const check = await workspace.services.connections.testEntra(id)
    expect(check.ok).toBe(true)
    expect(check.items.map((item) => [item.key, item.ok])).toEqual([
      ['sign-in', true],
      ['permission:User.Read.All', true],
      ['permission:GroupMember.Read.All', true],
      ['permission:Application.Read.All', true],
      ['users', true],
      ['secret-expiry', true]
    ])
    expect(check.items.find((item) => item.key === 'sign-in')?.message).toBe(`Signed in to tenant ${entra.tenantId} as "Halo Integration".`)
    expect(check.items.find((item) => item.key === 'users')?.count).toBe(entra.tenant.users.size)
    expect(check.items.find((item) => item.key === 'secret-expiry')?.message).toMatch(/^Expires on \d+ \w+ \d{4}, in 2[45] days: create a new secret under Certificates & secrets before then, and paste it here\.$/)
    expect((await workspace.services.connections.list()).find((each) => each.id === id)?.entra).toMatchObject({ secretExpiresAt: entra.credentials.app.secretExpiresAt, secretExpirySource: 'graph' })
  })

  it('shows what a users-only app lacks, and a refused secret, in the checklist', async () => {
    const limited = await workspace.services.connections.saveEntra({ ...form, name: 'Users only', clientId: entra.credentials.limitedApp.clientId, clientSecret: entra.credentials.limitedApp.clientSecret })
    const check = await workspace.services.connections.testEntra(limited.id)
    expect(check.ok).toBe(false)
    const groups = check.items.find((item) => item.key === 'permission:GroupMember.Read.All')
    expect(groups).toMatchObject({ ok: false })
    expect(groups?.message).toMatch(new RegExp(`^Missing\\. Read groups and their members: site, role and CAB mappings match on them\\. Add it as an Application permission under API permissions, then Grant admin consent: ${entra.baseUrl}/${entra.tenantId}/adminconsent\\?client_id=`))
    expect(check.items.find((item) => item.key === 'permission:Application.Read.All')).toMatchObject({ ok: true, message: expect.stringMatching(/^Not granted: read the client secret's expiry/) as string })
    await workspace.services.connections.saveEntra({ ...form, id: limited.id, name: 'Users only', clientId: entra.credentials.limitedApp.clientId, clientSecret: 'abc8Q~wrong-secret' })
    const refused = await workspace.services.connections.testEntra(limited.id)
    expect(refused).toMatchObject({ ok: false, items: [{ key: 'sign-in', ok: false, message: expect.stringMatching(/AADSTS7000215/) as string }] })
    await workspace.services.connections.delete(limited.id)
  })

  it('reads everything first, then only the changes', async () => {
    const connections = workspace.services.connections
    const full = await connections.fetch(id)
    expect(full).toMatchObject({ mode: 'full', note: null, people: entra.tenant.users.size, groups: entra.tenant.groups.size })
    expect((await connections.list()).find((each) => each.id === id)?.entra?.deltaReady).toBe(true)
    entra.mutate(0.02)
    const delta = await connections.fetch(id)
    expect(delta).toMatchObject({ mode: 'delta', people: entra.tenant.users.size })
    expect(delta.requests).toBeLessThanOrEqual(4)
    expect(connections.snapshotData(id)?.data.people).toHaveLength(entra.tenant.users.size)
  })

  it('reads everything again when the delta token has expired, and says so', async () => {
    entra.expireDeltaTokens()
    const fetched = await workspace.services.connections.fetch(id)
    expect(fetched.mode).toBe('full')
    expect(fetched.note).toMatch(/delta token expired after 7 days, or was reset\): the whole directory is read instead\.$/)
  })

  it('resets delta to latest (only later changes next) or clears it (everything next)', async () => {
    const connections = workspace.services.connections
    entra.mutate(0.05)
    expect((await connections.resetDelta(id, 'latest')).entra?.deltaReady).toBe(true)
    const someone = [...entra.tenant.users.values()].find((user) => user.userType === 'Member')
    entra.tenant.updateUser(someone?.id ?? '', { jobTitle: 'Head of Resets' })
    const next = await connections.fetch(id)
    expect(next).toMatchObject({ mode: 'delta' })
    expect(next.requests).toBe(2)
    expect(connections.snapshotData(id)?.data.people.find((person) => person.id === someone?.id)?.title).toBe('Head of Resets')
    expect((await connections.resetDelta(id, 'clear')).entra?.deltaReady).toBe(false)
    expect((await connections.fetch(id)).mode).toBe('full')
  })

  it('always reads everything with delta off', async () => {
    const saved = await workspace.services.connections.saveEntra({ ...form, id, clientSecret: null, delta: false })
    expect(saved.entra).toMatchObject({ delta: false, deltaReady: false, secretSet: true })
    const fetched = await workspace.services.connections.fetch(id)
    expect(fetched).toMatchObject({ mode: 'full', note: null })
    expect(fetched.requests).toBeGreaterThan(4)
  })
})

describe('a delegated Entra connection', () => {
  /** Follows the authorize URL the app opened, as the system browser would: Entra's redirect goes to the app's loopback listener. */
  async function approveInBrowser(opened: string[]): Promise<void> {
    for (let waited = 0; opened.length === 0; waited += 20) {
      if (waited > 5000) throw new Error('no browser opened')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const answer = await fetch(opened.shift() as string, { redirect: 'manual' })
    expect(answer.status).toBe(302)
    const back = await fetch(answer.headers.get('location') as string)
    expect(back.status).toBe(200)
  }

  it('is authorized in the browser, reads as that admin, keeps the token cache in the keychain only (a cancelled re-authorization keeps it), and asks to authorize again when Entra refuses it', async () => {
    const connections = workspace.services.connections
    const saved = await connections.saveEntra({ ...form, name: 'Delegated', signIn: 'delegated', delta: false })
    expect(saved.entra).toMatchObject({ signIn: 'delegated', authorizedAs: null })
    await expect(connections.fetch(saved.id)).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED', message: expect.stringContaining('press "Authorize" on the Details tab') as string })

    const admin = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
    entra.setAutoSignIn(admin?.userPrincipalName ?? null)
    const authorizing = connections.authorizeEntra(saved.id)
    await approveInBrowser(workspace.opened)
    const authorized = await authorizing
    expect(authorized.entra).toMatchObject({ authorizedAs: admin?.userPrincipalName, authorizedAt: expect.any(String) as string })

    const check = await connections.testEntra(saved.id)
    expect(check.items.map((item) => [item.key, item.ok])).toEqual([
      ['sign-in', true],
      ['permission:User.Read.All', true],
      ['permission:GroupMember.Read.All', true],
      ['users', true]
    ])
    expect(check.items[0]?.message).toBe(`Signed in to tenant ${entra.tenantId} as ${admin?.userPrincipalName}, through app ${entra.credentials.app.clientId}.`)
    expect(await connections.fetch(saved.id)).toMatchObject({ mode: 'full', people: entra.tenant.users.size })

    // The cache is in the keychain, not in the workspace file.
    const cache = await workspace.services.vault.reveal(`connection:${saved.id}:entra-token-cache`)
    expect(cache).toContain('RefreshToken')
    const refreshToken = Object.values((JSON.parse(cache ?? '{}') as { RefreshToken: Record<string, { secret: string }> }).RefreshToken)[0]?.secret ?? ''
    expect(refreshToken.length).toBeGreaterThan(20)
    workspace.database.sqlite.pragma('wal_checkpoint(FULL)')
    const file = path.join(workspace.dataDir, 'studio.db')
    for (const part of [file, `${file}-wal`].filter((each) => existsSync(each))) expect(readFileSync(part).includes(Buffer.from(refreshToken))).toBe(false)
    expect(workspace.logLines.join('\n')).not.toContain(refreshToken)

    // Authorize again, then change one's mind: the last authorization stays and still reads.
    const again = connections.authorizeEntra(saved.id)
    for (let waited = 0; workspace.opened.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
    workspace.opened.length = 0
    expect(connections.cancelAuthorize()).toBe(true)
    await expect(again).rejects.toMatchObject({ code: 'CANCELLED' })
    expect((await connections.list()).find((each) => each.id === saved.id)?.entra?.authorizedAs).toBe(admin?.userPrincipalName)
    expect(await connections.fetch(saved.id)).toMatchObject({ people: entra.tenant.users.size })

    // An admin revokes the sessions: the next read says what to do.
    entra.revokeSessions()
    await expect(connections.fetch(saved.id)).rejects.toMatchObject({ code: 'SIGN_IN_REQUIRED', message: expect.stringContaining('Authorize again on the Details tab') as string })

    // Another app: the authorization no longer applies and its cache is gone.
    const moved = await connections.saveEntra({ ...form, id: saved.id, name: 'Delegated', signIn: 'delegated', delta: false, clientId: entra.credentials.limitedApp.clientId, clientSecret: entra.credentials.limitedApp.clientSecret })
    expect(moved.entra?.authorizedAs).toBeNull()
    expect(await workspace.services.vault.reveal(`connection:${saved.id}:entra-token-cache`)).toBeNull()
    entra.setAutoSignIn(null)
  })
})
