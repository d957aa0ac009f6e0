/**
 * Properties of the engine over generated inputs (fast-check): transforms are deterministic; every
 * person gets exactly one outcome; the lowest matching sequence wins whatever the list order; a Halo
 * field targeted twice is always rejected; matching never picks among several candidates.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryPerson } from '../../src-shared/contract'
import type { Transform } from '../../src-shared/mapping/config-schema'
import { haloUserFields } from '../../src-shared/mapping/halo-fields'
import { directoryPerson, siteMapping, word } from '../../test/helpers/engine-arbitraries'
import { config, directory, lookups } from '../../test/helpers/engine-fixtures'
import type { HaloRecords } from './halo-state'
import { MappingEngine } from './mapping-engine'
import { compilePipeline } from './transforms'
import { validateConfig } from './validate-config'

const transform: fc.Arbitrary<Transform> = fc.oneof(
  fc.constant<Transform>({ kind: 'trim' }),
  fc.constantFrom<Transform>({ kind: 'case', to: 'upper' }, { kind: 'case', to: 'lower' }, { kind: 'case', to: 'title' }),
  fc.string({ maxLength: 20 }).map((text): Transform => ({ kind: 'template', template: `{firstName} ${text} {value}` })),
  fc.constantFrom('a', '\\s+', '[aeiou]', '^.', '(.)\\1').map((pattern): Transform => ({ kind: 'replace', pattern, replacement: '-', ignoreCase: true })),
  word.map((value): Transform => ({ kind: 'default', value })),
  fc.array(fc.record({ from: word, to: word }), { maxLength: 4 }).map((entries): Transform => ({ kind: 'lookup', entries, ignoreCase: true, otherwise: 'keep', fallback: '' }))
)

describe('properties', () => {
  it('transforms are deterministic', () => {
    fc.assert(
      fc.property(fc.array(transform, { maxLength: 5 }), fc.string({ maxLength: 30 }), word, (transforms, value, firstName) => {
        const read = (name: string): string => (name === 'firstName' ? firstName : '')
        const once = compilePipeline(transforms)(value, read)
        expect(compilePipeline(transforms)(value, read)).toBe(once)
        expect(compilePipeline(transforms)(value, read)).toBe(compilePipeline(transforms)(value, read))
      })
    )
  })

  it('every person gets exactly one outcome, and the lowest matching sequence wins whatever the order', () => {
    fc.assert(
      fc.property(
        fc.array(directoryPerson, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }).chain((keys) => fc.tuple(...keys.map((_, index) => siteMapping(`m${index}`)))),
        (people, mappings) => {
          const unique = mappings.filter((mapping, index) => mappings.findIndex((other) => other.sequence === mapping.sequence) === index)
          const forward = new MappingEngine(config((built) => (built.siteMappings = unique)), lookups, directory(people))
          const backward = new MappingEngine(config((built) => (built.siteMappings = [...unique].reverse())), lookups, directory(people))
          const outcomes = forward.evaluateAll()
          expect(outcomes.map((outcome) => outcome.personId)).toEqual(people.map((candidate) => candidate.id))
          outcomes.forEach((outcome, index) => {
            expect(['user', 'agent', 'none']).toContain(outcome.role)
            expect(outcome.role === 'none').toBe(outcome.user === null)
            const matched = outcome.checks.filter((check) => check.matched).map((check) => check.sequence)
            const expected = matched.length === 0 ? null : unique.find((mapping) => mapping.sequence === Math.min(...matched))?.id
            expect(outcome.winner).toBe(expected ?? null)
            expect(backward.evaluate(people[index] as DirectoryPerson).winner).toBe(outcome.winner)
          })
        }
      ),
      { numRuns: 200 }
    )
  })

  it('a Halo field targeted twice is always rejected', () => {
    const context = { lookups, attributes: null, groups: null, apps: null }
    fc.assert(
      fc.property(fc.constantFrom(...haloUserFields.map((spec) => spec.key)), fc.constantFrom('firstName', 'email', 'city'), (target, source) => {
        const built = config((draft) => draft.fields.user.push({ id: 'dup-a', source, target, transforms: [] }, { id: 'dup-b', source, target, transforms: [] }))
        const twice = validateConfig(built, context).filter((issue) => issue.severity === 'error' && issue.tab === 'fields' && issue.field === 'target' && /already filled/.test(issue.message))
        expect(twice.map((issue) => issue.rowId)).toContain('dup-b')
      })
    )
  })

  it('matching never picks among several candidates', () => {
    const email = fc.constantFrom('a@x.example', 'b@x.example', 'c@x.example', 'A@X.example ')
    fc.assert(
      fc.property(fc.array(directoryPerson, { minLength: 1, maxLength: 8 }), fc.array(email, { maxLength: 8 }), (people, emails) => {
        const records: HaloRecords = { users: emails.map((address, index) => ({ id: index + 1, fields: { emailaddress: address } })), agents: [] }
        const engine = new MappingEngine(config((built) => (built.imports.defaultSiteId = 1)), lookups, directory(people), records)
        for (const outcome of engine.evaluateAll()) {
          const match = outcome.userMatch
          if (match?.kind === 'matched' || match?.kind === 'conflict') {
            const holders = records.users.filter((record) => (record.fields.emailaddress ?? '').trim().toLowerCase() === match.value.toLowerCase())
            expect(match.kind === 'matched' ? holders.length === 1 : holders.length > 1).toBe(true)
          } else {
            const value = outcome.user?.fields.find((result) => result.target === 'emailaddress')?.value
            expect(records.users.some((record) => value && (record.fields.emailaddress ?? '').trim().toLowerCase() === value.toLowerCase())).toBe(false)
          }
        }
      })
    )
  })
})
