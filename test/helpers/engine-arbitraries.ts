/**
 * fast-check generators for the engine's and the planner's property tests: directory people with
 * awkward values (empty, padded, accented, a shared email), statuses active and not, and site
 * mappings filtering on the fixture groups and on department.
 */
import fc from 'fast-check'
import type { DirectoryPerson } from '../../src-shared/contract'
import type { SiteMapping } from '../../src-shared/mapping/config-schema'
import { groups, person } from './engine-fixtures'

export const words = ['Sales', 'Finance', 'IT', 'London', 'Leeds', '', ' padded ', 'Zoë', 'ÅNGSTRÖM', 'o’brien']
export const word = fc.constantFrom(...words)

export const directoryPerson: fc.Arbitrary<DirectoryPerson> = fc
  .record({ id: fc.uuid(), firstName: word, lastName: word, city: word, department: word, email: fc.constantFrom('a@x.example', 'b@x.example', 'c@x.example', ''), status: fc.constantFrom('ACTIVE', 'SUSPENDED', 'STAGED') })
  .map((fields) => person(fields.id, { ...fields, email: fields.email || null, city: fields.city || null, department: fields.department || null }))

export const siteMapping = (id: string): fc.Arbitrary<SiteMapping> =>
  fc
    .record({
      sequence: fc.integer({ min: 0, max: 50 }),
      group: fc.option(fc.constantFrom(...groups.map((group) => group.name)), { nil: null }),
      department: fc.option(word, { nil: null }),
      site: fc.constantFrom(1, 2, 3)
    })
    .map(
      ({ sequence, group, department, site }): SiteMapping => ({
        kind: 'existing-site',
        id,
        sequence,
        siteId: site,
        agentRoleId: null,
        groupName: group,
        criteria: department === null ? [] : [{ field: 'department', operator: 'equals', value: department }],
        includeExternal: true,
        appId: null,
        statuses: [],
        userRoleId: null
      })
    )
