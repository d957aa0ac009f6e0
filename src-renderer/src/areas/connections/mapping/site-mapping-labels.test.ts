import { describe, expect, it } from 'vitest'
import type { SiteMapping } from '../../../../../src-shared/mapping/config-schema'
import { criterionText, inSequence, nextSequence, reorder, siteMappingErrors } from './site-mapping-labels'

const common = { groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
const site = (id: string, sequence: number, siteId: number | string = 1): SiteMapping => ({ kind: 'existing-site', id, sequence, siteId, agentRoleId: null, ...common })

describe('site mapping labels', () => {
  it('says criteria in words, without a value for is empty', () => {
    expect(criterionText({ field: 'department', operator: 'not_equals', value: 'Sales' })).toBe('department does not equal “Sales”')
    expect(criterionText({ field: 'manager', operator: 'is_empty', value: '' })).toBe('manager is empty')
  })

  it('orders by sequence, ties in list order, and renumbers after a move', () => {
    const mappings = [site('a', 5), site('b', 1), site('c', 5)]
    expect(inSequence(mappings).map((mapping) => mapping.id)).toEqual(['b', 'a', 'c'])
    const moved = reorder(mappings, 'c', 0)
    expect(moved.map((mapping) => [mapping.id, mapping.sequence])).toEqual([['c', 1], ['b', 2], ['a', 3]])
    expect(reorder(mappings, 'a', 9).map((mapping) => mapping.id)).toEqual(['c', 'b', 'a'])
    expect(nextSequence(mappings)).toBe(4)
    expect(nextSequence([])).toBe(1)
  })

  it('asks for a site, a client and field, and criteria values', () => {
    expect(siteMappingErrors(site('a', 1))).toBeNull()
    expect(siteMappingErrors(site('a', 1, ''))?.siteId).toMatch(/Pick a site/)
    const organisation: SiteMapping = { kind: 'organisation-by-field', id: 'o', sequence: 1, clientId: '', field: '', ...common, criteria: [{ field: 'title', operator: 'equals', value: ' ' }, { field: 'manager', operator: 'is_empty', value: '' }, { field: 'x', operator: 'matches', value: '(' }] }
    const errors = siteMappingErrors(organisation)
    expect(errors?.clientId).toBeDefined()
    expect(errors?.field).toBeDefined()
    expect(errors?.criteria).toEqual({ 0: { value: 'Enter the value to compare with.' }, 2: { value: 'This is not a valid regular expression.' } })
  })
})
