/**
 * Site-mapping field criteria, compiled once: equals, not equals, starts with, ends with, contains,
 * is empty, is not empty, matches (regex). Text comparisons ignore case and surrounding spaces, as
 * Halo's own filters do; a list attribute matches when any of its entries does (and "not equals" /
 * "is empty" hold only when all do). Each failed criterion says why, in the admin's words.
 */
import type { AttributeValue, DirectoryPerson } from '../../src-shared/contract'
import type { Criterion } from '../../src-shared/mapping/config-schema'
import { attributeTexts, readAttribute } from './directory-data'
import { compileRegex } from './transforms'

export const operatorLabels: Record<Criterion['operator'], string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  starts_with: 'starts with',
  ends_with: 'ends with',
  contains: 'contains',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  matches: 'matches'
}

/**
 * Null when the person meets it; otherwise why not — in words when `explain` is set, else just
 * `notMet` (a preview of thousands needs only the verdict). Throws TransformError for a bad regex.
 */
export type CompiledCriterion = (person: DirectoryPerson, explain: boolean) => string | null

export const notMet = 'not met'

export function compileCriterion(criterion: Criterion): CompiledCriterion {
  const wanted = criterion.value.trim().toLowerCase()
  const test = tester(criterion.operator, wanted, criterion.operator === 'matches' ? compileRegex(criterion.value, 'iu') : null)
  const negative = criterion.operator === 'not_equals' || criterion.operator === 'is_empty'
  const describe = `${criterion.field} ${operatorLabels[criterion.operator]}${criterion.operator === 'is_empty' || criterion.operator === 'is_not_empty' ? '' : ` "${criterion.value}"`}`
  const holds = (value: AttributeValue): boolean => {
    if (!Array.isArray(value)) return test(value === null ? '' : String(value).trim().toLowerCase())
    const values = value.length === 0 ? [''] : value
    return negative ? values.every((entry) => test(entry.trim().toLowerCase())) : values.some((entry) => test(entry.trim().toLowerCase()))
  }
  return (person, explain) => {
    const value = readAttribute(person, criterion.field)
    if (holds(value)) return null
    if (!explain) return notMet
    const actual = attributeTexts(value)
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== '')
    return `${describe} is not true (${criterion.field} is ${actual.length === 0 ? 'empty' : actual.map((entry) => `"${entry}"`).join(', ')})`
  }
}

function tester(operator: Criterion['operator'], wanted: string, regex: RegExp | null): (value: string) => boolean {
  switch (operator) {
    case 'equals':
      return (value) => value === wanted
    case 'not_equals':
      return (value) => value !== wanted
    case 'starts_with':
      return (value) => value.startsWith(wanted)
    case 'ends_with':
      return (value) => value.endsWith(wanted)
    case 'contains':
      return (value) => value.includes(wanted)
    case 'is_empty':
      return (value) => value === ''
    case 'is_not_empty':
      return (value) => value !== ''
    case 'matches':
      return (value) => regex?.test(value) ?? false
  }
}
