/**
 * Test sign-in against the Okta and Entra sandboxes over real sockets, the "browser" being a plain
 * fetch that follows the provider's redirects (the sandboxes sign the chosen person in
 * automatically): Okta's org and custom servers give a verified ID token; an unknown client ID is
 * said before any browser opens; a person not assigned to the app and an app nobody consented to are
 * each refused with where to fix it; an Entra sign-in gives the object id and tenant Halo matches on.
 * Both sandboxes' ID-token faults (a changed token, another audience, another sign-in's nonce,
 * expired, the provider's clock ahead) are each refused with what to do, and the next sign-in without the fault passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LoopbackSignIn } from '../auth/loopback-flow'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'
import { noIdTokenFaults, type IdTokenFaultSettings } from '../sandbox/shared/id-token-faults'
import { discover } from './oidc-discovery'
import { testSignIn, type TestSignInOptions } from './test-sign-in'

let okta: OktaSandbox
let entra: EntraSandbox
const loopback = new LoopbackSignIn()
const opened: string[] = []
/** The system browser: follows the provider's redirects to the loopback listener. */
const openBrowser = async (url: string): Promise<void> => {
  opened.push(url)
  void fetch(url).catch(() => undefined)
  await Promise.resolve()
}

beforeAll(async () => {
  okta = await startOktaSandbox({ people: 30 })
  entra = await startEntraSandbox({ people: 30 })
}, 60_000)

afterAll(async () => {
  await okta.close()
  await entra.close()
})

async function oktaOptions(issuer: string): Promise<TestSignInOptions> {
  return { loopback, openBrowser, service: 'Okta', discovery: await discover(issuer, { service: 'Okta' }), clientId: okta.credentials.oidcApp.clientId, timeoutMs: 10_000 }
}

describe('testSignIn with Okta', () => {
  it('signs the person in through the org and the custom authorization servers and verifies their ID token', async () => {
    okta.settings.autoSignIn = okta.credentials.signInUser.login
    for (const issuer of [okta.orgUrl, `${okta.orgUrl}/oauth2/default`]) {
      const claims = await testSignIn(await oktaOptions(issuer))
      expect(claims.userName).toBe(okta.credentials.signInUser.login)
      expect(claims.email).toContain('@')
      expect(claims.subject).toMatch(/^00u/)
    }
    const sent = new URL(opened.at(-1) ?? '')
    expect(sent.searchParams.get('nonce')).toHaveLength(22)
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256')
    expect(sent.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/callback$/)
  })

  it('says an unknown client ID before opening the browser, and who is not assigned to the app', async () => {
    const before = opened.length
    await expect(testSignIn({ ...(await oktaOptions(okta.orgUrl)), clientId: '0oaNOTANAPP' })).rejects.toThrow(/^Okta does not know the client ID 0oaNOTANAPP: copy it from the app/)
    expect(opened.length).toBe(before)
    const native = okta.credentials.oidcApp.clientId
    const outsider = okta.store.userIds().map((id) => okta.store.user(id)).find((user) => user?.status === 'ACTIVE' && !okta.store.isAssigned(native, String(user.id)))
    okta.settings.autoSignIn = String((outsider?.profile as Record<string, unknown>).login)
    await expect(testSignIn(await oktaOptions(okta.orgUrl))).rejects.toThrow(/^The person who signed in is not assigned to the app: assign them, or a group they are in \(Okta: the app's Assignments tab/)
    okta.settings.autoSignIn = null
  })
})

describe('testSignIn with Entra ID', () => {
  const issuer = (): string => `${entra.baseUrl}/${entra.tenantId}/v2.0`

  it('gives the object id and tenant of who signed in', async () => {
    const person = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
    entra.setAutoSignIn(person?.userPrincipalName ?? null)
    const claims = await testSignIn({ loopback, openBrowser, service: 'Microsoft Entra ID', discovery: await discover(issuer(), { service: 'Microsoft Entra ID' }), clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, timeoutMs: 10_000 })
    expect(claims).toMatchObject({ objectId: person?.id, tenantId: entra.tenantId, userName: person?.userPrincipalName })
  })

  it('says an unknown application and a missing consent with where to fix them', async () => {
    const discovery = await discover(issuer(), { service: 'Microsoft Entra ID' })
    const base = { loopback, openBrowser, service: 'Microsoft Entra ID', discovery, timeoutMs: 10_000 }
    await expect(testSignIn({ ...base, clientId: '11111111-2222-3333-4444-555555555555' })).rejects.toThrow(/^Microsoft Entra ID does not know the client ID 11111111-2222-3333-4444-555555555555: .*AADSTS700016/)
    await expect(testSignIn({ ...base, clientId: entra.credentials.unconsentedApp.clientId })).rejects.toThrow(/^Nobody has consented to the app yet: an administrator grants consent \(Azure: API permissions › Grant admin consent\)/)
    entra.setAutoSignIn(null)
  })
})

/** Each ID-token fault the sandboxes can make, and the start of what the admin is told. */
const faults: Array<{ name: string; set: Partial<IdTokenFaultSettings>; said: RegExp }> = [
  { name: 'a token changed after signing', set: { idTokenFault: 'bad-signature' }, said: /^The ID token's signature does not match the keys .* publishes/ },
  { name: 'a token for another application', set: { idTokenFault: 'wrong-audience' }, said: /^The ID token was issued to another application \(.+\), not to client ID .*Check the client ID/ },
  { name: 'a token answering another sign-in', set: { idTokenFault: 'other-nonce' }, said: /^The ID token does not belong to this test sign-in \(its nonce differs from the one sent\)/ },
  { name: 'an expired token', set: { idTokenFault: 'expired' }, said: /^The ID token had already expired .* This computer's clock is about 120 minutes ahead of the identity provider's/ },
  { name: "a provider whose clock is 15 minutes ahead of this computer's", set: { idTokenClockSkewMinutes: 15 }, said: /^The ID token is not valid yet\. This computer's clock is about 15 minutes behind the identity provider's: set the clock right/ }
]

describe('testSignIn refuses faulty ID tokens from the sandboxes, each with its message', () => {
  it.each(faults)('Okta: $name', async ({ set, said }) => {
    okta.settings.autoSignIn = okta.credentials.signInUser.login
    Object.assign(okta.settings, set)
    try {
      await expect(testSignIn(await oktaOptions(`${okta.orgUrl}/oauth2/default`))).rejects.toThrow(said)
    } finally {
      Object.assign(okta.settings, noIdTokenFaults(), { autoSignIn: null })
    }
    okta.settings.autoSignIn = okta.credentials.signInUser.login
    await expect(testSignIn(await oktaOptions(`${okta.orgUrl}/oauth2/default`))).resolves.toMatchObject({ userName: okta.credentials.signInUser.login })
    okta.settings.autoSignIn = null
  })

  it.each(faults)('Entra ID: $name', async ({ set, said }) => {
    const person = [...entra.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
    entra.setAutoSignIn(person?.userPrincipalName ?? null)
    const options = async (): Promise<TestSignInOptions> => ({ loopback, openBrowser, service: 'Microsoft Entra ID', discovery: await discover(`${entra.baseUrl}/${entra.tenantId}/v2.0`, { service: 'Microsoft Entra ID' }), clientId: entra.credentials.app.clientId, clientSecret: entra.credentials.app.clientSecret, timeoutMs: 10_000 })
    Object.assign(entra.settings, set)
    try {
      await expect(testSignIn(await options())).rejects.toThrow(said)
    } finally {
      Object.assign(entra.settings, noIdTokenFaults())
    }
    await expect(testSignIn(await options())).resolves.toMatchObject({ objectId: person?.id })
    entra.setAutoSignIn(null)
  })
})
