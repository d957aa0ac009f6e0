/**
 * The demo workspace's Halo, Okta and Entra ID on a real workspace: added once on first launch and working,
 * found again (same address) on the next launch, never re-added after the admin deletes them, and
 * no demo Halo in a workspace that already has a real Halo instance.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { demoEnabled, demoInstanceName, startDemoHalo, type DemoHalo } from './demo-halo'
import { demoEntraConnectionName, startDemoEntra } from './demo-entra'
import { demoConnectionName, startDemoOkta } from './demo-okta'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function workspace(): TempWorkspace {
  const opened = openTempWorkspace()
  cleanups.push(() => opened.dispose())
  return opened
}

async function start(target: TempWorkspace): Promise<DemoHalo | null> {
  const demo = await startDemoHalo(target.services, { dataDir: target.dataDir })
  if (demo) cleanups.push(() => demo.close())
  return demo
}

describe('demo Halo', () => {
  it('adds a working, clearly labelled demo instance on first launch and keeps its address on the next', async () => {
    const target = workspace()
    const first = await start(target)
    expect(first).not.toBeNull()
    const [instance] = await target.services.halo.list()
    expect(instance).toMatchObject({ name: demoInstanceName, isDemo: true, secretSet: true, baseUrl: first?.sandbox.baseUrl })
    const check = await target.services.halo.test(instance?.id ?? '')
    expect(check.ok).toBe(true)

    await first?.close()
    const second = await start(target)
    expect(second?.sandbox.baseUrl).toBe(first?.sandbox.baseUrl)
    expect(await target.services.halo.list()).toHaveLength(1)
  })

  it('is not added again once deleted, nor next to a real instance', async () => {
    const target = workspace()
    const demo = await start(target)
    const [instance] = await target.services.halo.list()
    await target.services.halo.delete(instance?.id ?? '')
    await demo?.close()
    expect(await start(target)).toBeNull()
    expect(await target.services.halo.list()).toEqual([])

    const real = workspace()
    await real.services.halo.save({
      name: 'Production',
      baseUrl: 'https://halo.corp.example',
      deployment: 'on-premise',
      tenant: null,
      authServerUrl: null,
      authMode: 'authorization_code',
      clientId: 'studio',
      clientSecret: null,
      scope: 'all',
      rateLimitRequests: 300,
      rateLimitWindowSeconds: 300
    })
    expect(await start(real)).toBeNull()
    expect((await real.services.halo.list()).map((item) => item.name)).toEqual(['Production'])
  })

  it('is switched off by STUDIO_DEMO=0', () => {
    expect(demoEnabled({ STUDIO_DEMO: '0' })).toBe(false)
    expect(demoEnabled({})).toBe(true)
  })
})

describe('demo Okta', () => {
  it('adds a working Okta connection to the demo Halo, keeps it across launches, and respects its deletion', async () => {
    const target = workspace()
    const halo = await start(target)
    const okta = await startDemoOkta(target.services, { dataDir: target.dataDir, haloInstanceId: halo?.instanceId ?? '' })
    if (okta) cleanups.push(() => okta.close())
    const [connection] = await target.services.connections.list()
    expect(connection).toMatchObject({ name: demoConnectionName, haloInstanceId: halo?.instanceId, okta: { orgUrl: okta?.orgUrl, credentialSet: true } })
    expect((await target.services.connections.testOkta(connection?.id ?? '')).ok).toBe(true)

    await okta?.close()
    const again = await startDemoOkta(target.services, { dataDir: target.dataDir, haloInstanceId: halo?.instanceId ?? '' })
    if (again) cleanups.push(() => again.close())
    expect(again?.orgUrl).toBe(okta?.orgUrl)
    expect(await target.services.connections.list()).toHaveLength(1)

    await target.services.connections.delete(connection?.id ?? '')
    await again?.close()
    expect(await startDemoOkta(target.services, { dataDir: target.dataDir, haloInstanceId: halo?.instanceId ?? '' })).toBeNull()
    expect(await target.services.connections.list()).toEqual([])
  })
})

describe('demo Entra ID', () => {
  it('adds a working Entra connection with delta to the demo Halo, finds it again on the next launch (reading only changes), follows it to a new port, and respects its deletion', async () => {
    const target = workspace()
    const halo = await start(target)
    const haloInstanceId = halo?.instanceId ?? ''
    const entra = await startDemoEntra(target.services, { haloInstanceId })
    if (entra) cleanups.push(() => entra.close())
    const [connection] = await target.services.connections.list()
    const id = connection?.id ?? ''
    expect(connection).toMatchObject({ name: demoEntraConnectionName, kind: 'entra', haloInstanceId, entra: { tenantId: entra?.tenantId, authorityHost: entra?.baseUrl, secretSet: true, delta: true, secretExpirySource: 'entered' } })
    expect(connection?.entra?.secretExpiresAt?.slice(0, 10)).toBe(entra?.credentials.app.secretExpiresAt.slice(0, 10))
    const check = await target.services.connections.testEntra(id)
    expect(check.ok).toBe(true)
    expect(check.items.find((item) => item.key === 'secret-expiry')?.message).toMatch(/in 2[45] days/)
    expect(await target.services.connections.fetch(id)).toMatchObject({ mode: 'full', people: entra?.tenant.users.size })

    // Next launch: the same tenant on the same address, so only the changes are read.
    await entra?.close()
    const again = await startDemoEntra(target.services, { haloInstanceId })
    if (again) cleanups.push(() => again.close())
    expect(again?.baseUrl).toBe(entra?.baseUrl)
    expect(await target.services.connections.list()).toHaveLength(1)
    expect(await target.services.connections.fetch(id)).toMatchObject({ mode: 'delta', people: entra?.tenant.users.size })

    // The remembered port taken: the sandbox moves and the connection with it; the old deltaLinks are forgotten and everything is read.
    const moved = await startDemoEntra(target.services, { haloInstanceId })
    if (moved) cleanups.push(() => moved.close())
    expect(moved?.baseUrl).not.toBe(again?.baseUrl)
    expect((await target.services.connections.list())[0]?.entra).toMatchObject({ graphHost: moved?.baseUrl, deltaReady: false })
    expect(await target.services.connections.fetch(id)).toMatchObject({ mode: 'full', note: null })

    await target.services.connections.delete(id)
    await moved?.close()
    expect(await startDemoEntra(target.services, { haloInstanceId })).toBeNull()
  })
})
