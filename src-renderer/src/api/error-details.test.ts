import { describe, expect, it } from 'vitest'
import { StudioError } from '../../../src-shared/contract'
import { errorReference, validationIssues } from './error-details'

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
