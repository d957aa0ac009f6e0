/**
 * The real @okta/okta-sdk-nodejs 8 (the connector's library) against the Okta sandbox, in both of
 * its modes: SSWS and PrivateKey (the SDK signs the client assertion itself, from a PEM with keyId
 * or from a JWK), with its cache off as the connector runs it (okta.md §6, §10).
 */
import { Client, type Group, type User } from '@okta/okta-sdk-nodejs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOktaSandbox, type OktaSandbox, type OktaServiceAppCredentials } from '.'

let okta: OktaSandbox
beforeAll(async () => {
  okta = await startOktaSandbox({ people: 450 })
})
afterAll(async () => {
  await okta.close()
})

function sswsClient(token = okta.credentials.apiToken, orgUrl = okta.orgUrl): Client {
  return new Client({ orgUrl, token, cacheMiddleware: null })
}

function keyClient(app: OktaServiceAppCredentials, privateKey: string | Record<string, string>, keyId?: string): Client {
  return new Client({ orgUrl: okta.orgUrl, authorizationMode: 'PrivateKey', clientId: app.clientId, scopes: ['okta.users.read', 'okta.groups.read', 'okta.apps.read'], privateKey, ...(keyId ? { keyId } : {}), cacheMiddleware: null })
}

async function collect<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = []
  for await (const item of collection) if (item) items.push(item)
  return items
}

describe('@okta/okta-sdk-nodejs with an API token (SSWS)', () => {
  it('reads me, every user across pages, groups with stats, members and apps', async () => {
    const client = sswsClient()
    const me = await client.userApi.getUser({ userId: 'me' })
    expect(me.profile?.login).toBe(okta.truth().superAdmin)
    expect(me.created).toBeInstanceOf(Date)
    const users = await collect<User>(await client.userApi.listUsers({}))
    expect(users).toHaveLength(okta.truth().listedUsers)
    expect(okta.truth().listedUsers).toBeGreaterThan(400)
    const groups = await collect<Group>(await client.groupApi.listGroups({ expand: 'stats' }))
    expect(groups).toHaveLength(okta.truth().groups)
    const everyone = groups.find((group) => group.type === 'BUILT_IN')
    expect(everyone?._embedded?.stats?.usersCount).toBe(okta.truth().users)
    const members = await collect<User>(await client.groupApi.listGroupUsers({ groupId: String(everyone?.id), limit: 200 }))
    expect(members).toHaveLength(okta.truth().users)
    const mine = await collect<Group>(await client.userApi.listUserGroups({ userId: String(me.id) }))
    expect(mine.map((group) => group.id)).toEqual(okta.store.groupsOf(String(me.id)))
    const apps = await collect(await client.applicationApi.listApplications({}))
    expect(apps).toHaveLength(okta.truth().apps)
  })

  it('works with a trailing-slash orgUrl (the SDK then calls //api/v1) and a filter that includes DEPROVISIONED', async () => {
    const client = sswsClient(okta.credentials.apiToken, `${okta.orgUrl}/`)
    const gone = await collect<User>(await client.userApi.listUsers({ filter: 'status eq "DEPROVISIONED"' }))
    expect(gone).toHaveLength(okta.truth().statusCounts.DEPROVISIONED)
  })

  it('throws OktaApiError with Okta’s codes for a bad token and a role without the permission', async () => {
    await expect(sswsClient('00bad').userApi.getUser({ userId: 'me' })).rejects.toMatchObject({ name: 'OktaApiError', status: 401, errorCode: 'E0000011' })
    const helpDesk = sswsClient(okta.credentials.readOnlyToken)
    expect((await helpDesk.userApi.getUser({ userId: 'me' })).profile?.login).toBe(okta.truth().helpDeskAdmin)
    await expect(collect(await helpDesk.groupApi.listGroups({}))).rejects.toMatchObject({ status: 403, errorCode: 'E0000006' })
  })
})

describe('@okta/okta-sdk-nodejs as a service app (PrivateKey)', () => {
  it('signs in with the PEM and key id, or with the JWK, and reads users, groups and apps', async () => {
    const app = okta.credentials.serviceApp
    for (const client of [keyClient(app, app.privateKeyPem, app.keyId), keyClient(app, { ...app.privateJwk })]) {
      const users = await collect<User>(await client.userApi.listUsers({ limit: 200 }))
      expect(users).toHaveLength(okta.truth().listedUsers)
      expect(await collect(await client.groupApi.listGroups({}))).toHaveLength(okta.truth().groups)
      expect(await collect(await client.applicationApi.listApplications({}))).toHaveLength(okta.truth().apps)
    }
  })

  it('gets a new token after a 401 (its cached token expired)', async () => {
    const app = okta.credentials.serviceApp
    const client = keyClient(app, app.privateKeyPem, app.keyId)
    expect(await collect(await client.applicationApi.listApplications({}))).toHaveLength(okta.truth().apps)
    okta.expireAccessTokens()
    expect(await collect(await client.applicationApi.listApplications({}))).toHaveLength(okta.truth().apps)
  })

  it('throws HttpError 403 with the insufficient_scope challenge when the app lacks the scope', async () => {
    const app = okta.credentials.limitedServiceApp
    const client = keyClient(app, app.privateKeyPem, app.keyId)
    expect((await collect<User>(await client.userApi.listUsers({ limit: 5 }))).length).toBeGreaterThan(0)
    const failure = (await collect(await client.groupApi.listGroups({})).catch((error: unknown) => error)) as { name: string; status: number; headers: { get(name: string): string | null } }
    expect(failure.name).toBe('HttpError')
    expect(failure.status).toBe(403)
    expect(failure.headers.get('www-authenticate')).toMatch(/error="insufficient_scope".*scope="okta\.groups\.read"|scope="okta\.groups\.read".*error="insufficient_scope"/)
  })
})
