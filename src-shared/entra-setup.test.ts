/** The redirect URIs derived from a Halo address, the admin-consent link, and the secret-expiry levels at their boundaries (30 and 7 days, and expired). */
import { describe, expect, it } from 'vitest'
import { adminConsentUrl, entraRedirectUris, secretExpiryState } from './entra-setup'

describe('entraRedirectUris', () => {
  it('derives Halo’s, agent and user SSO, and this app’s Authorize URI from the Halo address', () => {
    expect(entraRedirectUris('https://northwind.haloitsm.com/').map((uri) => uri.uri)).toEqual([
      'https://northwind.haloitsm.com',
      'https://northwind.haloitsm.com/auth/account/azureresponse',
      'https://northwind.haloitsm.com/portal/auth/account/azureresponse',
      'http://localhost/identity-studio'
    ])
    expect(entraRedirectUris('https://northwind.haloitsm.com', 'https://support.northwind.example/')[2]?.uri).toBe('https://support.northwind.example/auth/account/azureresponse')
  })
})

describe('adminConsentUrl', () => {
  it('points at the tenant’s adminconsent endpoint for the app', () => {
    expect(adminConsentUrl('https://login.microsoftonline.com/', 'contoso.onmicrosoft.com', '11111111-2222-3333-4444-555555555555')).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=11111111-2222-3333-4444-555555555555')
  })
})

describe('secretExpiryState', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  const inDays = (days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString()
  it('warns from 30 days, urgently from 7, and says when it has expired', () => {
    expect(secretExpiryState(inDays(31), now)).toEqual({ days: 31, level: 'ok' })
    expect(secretExpiryState(inDays(30), now)).toEqual({ days: 30, level: 'soon' })
    expect(secretExpiryState(inDays(8), now)).toEqual({ days: 8, level: 'soon' })
    expect(secretExpiryState(inDays(7), now)).toEqual({ days: 7, level: 'urgent' })
    expect(secretExpiryState(inDays(0.5), now)).toEqual({ days: 0, level: 'urgent' })
    expect(secretExpiryState(inDays(-0.5), now)).toEqual({ days: -1, level: 'expired' })
  })
})
