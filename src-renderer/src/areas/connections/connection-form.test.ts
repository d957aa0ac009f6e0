import { describe, expect, it } from 'vitest'
import { StudioError, type Connection } from '../../../../src-shared/contract'
import { checkOktaForm, credentialStored, formFromValues, initialValues, newConnectionValues, oktaErrorsFromStudioError, type OktaFormValues } from './connection-form'

const valid: OktaFormValues = {
  ...newConnectionValues,
  name: 'Northwind Okta',
  haloInstanceId: 'h1',
  orgUrl: 'https://northwind.okta.com',
  apiToken: '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd'
}

const saved: Connection = {
  id: 'c1',
  kind: 'okta',
  name: 'Northwind Okta',
  haloInstanceId: 'h1',
  haloInstanceName: 'Production Halo',
  okta: { orgUrl: 'https://northwind.okta.com', authMode: 'api_token', clientId: null, keyId: null, credentialSet: true, warnings: [] },
  entra: null,
  lastTest: null,
  snapshot: null
}

describe('checkOktaForm', () => {
  it('accepts a complete API-token form and leaves out the service-app fields', () => {
    const check = checkOktaForm({ ...valid, clientId: '0oa1', privateKey: 'x' }, { id: undefined, credentialStored: false })
    expect(check).toEqual({ ok: true, form: { ...valid, clientId: null, privateKey: null, keyId: null } })
  })

  it('reports every wrong field at once, in main’s words', () => {
    const check = checkOktaForm({ ...newConnectionValues, orgUrl: 'https://northwind-admin.okta.com' }, { id: undefined, credentialStored: false })
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(Object.keys(check.errors).sort()).toEqual(['apiToken', 'haloInstanceId', 'name', 'orgUrl'])
    expect(check.errors.orgUrl).toContain('is the Admin Console address')
    expect(check.errors.apiToken).toContain('Security › API › Tokens')
  })

  it('refuses an http address and a token pasted with "SSWS"', () => {
    const check = checkOktaForm({ ...valid, orgUrl: 'http://northwind.okta.com', apiToken: 'SSWS 00abc' }, { id: undefined, credentialStored: false })
    expect(check.ok || check.errors).toEqual({
      orgUrl: 'Okta is only reached over https. Use https://northwind.okta.com.',
      apiToken: 'An Okta API token has no spaces: paste only the token, without "SSWS".'
    })
  })

  it('asks a service app for its client ID, key and, for a PEM key, the key ID', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'
    const check = checkOktaForm({ ...valid, authMode: 'service_app', privateKey: pem }, { id: undefined, credentialStored: false })
    expect(check.ok || Object.keys(check.errors).sort()).toEqual(['clientId', 'keyId'])
  })

  it('keeps the stored token when editing with the token left empty', () => {
    const values = initialValues(saved, ['h1', 'h2'])
    expect(values).toMatchObject({ name: 'Northwind Okta', haloInstanceId: 'h1', apiToken: '' })
    const check = checkOktaForm(values, { id: saved.id, credentialStored: credentialStored(saved, values.authMode) })
    expect(check.ok && check.form).toMatchObject({ id: 'c1', apiToken: null })
    expect(credentialStored(saved, 'service_app')).toBe(false)
  })
})

describe('initialValues and formFromValues', () => {
  it('chooses the only Halo instance for a new connection', () => {
    expect(initialValues(undefined, ['h1']).haloInstanceId).toBe('h1')
    expect(initialValues(undefined, ['h1', 'h2']).haloInstanceId).toBe('')
  })

  it('sends an empty key as "keep the stored one"', () => {
    expect(formFromValues({ ...valid, authMode: 'service_app', clientId: ' 0oa1 ', privateKey: '  ' }, 'c1')).toMatchObject({ id: 'c1', apiToken: null, clientId: '0oa1', privateKey: null })
  })
})

describe('oktaErrorsFromStudioError', () => {
  it('puts main field issues under their fields', () => {
    const error = new StudioError('VALIDATION_FAILED', 'Some fields need attention', { issues: [{ path: 'orgUrl', message: 'Wrong' }] })
    expect(oktaErrorsFromStudioError(error)).toEqual({ errors: { orgUrl: 'Wrong' }, rest: false })
  })
})
