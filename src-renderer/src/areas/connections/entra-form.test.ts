/** The Entra connection form: a new one's defaults, a saved one's values, what is sent (an empty secret keeps the stored one), and every wrong field reported at once in main's words. */
import { describe, expect, it } from 'vitest'
import type { Connection } from '../../../../src-shared/contract'
import { checkEntraForm, customHosts, entraFormFromValues, initialEntraValues, newEntraValues, type EntraFormValues } from './entra-form'

const valid: EntraFormValues = {
  ...newEntraValues,
  name: 'Northwind Entra ID',
  haloInstanceId: 'h1',
  tenantId: 'northwindtraders.onmicrosoft.com',
  clientId: '11111111-2222-3333-4444-555555555555',
  clientSecret: 'abc8Q~secret-value'
}

const saved: Connection = {
  id: 'c1',
  kind: 'entra',
  name: 'Northwind Entra ID',
  haloInstanceId: 'h1',
  haloInstanceName: 'Production Halo',
  okta: null,
  entra: {
    tenantType: 'multi',
    signIn: 'delegated',
    tenantId: 'northwindtraders.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    authorityHost: 'https://login.microsoftonline.us',
    graphHost: 'https://graph.microsoft.us',
    delta: false,
    devices: true,
    secretExpiresAt: '2027-03-31T00:00:00.000Z',
    secretExpirySource: 'entered',
    authorizedAs: 'ada@northwind.example',
    authorizedAt: '2026-11-30T10:00:00.000Z',
    secretSet: true,
    deltaReady: false
  },
  lastTest: null,
  snapshot: null
}

describe('the Entra connection form', () => {
  it('starts on Microsoft’s global cloud with delta on and devices off, choosing the only Halo instance', () => {
    expect(initialEntraValues(undefined, ['h1'])).toEqual({ ...newEntraValues, haloInstanceId: 'h1' })
    expect(newEntraValues).toMatchObject({ delta: true, devices: false })
    expect(customHosts(newEntraValues)).toBe(false)
  })

  it('shows a saved connection as saved, with the expiry the admin entered and its hosts section open', () => {
    const values = initialEntraValues(saved, ['h1', 'h2'])
    expect(values).toMatchObject({ tenantType: 'multi', signIn: 'delegated', secretExpiresOn: '2027-03-31', clientSecret: '', delta: false, devices: true })
    expect(customHosts(values)).toBe(true)
    // An expiry Graph told is not the admin's to edit.
    expect(initialEntraValues({ ...saved, entra: saved.entra && { ...saved.entra, secretExpirySource: 'graph' } }, []).secretExpiresOn).toBe('')
  })

  it('sends an empty secret and expiry as null (the stored secret is kept), and the switches as set', () => {
    expect(entraFormFromValues({ ...valid, clientSecret: '  ', secretExpiresOn: '' }, 'c1')).toMatchObject({ id: 'c1', clientSecret: null, secretExpiresOn: null, delta: true, devices: false })
    expect(entraFormFromValues({ ...valid, delta: false, devices: true }, undefined)).toMatchObject({ delta: false, devices: true })
    expect(checkEntraForm({ ...valid, clientSecret: '' }, { id: 'c1', secretStored: true }).ok).toBe(true)
  })

  it('reports every wrong field at once, in main’s words', () => {
    const check = checkEntraForm({ ...newEntraValues, tenantId: 'organizations', clientId: 'nope', secretExpiresOn: '2027-13-01', graphHost: 'http://graph.example.com' }, { id: undefined, secretStored: false })
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(Object.keys(check.errors).sort()).toEqual(['clientId', 'clientSecret', 'graphHost', 'haloInstanceId', 'name', 'secretExpiresOn', 'tenantId'])
    expect(check.errors.tenantId).toContain('is not one tenant')
    expect(check.errors.graphHost).toContain('must use https')
  })
})
