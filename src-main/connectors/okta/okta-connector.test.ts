/**
 * The Okta connector against the Okta sandbox over real sockets, through the Connections service on a
 * real workspace: a whole snapshot equals the generator's truth (people of every status, groups,
 * memberships, apps), paging edges, a 429 storm and faults recovered with no page lost, cancel keeping
 * the last good snapshot, progress events, and each "Test credentials" failure with its cause.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload, OktaConnectionForm } from '../../../src-shared/contract'
import { startOktaSandbox, type OktaSandbox, type OktaSandboxOptions } from '../../sandbox/okta'
import { addTestHaloInstance, openTempWorkspace, type TempWorkspace } from '../../../test/helpers/temp-workspace'
import { createOktaClient } from './okta-client'
import { oktaPages } from './okta-pages'
import { everyStatusFilter, oktaPageSizes } from './okta-snapshot'
import { PacedExecutor } from './paced-executor'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setUp(options: OktaSandboxOptions = {}): Promise<{ okta: OktaSandbox; workspace: TempWorkspace; haloId: string }> {
  const okta = await startOktaSandbox({ people: 120, groups: 12, ...options })
  // The connector reads Okta's reset times on the sandbox's clock.
  const workspace = openTempWorkspace({ oktaTimeScale: options.timeScale ?? 1 })
  cleanups.push(() => workspace.dispose(), () => okta.close())
  const haloId = await addTestHaloInstance(workspace)
  return { okta, workspace, haloId }
}

function tokenForm(okta: OktaSandbox, haloInstanceId: string, apiToken: string): OktaConnectionForm {
  return { name: 'Northwind Okta', haloInstanceId, orgUrl: okta.orgUrl, authMode: 'api_token', apiToken, clientId: null, privateKey: null, keyId: null }
}

async function connection(okta: OktaSandbox, workspace: TempWorkspace, haloId: string, apiToken = okta.credentials.apiToken): Promise<string> {
  return (await workspace.services.connections.saveOkta(tokenForm(okta, haloId, apiToken))).id
}

function expectTruth(summary: { people: number; groups: number; memberships: number; apps: number; statusCounts: Record<string, number> }, okta: OktaSandbox): void {
  const truth = okta.truth()
  expect(summary).toMatchObject({ people: truth.users, groups: truth.groups, memberships: truth.memberships, apps: truth.apps })
  expect(summary.statusCounts).toEqual(Object.fromEntries(Object.entries(truth.statusCounts).filter(([, count]) => count > 0)))
}

describe('directory snapshot', () => {
  it('equals the generated org exactly, with every status, and with the fewest requests', async () => {
    const { okta, workspace, haloId } = await setUp({ people: 450, groups: 40 })
    const id = await connection(okta, workspace, haloId)
    const progress: Array<EventPayload<'task:progress'>> = []
    const stop = workspace.services.events.onAny((name, payload) => {
      if (name === 'task:progress') progress.push(payload as EventPayload<'task:progress'>)
    })
    const summary = await workspace.services.connections.fetch(id)
    stop()
    expectTruth(summary, okta)
    expect(Object.keys(summary.statusCounts)).toHaveLength(8)

    const people = workspace.services.connections.snapshotPeople(id, { status: 'DEPROVISIONED', offset: 0, limit: 500 })
    expect(people.total).toBe(okta.truth().statusCounts.DEPROVISIONED)
    const groups = workspace.services.connections.snapshotGroups(id, { offset: 0, limit: 500 })
    const everyone = groups.rows.find((group) => group.type === 'BUILT_IN')
    expect(everyone?.memberCount).toBe(okta.truth().users)
    expect(workspace.services.connections.snapshotPeople(id, { groupId: everyone?.id, offset: 0, limit: 1 }).total).toBe(okta.truth().users)

    // The floor: pages of users and groups, each non-empty group's members, apps.
    const nonEmpty = groups.rows.filter((group) => group.memberCount > 0)
    const floor =
      Math.ceil(summary.people / oktaPageSizes.users) +
      Math.ceil(summary.groups / oktaPageSizes.groups) +
      nonEmpty.reduce((sum, group) => sum + Math.ceil(group.memberCount / oktaPageSizes.members), 0) +
      Math.ceil(summary.apps / oktaPageSizes.apps)
    expect(summary.requests).toBeLessThanOrEqual(Math.ceil(floor * 1.05))
    expect(progress.at(-1)?.taskId).toBe(`fetch:${id}`)
    expect(progress.some((event) => event.total === okta.truth().users + okta.truth().groups)).toBe(true)
  }, 30_000)

  it.each([200, 201])('reads exactly %i people across page edges', async (people) => {
    const { okta, workspace, haloId } = await setUp({ people, groups: 3 })
    expect(okta.truth().users).toBe(people)
    expectTruth(await workspace.services.connections.fetch(await connection(okta, workspace, haloId)), okta)
  })

  it('loses no page in a 429 storm, nor to 500s and dropped connections', async () => {
    const { okta, workspace, haloId } = await setUp({ people: 300, groups: 10, timeScale: 60, rateLimits: { users: 3, groups: 3, groupById: 20, apps: 2 } })
    const id = await connection(okta, workspace, haloId)
    okta.settings.concurrencyLimit = 3
    okta.settings.latencyMs = 30
    okta.settings.faults.error500 = 0.1
    okta.settings.faults.drop = 0.05
    const summary = await workspace.services.connections.fetch(id)
    expectTruth(summary, okta)
    expect(summary.rateLimited).toBeGreaterThan(0)
  }, 60_000)

  it('keeps the last good snapshot when a fetch is cancelled, and refuses a second fetch at once', async () => {
    const { okta, workspace, haloId } = await setUp({ people: 200, groups: 5 })
    const id = await connection(okta, workspace, haloId)
    const first = await workspace.services.connections.fetch(id)
    okta.settings.latencyMs = 200
    const running = workspace.services.connections.fetch(id)
    await expect(workspace.services.connections.fetch(id)).rejects.toMatchObject({ code: 'BUSY' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(workspace.services.connections.cancelFetch(id)).toBe(true)
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
    expect((await workspace.services.connections.list())[0]?.snapshot?.id).toBe(first.id)
    expect(workspace.database.sqlite.prepare("SELECT COUNT(*) AS n FROM directory_snapshot WHERE state = 'building'").get()).toEqual({ n: 0 })
  }, 20_000)
})

describe('Test credentials', () => {
  it('passes every line for a Super Admin token, naming who it acts as', async () => {
    const { okta, workspace, haloId } = await setUp()
    const check = await workspace.services.connections.testOkta(await connection(okta, workspace, haloId))
    expect(check.items.map((item) => [item.key, item.ok])).toEqual([
      ['auth', true],
      ['users', true],
      ['groups', true],
      ['apps', true]
    ])
    expect(check.items[0]?.message).toBe(`Acting as ${okta.truth().superAdmin}.`)
  })

  it('says a wrong token was refused and checks nothing else', async () => {
    const { okta, workspace, haloId } = await setUp()
    const check = await workspace.services.connections.testOkta(await connection(okta, workspace, haloId, 'not-the-token'))
    expect(check.ok).toBe(false)
    expect(check.items[0]?.message).toMatch(/^Okta refused the API token \(E0000011 Invalid token provided\)/)
    expect(check.items.slice(1).every((item) => item.message === 'Not checked: the token was refused.')).toBe(true)
  })

  it("names the missing admin role for a help-desk admin's token", async () => {
    const { okta, workspace, haloId } = await setUp()
    const check = await workspace.services.connections.testOkta(await connection(okta, workspace, haloId, okta.credentials.readOnlyToken))
    const byKey = Object.fromEntries(check.items.map((item) => [item.key, item]))
    expect(byKey.users?.ok).toBe(true)
    expect(byKey.groups?.ok).toBe(false)
    expect(byKey.groups?.message).toContain('E0000006')
    expect(byKey.groups?.message).toContain('Read-only Admin')
  })

  it('names the missing scope for a service app, and the refused sign-in for a wrong key', async () => {
    const { okta, workspace, haloId } = await setUp()
    const limited = okta.credentials.limitedServiceApp
    const serviceForm = (app: typeof limited, privateKey: string): OktaConnectionForm => ({
      name: `Service app ${app.clientId}`,
      haloInstanceId: haloId,
      orgUrl: okta.orgUrl,
      authMode: 'service_app',
      apiToken: null,
      clientId: app.clientId,
      privateKey,
      keyId: app.keyId
    })
    const scoped = await workspace.services.connections.saveOkta(serviceForm(limited, limited.privateKeyPem))
    const check = await workspace.services.connections.testOkta(scoped.id)
    const byKey = Object.fromEntries(check.items.map((item) => [item.key, item]))
    expect(byKey.auth?.ok).toBe(true)
    expect(byKey.users?.ok).toBe(true)
    expect(byKey.groups?.message).toBe('The service app was not granted the scope okta.groups.read to read groups. In Okta, open the app › Okta API Scopes and grant okta.groups.read (a Super Admin must do this).')

    const full = okta.credentials.serviceApp
    const good = await workspace.services.connections.saveOkta(serviceForm(full, full.privateKeyPem))
    expect((await workspace.services.connections.testOkta(good.id)).ok).toBe(true)
    const wrongKey = await workspace.services.connections.saveOkta(serviceForm(full, limited.privateKeyPem))
    const refused = await workspace.services.connections.testOkta(wrongKey.id)
    expect(refused.items[0]).toMatchObject({ key: 'auth', ok: false })
    expect(refused.items[0]?.message).toMatch(/^Okta refused the service app's sign-in: .+\(invalid_client\)/)
  })

  it('says the credentials are rate-limited at once, without waiting for the window', async () => {
    const { okta, workspace, haloId } = await setUp({ rateLimits: { users: 1, userById: 1 } })
    const id = await connection(okta, workspace, haloId)
    await workspace.services.connections.testOkta(id)
    const check = await workspace.services.connections.testOkta(id)
    const users = check.items.find((item) => item.key === 'users')
    expect(users?.ok).toBe(false)
    expect(users?.message).toMatch(/^Okta is rate-limiting these credentials/)
  })

  it('says when Okta cannot be reached', async () => {
    const { okta, workspace, haloId } = await setUp()
    const id = await connection(okta, workspace, haloId)
    await okta.close()
    const check = await workspace.services.connections.testOkta(id)
    expect(check.items[0]?.message).toContain('refused the connection')
  }, 30_000)
})

describe('pacing', () => {
  it('spends each window before waiting for its reset, and counts every finished request out', async () => {
    const okta = await startOktaSandbox({ people: 200, groups: 150, timeScale: 60, rateLimits: { groupById: 50 } })
    cleanups.push(() => okta.close())
    const executor = new PacedExecutor({ timeScale: 60, concurrency: 8 })
    const client = createOktaClient(okta.orgUrl, { kind: 'api_token', token: okta.credentials.apiToken }, executor)
    const groups = (await (await client.groupApi.listGroups({ limit: 200 })).getNextPage()) as Array<{ id: string }>
    expect(groups).toHaveLength(okta.truth().groups)
    await Promise.all(groups.map(async (group) => (await client.groupApi.listGroupUsers({ groupId: group.id, limit: 1000 })).getNextPage()))
    // 150 requests at 50 per window: every waiting request waits for the next reset, a few windows' worth.
    expect(executor.rateLimited).toBe(0)
    expect(executor.resetWaits).toBeLessThanOrEqual(3 * 8)
    expect(executor.inFlight()).toBe(0)
  }, 30_000)
})

describe('paging', () => {
  async function pagesOf(options: OktaSandboxOptions & { maxRetries?: number } = {}): Promise<{ okta: OktaSandbox; executor: PacedExecutor; client: ReturnType<typeof createOktaClient> }> {
    const okta = await startOktaSandbox({ people: 450, groups: 5, latencyMs: 40, ...options })
    cleanups.push(() => okta.close())
    const executor = new PacedExecutor({ maxRetries: options.maxRetries ?? 4 })
    return { okta, executor, client: createOktaClient(okta.orgUrl, { kind: 'api_token', token: okta.credentials.apiToken }, executor) }
  }
  const people = { filter: everyStatusFilter, limit: oktaPageSizes.users }

  it('reads the next page ahead while this one is handled, only when asked to', async () => {
    const { okta, executor, client } = await pagesOf()
    for (const readAhead of [false, true]) {
      const pages = oktaPages(client, '/api/v1/users', people, { readAhead })
      const first = await pages.next()
      const firstPage: unknown[] = first.done ? [] : first.value
      expect(firstPage).toHaveLength(oktaPageSizes.users)
      // Page 2 is already on its way (held by the sandbox's latency) while page 1 is handled.
      expect(executor.inFlight()).toBe(readAhead ? 1 : 0)
      let rows = firstPage.length
      for await (const page of pages) rows += page.length
      expect(rows).toBe(okta.truth().users)
    }
  })

  it('throws a failed read-ahead page where it is read, and leaves nothing unhandled when the reader stops', async () => {
    const { okta, client } = await pagesOf({ maxRetries: 0 })
    const pages = oktaPages(client, '/api/v1/users', people, { readAhead: true })
    await pages.next()
    await okta.close()
    await expect(pages.next()).rejects.toThrow()

    const again = await pagesOf({ maxRetries: 0 })
    for await (const page of oktaPages(again.client, '/api/v1/users', people, { readAhead: true })) {
      expect(page).toHaveLength(oktaPageSizes.users)
      await again.okta.close()
      break
    }
    // An unhandled rejection of the page read ahead would fail this test run.
    await new Promise((resolve) => setTimeout(resolve, 100))
  })
})
