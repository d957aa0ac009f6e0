/**
 * The checks before SSO settings reach Halo, against the Okta and Entra sandboxes over real sockets:
 * discovery of the org and the custom (default) authorization servers and of an Entra tenant; an
 * issuer the document does not name; an address with no sign-in configuration; the -admin host and
 * an org / custom server choice that does not match the issuer, caught before anything is fetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'
import { discover, oktaIssuerProblem } from './oidc-discovery'

let okta: OktaSandbox
let entra: EntraSandbox

beforeAll(async () => {
  okta = await startOktaSandbox({ people: 20 })
  entra = await startEntraSandbox({ people: 20 })
}, 60_000)

afterAll(async () => {
  await okta.close()
  await entra.close()
})

describe('discover', () => {
  it('reads the org and custom authorization servers of Okta and an Entra tenant', async () => {
    const org = await discover(`${okta.orgUrl}/`, { service: 'Okta' })
    expect(org).toMatchObject({ issuer: okta.orgUrl, authorizationEndpoint: `${okta.orgUrl}/oauth2/v1/authorize`, jwksUri: `${okta.orgUrl}/oauth2/v1/keys` })
    const custom = await discover(`${okta.orgUrl}/oauth2/default`, { service: 'Okta' })
    expect(custom.authorizationEndpoint).toBe(`${okta.orgUrl}/oauth2/default/v1/authorize`)
    const tenant = await discover(`${entra.baseUrl}/${entra.tenantId}/v2.0`, { service: 'Microsoft Entra ID' })
    expect(tenant.jwksUri).toBe(`${entra.baseUrl}/${entra.tenantId}/discovery/v2.0/keys`)
  })

  it('refuses an issuer the document does not name, and an address with no sign-in configuration', async () => {
    await expect(discover(`${entra.baseUrl}/${entra.tenantId.toUpperCase()}/v2.0`, { service: 'Microsoft Entra ID' })).rejects.toThrow(/The issuer does not match: .* says it is "http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+\/v2\.0"/)
    await expect(discover(`${okta.orgUrl}/oauth2/nosuchserver`, { service: 'Okta' })).rejects.toThrow(/Okta has no sign-in configuration at .*\/oauth2\/nosuchserver\/\.well-known\/openid-configuration \(HTTP 404\)/)
    await expect(discover('http://example.com', { service: 'Okta' })).rejects.toThrow('The issuer must use https')
  })
})

describe('oktaIssuerProblem', () => {
  it('catches the Admin Console host and an org / custom choice that does not match the issuer', () => {
    expect(oktaIssuerProblem('https://acme-admin.okta.com', { kind: 'org' })).toBe('acme-admin.okta.com is the Admin Console address; sign-in there fails with a 404. Use your primary Okta domain without "-admin": https://acme.okta.com.')
    expect(oktaIssuerProblem('https://acme.okta.com/oauth2/default', { kind: 'org' })).toMatch(/custom authorization server "default", but the org authorization server is chosen/)
    expect(oktaIssuerProblem('https://acme.okta.com', { kind: 'custom', id: 'default' })).toMatch(/ends in \/oauth2\/<its id>/)
    expect(oktaIssuerProblem('https://acme.okta.com/oauth2/aus1', { kind: 'custom', id: 'default' })).toBe('The issuer names the authorization server "aus1", but "default" is chosen.')
    expect(oktaIssuerProblem('https://acme.okta.com/', { kind: 'org' })).toBeNull()
    expect(oktaIssuerProblem('https://acme.okta.com/oauth2/default', { kind: 'custom', id: 'default' })).toBeNull()
  })
})
