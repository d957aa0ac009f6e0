import { describe, expect, it } from 'vitest'
import { complianceColor, complianceLabel, countText, credentialText, groupTypeLabel, ownershipLabel, statusLabel } from './connection-labels'

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

  it('names Intune’s compliance and ownership as its portal does, coloured compliant green and not compliant red', () => {
    expect([complianceLabel('compliant'), complianceLabel('noncompliant'), complianceLabel('inGracePeriod'), complianceLabel('error'), complianceLabel(null)]).toEqual(['Compliant', 'Not compliant', 'In grace period', 'Error', 'Unknown'])
    expect([complianceColor('compliant'), complianceColor('noncompliant'), complianceColor('inGracePeriod'), complianceColor(null)]).toEqual(['green', 'red', 'gray', 'gray'])
    expect([ownershipLabel('company'), ownershipLabel('personal'), ownershipLabel('unknown'), ownershipLabel(null)]).toEqual(['Corporate', 'Personal', null, null])
  })

  it('counts with the right word', () => {
    expect(countText(1, 'person', 'people')).toBe('1 person')
    expect(countText(12_345, 'person', 'people')).toBe('12,345 people')
  })
})
