/** Environment-variable secrets: how names become variables, and a variable two names would share. */
import { describe, expect, it } from 'vitest'
import { secretEnvironment, variableSuffix } from './secret-environment'

describe('variableSuffix', () => {
  it.each([
    ['Northwind Okta', 'NORTHWIND_OKTA'],
    ['  Halo – Production (EU) ', 'HALO_PRODUCTION_EU'],
    ['Zürich Entra', 'ZURICH_ENTRA'],
    ['okta.example.com', 'OKTA_EXAMPLE_COM'],
    ['—', '']
  ])('%s → %s', (name, suffix) => {
    expect(variableSuffix(name)).toBe(suffix)
  })
})

describe('secretEnvironment', () => {
  const secrets = [
    { secretId: 'halo:1:client-secret', variable: 'HALO_IDENTITY_HALO_SECRET_PROD', owner: 'Halo instance "Prod"' },
    { secretId: 'connection:2:okta-credential', variable: 'HALO_IDENTITY_CONNECTION_SECRET_OKTA', owner: 'connection "Okta"' },
    { secretId: 'connection:3:okta-credential', variable: 'HALO_IDENTITY_CONNECTION_SECRET_OKTA', owner: 'connection "okta!"' }
  ]

  it('gives a set variable, and nothing for an unset or empty one or an unknown secret', () => {
    const environment = secretEnvironment({ HALO_IDENTITY_HALO_SECRET_PROD: 's3cret', HALO_IDENTITY_CONNECTION_SECRET_OKTA: '' }, secrets)
    expect(environment.valueFor('halo:1:client-secret')).toBe('s3cret')
    expect(environment.valueFor('connection:2:okta-credential')).toBeNull()
    expect(environment.valueFor('halo:9:client-secret')).toBeNull()
  })

  it('refuses a variable that two names share, naming both', () => {
    const environment = secretEnvironment({ HALO_IDENTITY_CONNECTION_SECRET_OKTA: 'token' }, secrets)
    expect(() => environment.valueFor('connection:2:okta-credential')).toThrow(
      'HALO_IDENTITY_CONNECTION_SECRET_OKTA would be the secret of connection "Okta" and connection "okta!": their names differ only in punctuation or case. Rename one of them in the app'
    )
  })
})
