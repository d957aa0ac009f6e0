import { describe, expect, it } from 'vitest'
import { transformSummary } from './transform-labels'

describe('transformSummary', () => {
  it('sums each kind up in a few words', () => {
    expect(transformSummary({ kind: 'case', to: 'upper' })).toBe('UPPER CASE')
    expect(transformSummary({ kind: 'replace', pattern: '\\s+', replacement: '', ignoreCase: false })).toBe('replace /\\s+/ with ""')
    expect(transformSummary({ kind: 'lookup', entries: [{ from: 'a', to: 'b' }], ignoreCase: true, otherwise: 'keep', fallback: '' })).toBe('lookup: 1 value')
    expect(transformSummary({ kind: 'template', template: '{firstName}' })).toBe('template {firstName}')
  })
})
