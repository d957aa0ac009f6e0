/**
 * Halo instances as the app uses them, on a real workspace (SQLite file, OS keychain) against the
 * Halo sandbox: save with validation, "Test connection" checklist (including a missing permission),
 * cached look-ups with search, offline refresh keeping the cache, and delete removing keychain entries.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { HaloInstanceForm } from '../../src-shared/contract'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setUp(): Promise<{ halo: HaloSandbox; workspace: TempWorkspace }> {
  const halo = await startHaloSandbox({ users: 30, agents: 5 })
  const workspace = openTempWorkspace()
  cleanups.push(() => workspace.dispose(), () => halo.close())
  return { halo, workspace }
}

function form(halo: HaloSandbox, overrides: Partial<HaloInstanceForm> = {}): HaloInstanceForm {
  return {
    name: 'Northwind sandbox',
    baseUrl: halo.baseUrl,
    deployment: 'on-premise',
    tenant: null,
    authServerUrl: null,
    authMode: 'client_credentials',
    clientId: halo.credentials.clientCredentials.clientId,
    clientSecret: halo.credentials.clientCredentials.clientSecret,
    scope: 'all',
    rateLimitRequests: 300,
    rateLimitWindowSeconds: 300,
    ...overrides
  }
}

describe('Halo instances on a real workspace', () => {
  it('tests the connection, caches every look-up, and serves them searchable', async () => {
    const { halo, workspace } = await setUp()
    const saved = await workspace.services.halo.save(form(halo))
    expect(saved).toMatchObject({ secretSet: true, isDemo: false, lookups: [] })
    expect(JSON.stringify(workspace.database.sqlite.prepare('SELECT * FROM halo_instance').all())).not.toContain(halo.credentials.clientCredentials.clientSecret)

    const check = await workspace.services.halo.test(saved.id)
    expect(check.items.filter((item) => !item.ok)).toEqual([])
    expect(check.items.find((item) => item.key === 'users')?.count).toBe(30)

    const roles = workspace.services.halo.lookupRecords(saved.id, 'roles', 'desk')
    expect(roles.rows.map((row) => row.name)).toEqual(['Service Desk Agent'])
    const sites = workspace.services.halo.lookupRecords(saved.id, 'sites')
    expect(sites.rows.find((row) => row.name === 'Manchester')).toMatchObject({ detail: 'Northwind Traders', inactive: false })
    expect(sites.rows.some((row) => row.inactive)).toBe(true)
  })

  it('names the permission to grant when an area is refused', async () => {
    const { halo, workspace } = await setUp()
    const saved = await workspace.services.halo.save(form(halo, { clientId: halo.credentials.limited.clientId, clientSecret: halo.credentials.limited.clientSecret }))
    const check = await workspace.services.halo.test(saved.id)
    expect(check.ok).toBe(false)
    expect(check.items.find((item) => item.key === 'sites')?.ok).toBe(true)
    const roles = check.items.find((item) => item.key === 'roles')
    expect(roles?.ok).toBe(false)
    expect(roles?.message).toContain('Grant the "admin" scope and an administrator role for the agent')
  })

  it('keeps the cached look-ups and reports offline when the instance cannot be reached', async () => {
    const { halo, workspace } = await setUp()
    const saved = await workspace.services.halo.save(form(halo))
    await workspace.services.halo.refreshLookups(saved.id)
    const before = workspace.services.halo.lookupRecords(saved.id, 'teams')
    await halo.close()
    const refresh = await workspace.services.halo.refreshLookups(saved.id)
    expect(refresh.offline).toBe(true)
    expect(refresh.reason).toContain('refused the connection')
    expect(workspace.services.halo.lookupRecords(saved.id, 'teams')).toEqual(before)
  }, 20_000)

  it('shows the sign-in error for a wrong secret, and delete removes the keychain entries', async () => {
    const { halo, workspace } = await setUp()
    const saved = await workspace.services.halo.save(form(halo, { clientSecret: 'wrong-secret' }))
    const check = await workspace.services.halo.test(saved.id)
    expect(check.items[0]).toMatchObject({ key: 'auth', ok: false })
    expect(check.items[0]?.message).toContain('refused the client ID or client secret')
    expect((await workspace.services.vault.list()).map((secret) => secret.id)).toContain(`halo:${saved.id}:client-secret`)
    await workspace.services.halo.delete(saved.id)
    expect(await workspace.services.vault.list()).toEqual([])
    expect(await workspace.services.halo.list()).toEqual([])
  })
})
