/**
 * Okta connections on a real workspace (SQLite file, OS keychain), without the network: the form's
 * rules answered with the admin's words and nothing saved, the credential kept in the keychain only,
 * a Halo instance that connections import into cannot be deleted, and delete removes the credential.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { StudioError, type OktaConnectionForm } from '../../src-shared/contract'
import { addTestHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

let workspace: TempWorkspace | null = null
afterEach(async () => {
  await workspace?.dispose()
  workspace = null
})

async function setUp(): Promise<{ target: TempWorkspace; haloId: string }> {
  workspace = openTempWorkspace()
  const haloId = await addTestHaloInstance(workspace)
  return { target: workspace, haloId }
}

const form = (haloInstanceId: string, overrides: Partial<OktaConnectionForm> = {}): OktaConnectionForm => ({
  name: 'Northwind Okta',
  haloInstanceId,
  orgUrl: 'https://northwind.okta.com',
  authMode: 'api_token',
  apiToken: '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd',
  clientId: null,
  privateKey: null,
  keyId: null,
  ...overrides
})

async function refusal(work: Promise<unknown>): Promise<StudioError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(StudioError)
  return error as StudioError
}

describe('Okta connections', () => {
  it('refuses an admin-console URL and a missing token with the exact words, saving nothing', async () => {
    const { target, haloId } = await setUp()
    const error = await refusal(target.services.connections.saveOkta(form(haloId, { orgUrl: 'https://northwind-admin.okta.com', apiToken: null })))
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details).toEqual({
      issues: [
        { path: 'orgUrl', message: 'northwind-admin.okta.com is the Admin Console address. Use your org URL without "-admin": https://northwind.okta.com.' },
        { path: 'apiToken', message: 'Enter the API token (Okta Admin Console › Security › API › Tokens › Create token).' }
      ]
    })
    expect(await target.services.connections.list()).toEqual([])
  })

  it('keeps the token in the keychain only, warns about custom domains, and keeps the token when edited without one', async () => {
    const { target, haloId } = await setUp()
    const saved = await target.services.connections.saveOkta(form(haloId, { orgUrl: 'https://login.northwind.example/' }))
    expect(saved.okta).toMatchObject({ orgUrl: 'https://login.northwind.example', credentialSet: true })
    expect(saved.okta?.warnings[0]).toContain('single sign-on needs your primary Okta domain')
    expect(JSON.stringify(target.database.sqlite.prepare('SELECT * FROM connection').all())).not.toContain('00aBcDeF')
    const edited = await target.services.connections.saveOkta({ ...form(haloId, { apiToken: null }), id: saved.id, name: 'Okta (production)' })
    expect(edited).toMatchObject({ name: 'Okta (production)', okta: { credentialSet: true } })
    // Switching to a service app needs its key: the stored token does not count.
    const switched = await refusal(target.services.connections.saveOkta({ ...form(haloId, { authMode: 'service_app', apiToken: null, clientId: '0oa1' }), id: saved.id }))
    expect(switched.details).toEqual({ issues: [{ path: 'privateKey', message: "Paste the service app's private key (PEM, or the JWK JSON Okta generates)." }] })
  })

  it('will not delete a Halo instance that a connection imports into, and deleting the connection removes its token', async () => {
    const { target, haloId } = await setUp()
    const saved = await target.services.connections.saveOkta(form(haloId))
    const blocked = await refusal(target.services.halo.delete(haloId))
    expect(blocked.message).toBe('Connections still import into Production Halo. Delete them, or point them at another Halo instance, first.')
    expect((await target.services.vault.list()).map((secret) => secret.id)).toContain(`halo:${haloId}:client-secret`)
    await target.services.connections.delete(saved.id)
    expect((await target.services.vault.list()).map((secret) => secret.id)).toEqual([`halo:${haloId}:client-secret`])
    await target.services.halo.delete(haloId)
    expect(await target.services.halo.list()).toEqual([])
  })
})
