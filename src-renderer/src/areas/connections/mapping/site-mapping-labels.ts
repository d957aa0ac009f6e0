/**
 * Site mappings in words, for the Site Mappings tab: the operators of field criteria, a mapping's
 * kind, target and filters, the order rewrite after a move, and the checks of the editor.
 */
import type { Criterion, SiteMapping } from '../../../../../src-shared/mapping/config-schema'

/** The same words as the engine's (src-main/core/criteria.ts). */
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

export const siteKindLabels: Record<SiteMapping['kind'], string> = {
  'existing-site': 'Existing site',
  'organisation-by-field': 'Organisation by field'
}

/** Whether an operator compares with a value (is empty / is not empty do not). */
export function operatorTakesValue(operator: Criterion['operator']): boolean {
  return operator !== 'is_empty' && operator !== 'is_not_empty'
}

/** "department equals "Sales"", "manager is empty". */
export function criterionText(criterion: Criterion): string {
  return `${criterion.field} ${operatorLabels[criterion.operator]}${operatorTakesValue(criterion.operator) ? ` “${criterion.value}”` : ''}`
}

/** The mappings in the order they are tried: lowest sequence first, ties in list order. */
export function inSequence<T extends { sequence: number }>(mappings: readonly T[]): T[] {
  return mappings.map((mapping, index) => ({ mapping, index })).sort((a, b) => a.mapping.sequence - b.mapping.sequence || a.index - b.index).map(({ mapping }) => mapping)
}

/** Moves the mapping `id` to `to` in the tried order and renumbers all 1, 2, 3…; returns the new order. */
export function reorder<T extends { id: string; sequence: number }>(mappings: T[], id: string, to: number): T[] {
  const ordered = inSequence(mappings)
  const from = ordered.findIndex((mapping) => mapping.id === id)
  if (from === -1 || to < 0 || to >= ordered.length) return ordered
  const [moved] = ordered.splice(from, 1)
  if (moved) ordered.splice(to, 0, moved)
  ordered.forEach((mapping, index) => (mapping.sequence = index + 1))
  return ordered
}

/** The next free sequence: one past the highest. */
export function nextSequence(mappings: readonly { sequence: number }[]): number {
  return mappings.reduce((highest, mapping) => Math.max(highest, mapping.sequence), 0) + 1
}

export interface SiteMappingErrors {
  siteId?: string
  clientId?: string
  field?: string
  criteria: Record<number, { field?: string; value?: string }>
}

/** What the editor must have before writing the mapping (an unpicked site or client is ""); null when nothing is missing. */
export function siteMappingErrors(mapping: SiteMapping): SiteMappingErrors | null {
  const errors: SiteMappingErrors = { criteria: {} }
  let found = false
  if (mapping.kind === 'existing-site') {
    if (mapping.siteId === '') {
      errors.siteId = 'Pick a site, or *agent* to make them agents.'
      found = true
    }
  } else {
    if (mapping.clientId === '') {
      errors.clientId = 'Pick the client the sites are under.'
      found = true
    }
    if (mapping.field.trim() === '') {
      errors.field = 'Pick the attribute that names the site.'
      found = true
    }
  }
  mapping.criteria.forEach((criterion, index) => {
    const row: { field?: string; value?: string } = {}
    if (criterion.field.trim() === '') row.field = 'Pick an attribute.'
    if (operatorTakesValue(criterion.operator) && criterion.value.trim() === '') row.value = 'Enter the value to compare with.'
    if (criterion.operator === 'matches' && row.value === undefined && !validPattern(criterion.value)) row.value = 'This is not a valid regular expression.'
    if (row.field || row.value) {
      errors.criteria[index] = row
      found = true
    }
  })
  return found ? errors : null
}

function validPattern(pattern: string): boolean {
  try {
    new RegExp(pattern)
    return true
  } catch {
    return false
  }
}
