/**
 * The Entra connector's sign-in (MSAL, through recipe B) and Graph client against the Entra sandbox
 * over real sockets: tokens, each AADSTS case in the admin's words, a 429 storm and 503s waited out
 * as Retry-After says with no page lost, a token that runs out mid-read refreshed once, delta rounds,
 * and links or logins that must not be followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StudioError } from '../../../src-shared/contract'
import { startEntraSandbox, type EntraSandbox } from '../../sandbox/entra'
import { checkEntraConnection, secretExpiry } from './entra-check'
import { authorityConfig, clientCredentialTokens, type EntraClientCredentials } from './entra-tokens'
import { GraphClient } from './graph-client'

let entra: EntraSandbox

beforeAll(async () => {
  entra = await startEntraSandbox({ people: 2500 })
})
afterAll(async () => {
  await entra.close()
})

const credentials = (app: keyof Omit<EntraSandbox['credentials'], 'password' | 'app'> | 'app' = 'app', extra: Partial<EntraClientCredentials> = {}): EntraClientCredentials => ({ ...entra.credentials[app], authorityHost: entra.baseUrl, ...extra })

async function failure(promise: Promise<unknown>): Promise<StudioError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof StudioError) return error
    throw error
  }
  throw new Error('expected a failure')
}

async function allIds(client: GraphClient, path: string): Promise<string[]> {
  const ids: string[] = []
  for await (const page of client.pages<{ id: string }>(path, 'users')) ids.push(...page.map((user) => user.id))
  return ids
}

describe('Entra sign-in through MSAL', () => {
  it('gets a Graph token with client credentials from the sandbox, and reads every user', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl)
    const ids = await allIds(client, 'users?$top=999&$select=id')
    expect(ids).toHaveLength(entra.tenant.users.size)
    expect(new Set(ids).size).toBe(ids.length)
    expect(client.requests).toBe(Math.ceil(entra.tenant.users.size / 999))
  })

  it('says each refusal in the admin’s words, with its AADSTS code', async () => {
    const read = (extra: Partial<EntraClientCredentials>, app: 'app' | 'expiredApp' = 'app'): Promise<unknown> => clientCredentialTokens(credentials(app, extra)).graphToken()
    expect((await failure(read({ clientSecret: 'not-the-secret' }))).message).toMatch(/^Entra refused the client secret \(AADSTS7000215\)\. Paste the secret's Value, not its Secret ID/)
    const expired = await failure(read({ secretExpiresAt: '2026-11-30T10:00:00.000Z' }, 'expiredApp'))
    expect(expired.message).toMatch(/^The client secret expired on 30 November 2026 \(AADSTS7000222\): create a new secret .* Certificates & secrets/)
    expect(expired.details).toMatchObject({ reason: 'expired_secret', aadsts: 7000222 })
    expect((await failure(read({ clientId: '11111111-2222-4333-8444-555555555555' }))).message).toMatch(/^Entra has no application 11111111-2222-4333-8444-555555555555 in tenant .* \(AADSTS700016\)/)
    expect((await failure(read({ tenantId: 'contoso.onmicrosoft.com' }))).message).toMatch(/^Entra has no tenant "contoso.onmicrosoft.com" \(AADSTS90002\)/)
    const stopped = await entraSandboxDown()
    expect((await failure(clientCredentialTokens({ ...credentials(), authorityHost: stopped }).graphToken())).code).toBe('UNREACHABLE')
  })

  it('says which permission is missing when Graph refuses the app', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials('limitedApp')), entra.baseUrl)
    const refused = await failure(client.get('groups', 'groups'))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(/^The app is not allowed to read groups \(Authorization_RequestDenied: Insufficient privileges to complete the operation\.\)\. Add the permission .* Grant admin consent\.$/)
  })

  it('accepts plain http only for this computer', () => {
    expect(authorityConfig('https://login.microsoftonline.us', 't')).toEqual({ authority: 'https://login.microsoftonline.us/t' })
    expect(authorityConfig('http://127.0.0.1:4000', 't')).toMatchObject({ authority: 'https://login.loopback.invalid/t', knownAuthorities: ['login.loopback.invalid'] })
    expect(() => authorityConfig('http://login.example.com', 't')).toThrow('The login address must use https (http://login.example.com does not); plain http is accepted only on this computer (127.0.0.1 or localhost).')
  })
})

describe('Graph client', () => {
  it('waits out a 429 storm and 503s as Retry-After says, and loses no page', async () => {
    const waits: number[] = []
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl, { sleep: (ms) => (waits.push(ms), Promise.resolve()) })
    const ids: string[] = []
    let pages = 0
    for await (const page of client.pages<{ id: string }>('users?$top=500&$select=id', 'users')) {
      ids.push(...page.map((user) => user.id))
      pages += 1
      if (pages === 1) entra.settings.throttleNext = 4
      if (pages === 3) entra.settings.unavailableNext = 2
    }
    expect(ids).toHaveLength(entra.tenant.users.size)
    expect(new Set(ids).size).toBe(ids.length)
    expect(waits).toEqual([2000, 2000, 2000, 2000, 2000, 2000])
    expect(client.throttled).toBe(6)
  })

  it('tries a read again when the connection is cut', async () => {
    const waits: number[] = []
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl, { sleep: (ms) => (waits.push(ms), Promise.resolve()) })
    entra.settings.dropNext = 2
    const ids = await allIds(client, 'users?$top=999&$select=id')
    expect(ids).toHaveLength(entra.tenant.users.size)
    expect(waits).toEqual([250, 500])
    entra.settings.dropNext = 5
    const cut = await failure(new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl, { maxRetries: 1, sleep: () => Promise.resolve() }).get('users?$top=1', 'users'))
    expect(cut.code).toBe('UNREACHABLE')
    expect(cut.message).toMatch(/was cut before Microsoft Graph answered/)
    entra.settings.dropNext = 0
  })

  it('gives up after its retries, saying Graph kept asking to slow down', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl, { maxRetries: 2, sleep: () => Promise.resolve() })
    entra.settings.throttleNext = 3
    const refused = await failure(client.get('users?$top=1', 'users'))
    expect(refused.code).toBe('RATE_LIMITED')
    expect(refused.message).toBe('Microsoft Graph kept asking to slow down while reading users (Retry-After 2 s). Try again in a few minutes.')
    entra.settings.throttleNext = 0
  })

  it('refreshes a token that runs out mid-read once, and goes on', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl)
    const tokensBefore = entra.traffic.tokenRequests
    const ids: string[] = []
    let pages = 0
    for await (const page of client.pages<{ id: string }>('users?$top=400&$select=id', 'users')) {
      ids.push(...page.map((user) => user.id))
      pages += 1
      if (pages === 2) entra.revokeTokens()
    }
    expect(ids).toHaveLength(entra.tenant.users.size)
    expect(entra.traffic.tokenRequests - tokensBefore).toBe(2)
  })

  it('reads a delta round to its deltaLink, and the next round has only the changes', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl)
    const round = async (link: string): Promise<{ ids: string[]; deltaLink: string }> => {
      const ids: string[] = []
      const pages = client.deltaPages<{ id: string }>(link, 'users')
      for (;;) {
        const next = await pages.next()
        if (next.done) return { ids, deltaLink: next.value }
        ids.push(...next.value.map((user) => user.id))
      }
    }
    const first = await round('users/delta?$select=id,displayName,accountEnabled')
    expect(first.ids).toHaveLength(entra.tenant.users.size)
    const changed = entra.mutate(0.01)
    const second = await round(first.deltaLink)
    expect(new Set(second.ids)).toEqual(new Set([...changed.updated, ...changed.disabled, ...changed.added, ...changed.removed]))
  })

  it('follows no link to another host', async () => {
    const client = new GraphClient(clientCredentialTokens(credentials()), entra.baseUrl)
    expect((await failure(client.get('https://evil.example/v1.0/users', 'users'))).message).toBe('Microsoft Graph sent a link to another host (https://evil.example); it was not followed.')
  })
})

/** The address of a sandbox that has just stopped (nothing listens there). */
async function entraSandboxDown(): Promise<string> {
  const gone = await startEntraSandbox({ people: 1 })
  await gone.close()
  return gone.baseUrl
}

describe('Test connection', () => {
  const check = (app: 'app' | 'limitedApp', features = { licences: true, licenceManagement: false, devices: true }): ReturnType<typeof checkEntraConnection> => {
    const tokens = clientCredentialTokens(credentials(app))
    return checkEntraConnection({ tokens, graph: new GraphClient(tokens, entra.baseUrl), ...entra.credentials[app], authorityHost: entra.baseUrl, features })
  }

  it('checks every permission the features need, and reads the secret’s expiry from Graph', async () => {
    const result = await check('app')
    expect(result.permissions.map((each) => [each.permission, each.granted])).toEqual([
      ['User.Read.All', true],
      ['GroupMember.Read.All', true],
      ['Organization.Read.All', true],
      ['DeviceManagementManagedDevices.Read.All', true],
      ['Application.Read.All', true]
    ])
    expect(result.appName).toBe('Halo Integration')
    expect(result.secretExpiresAt).toBe(entra.credentials.app.secretExpiresAt)
    expect(result.adminConsentUrl).toBe(`${entra.baseUrl}/${entra.tenantId}/adminconsent?client_id=${entra.credentials.app.clientId}`)
    expect((await check('app', { licences: false, licenceManagement: true, devices: false })).permissions.map((each) => each.permission)).toEqual(['User.Read.All', 'GroupMember.Read.All', 'LicenseAssignment.ReadWrite.All', 'Application.Read.All'])
  })

  it('shows what a limited app lacks, and leaves the expiry to the admin when it may not read its registration', async () => {
    const result = await check('limitedApp')
    expect(result.permissions.filter((each) => !each.granted).map((each) => each.permission)).toEqual(['GroupMember.Read.All', 'Organization.Read.All', 'DeviceManagementManagedDevices.Read.All', 'Application.Read.All'])
    expect(result.permissions.find((each) => each.permission === 'GroupMember.Read.All')?.why).toMatch(/mappings match on them/)
    expect(result.secretExpiresAt).toBeNull()
  })

  it('recognises the secret in use by its hint, the latest when several match', () => {
    const credentials = [
      { hint: 'abc', endDateTime: '2026-12-01T00:00:00Z' },
      { hint: 'abc', endDateTime: '2027-06-01T00:00:00Z' },
      { hint: 'xyz', endDateTime: '2028-01-01T00:00:00Z' }
    ]
    expect(secretExpiry(credentials, 'abc8Q~secret')).toBe('2027-06-01T00:00:00Z')
    expect(secretExpiry(credentials, 'nope')).toBeNull()
  })
})

