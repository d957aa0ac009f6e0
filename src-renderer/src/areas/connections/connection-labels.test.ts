import { describe, expect, it } from 'vitest'
import { countText, credentialText, groupTypeLabel, statusLabel } from './connection-labels'

describe('connection labels', () => {
  it('turns source status words into labels', () => {
    expect(statusLabel('ACTIVE')).toBe('Active')
    expect(statusLabel('LOCKED_OUT')).toBe('Locked out')
    expect(statusLabel('PASSWORD_EXPIRED')).toBe('Password expired')
    expect(statusLabel('enabled')).toBe('Enabled')
    expect(groupTypeLabel('APP_GROUP')).toBe('App group')
    expect(groupTypeLabel('SECURITY_GROUP')).toBe('Security group')
  })

  it('says whether the credential is stored, by its name', () => {
    expect(credentialText({ authMode: 'api_token', credentialSet: true })).toBe('API token in keychain')
    expect(credentialText({ authMode: 'service_app', credentialSet: true })).toBe('Private key in keychain')
    expect(credentialText({ authMode: 'service_app', credentialSet: false })).toBe('No private key stored')
  })

  it('counts with the right word', () => {
    expect(countText(1, 'person', 'people')).toBe('1 person')
    expect(countText(12_345, 'person', 'people')).toBe('12,345 people')
  })
})
