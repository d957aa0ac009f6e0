import { describe, expect, it } from 'vitest'
import { StudioError, type HaloInstance } from '../../../../src-shared/contract'
import { checkHaloForm, haloErrorsFromStudioError, formFromValues, newInstanceValues, valuesFromInstance, type HaloFormValues } from './instance-form'

const valid: HaloFormValues = {
  ...newInstanceValues,
  name: 'Production Halo',
  baseUrl: 'https://halo.corp.local',
  clientId: 'identity-studio',
  clientSecret: 's3cret'
}

const saved: HaloInstance = {
  id: 'h1',
  name: 'Acme',
  baseUrl: 'https://acme.halopsa.com',
  deployment: 'hosted',
  tenant: 'acme',
  authServerUrl: null,
  authMode: 'client_credentials',
  clientId: 'cid',
  scope: 'all',
  rateLimitRequests: 300,
  rateLimitWindowSeconds: 300,
  isDemo: false,
  secretSet: true,
  signedIn: false,
  lastCheck: null,
  lookups: []
}

describe('checkHaloForm', () => {
  it('accepts a complete on-premise form and gives the contract form', () => {
    const check = checkHaloForm(valid, { id: undefined, secretStored: false })
    expect(check).toEqual({
      ok: true,
      form: { ...valid, tenant: null, authServerUrl: null, rateLimitRequests: 300, rateLimitWindowSeconds: 300 }
    })
  })

  it('reports every wrong field at once, one message each', () => {
    const check = checkHaloForm({ ...newInstanceValues, baseUrl: 'not a URL', deployment: 'hosted' }, { id: undefined, secretStored: false })
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(Object.keys(check.errors).sort()).toEqual(['baseUrl', 'clientId', 'clientSecret', 'name', 'tenant'])
    expect(check.errors.name).toMatch(/Give the instance a name/)
    expect(check.errors.baseUrl).toMatch(/is not a web address/)
    expect(check.errors.tenant).toMatch(/need a tenant/)
  })

  it('asks for a whole number when a rate limit is emptied', () => {
    const check = checkHaloForm({ ...valid, rateLimitRequests: '' }, { id: undefined, secretStored: false })
    expect(check).toEqual({ ok: false, errors: { rateLimitRequests: 'Enter a whole number.' } })
  })

  it('keeps the stored secret when editing with the secret left empty', () => {
    const check = checkHaloForm(valuesFromInstance(saved), { id: saved.id, secretStored: true })
    expect(check.ok && check.form).toMatchObject({ id: 'h1', clientSecret: null, tenant: 'acme' })
  })
})

describe('formFromValues', () => {
  it('leaves out what does not apply: tenant on-premise, auth server hosted, secret for a browser sign-in', () => {
    expect(formFromValues({ ...valid, tenant: 'x', authServerUrl: ' https://auth.corp.local ' }, undefined)).toMatchObject({ tenant: null, authServerUrl: 'https://auth.corp.local' })
    expect(formFromValues({ ...valid, deployment: 'hosted', tenant: ' acme ', authServerUrl: 'https://x' }, undefined)).toMatchObject({ tenant: 'acme', authServerUrl: null })
    expect(formFromValues({ ...valid, authMode: 'authorization_code' }, undefined).clientSecret).toBeNull()
  })
})

describe('haloErrorsFromStudioError', () => {
  it('puts main field issues under their fields and says when something is left over', () => {
    const error = new StudioError('VALIDATION_FAILED', 'Some fields need attention', {
      issues: [
        { path: 'tenant', message: 'Needs a tenant' },
        { path: '(input)', message: 'Odd' }
      ]
    })
    expect(haloErrorsFromStudioError(error)).toEqual({ errors: { tenant: 'Needs a tenant' }, rest: true })
    expect(haloErrorsFromStudioError(new StudioError('KEYCHAIN_UNAVAILABLE', 'No keychain'))).toEqual({ errors: {}, rest: true })
  })
})
