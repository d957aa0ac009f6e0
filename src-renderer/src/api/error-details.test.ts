import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { StudioError } from '../../../src-shared/contract'
import { cachedNames, errorReference, fixLink, validationIssues, type FixNames } from './error-details'
import { procedureKey } from './procedure-hooks'

describe('error details', () => {
  it('lists the well-formed issues of a VALIDATION_FAILED error only', () => {
    const error = new StudioError('VALIDATION_FAILED', 'Not valid.', {
      issues: [{ path: 'theme', message: 'Invalid option' }, { path: 3 }, 'junk']
    })
    expect(validationIssues(error)).toEqual([{ path: 'theme', message: 'Invalid option' }])
    expect(validationIssues(new StudioError('INTERNAL', 'Oops.', { issues: [{ path: 'a', message: 'b' }] }))).toEqual([])
  })

  it('reads the support reference', () => {
    expect(errorReference(new StudioError('INTERNAL', 'Oops.', { reference: 'abc-123' }))).toBe('abc-123')
    expect(errorReference(new StudioError('NOT_FOUND', 'Gone.'))).toBeNull()
  })
})

describe('the link to where an error is fixed', () => {
  const names: FixNames = { haloInstance: (id) => (id === 'h1' ? 'Northwind Halo' : null), connection: (id) => (id === 'c1' ? 'Northwind Okta' : null) }
  const home = { pathname: '/', search: '' }
  const failing = (fix: unknown): StudioError => new StudioError('SIGN_IN_REQUIRED', 'Refused.', { reason: 'client', fix })

  it('opens the Halo instance’s page, by name when known', () => {
    expect(fixLink(failing({ area: 'halo-instance', id: 'h1' }), names, home)).toEqual({ label: 'Open Northwind Halo’s settings', path: '/halo-instances/h1' })
    expect(fixLink(failing({ area: 'halo-instance', id: 'h 2' }), names, home)).toEqual({ label: 'Open the Halo instance’s settings', path: '/halo-instances/h%202' })
  })

  it('opens the connection’s tab: Details at its plain address, the others by ?tab=', () => {
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'details' }), names, home)).toEqual({ label: 'Open Northwind Okta’s credentials', path: '/connections/c1' })
    expect(fixLink(failing({ area: 'connection', id: 'c2', tab: 'site-mappings' }), names, home)).toEqual({ label: 'Open the connection’s site mappings', path: '/connections/c2?tab=site-mappings' })
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'onboarding' }), names, home)).toEqual({ label: 'Open Northwind Okta’s Onboarding tab', path: '/connections/c1?tab=onboarding' })
  })

  it('shows no link to the page already open, nor for an error without a well-formed fix', () => {
    expect(fixLink(failing({ area: 'halo-instance', id: 'h1' }), names, { pathname: '/halo-instances/h1', search: '' })).toBeNull()
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'details' }), names, { pathname: '/connections/c1', search: '' })).toBeNull()
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'details' }), names, { pathname: '/connections/c1', search: '?tab=details' })).toBeNull()
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'details' }), names, { pathname: '/connections/c1', search: '?tab=imports' })).toMatchObject({ path: '/connections/c1' })
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'imports' }), names, { pathname: '/connections/c1', search: '?tab=imports' })).toBeNull()
    expect(fixLink(failing({ area: 'connection', id: 'c1', tab: 'nowhere' }), names, home)).toBeNull()
    expect(fixLink(new StudioError('UNREACHABLE', 'Gone.'), names, home)).toBeNull()
  })

  it('takes names from the lists react-query holds, without reading them', () => {
    const queryClient = new QueryClient()
    expect(cachedNames(queryClient).haloInstance('h1')).toBeNull()
    queryClient.setQueryData(procedureKey('halo:list', {}), [{ id: 'h1', name: 'Northwind Halo' }])
    queryClient.setQueryData(procedureKey('connections:list', {}), [{ id: 'c1', name: 'Northwind Okta' }])
    expect(cachedNames(queryClient).haloInstance('h1')).toBe('Northwind Halo')
    expect(cachedNames(queryClient).connection('c1')).toBe('Northwind Okta')
    expect(cachedNames(queryClient).connection('c9')).toBeNull()
  })
})
