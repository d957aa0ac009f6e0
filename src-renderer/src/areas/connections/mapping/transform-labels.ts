/** Transforms in words: each kind's name, and one step summed up for a table cell ("Title Case", "lookup: 3 values"). */
import type { Transform } from '../../../../../src-shared/mapping/config-schema'

export const transformLabels: Record<Transform['kind'], string> = {
  trim: 'Trim spaces',
  case: 'Change case',
  template: 'Template',
  replace: 'Find and replace',
  default: 'Default when empty',
  lookup: 'Lookup table'
}

export function transformSummary(step: Transform): string {
  switch (step.kind) {
    case 'trim':
      return 'trim'
    case 'case':
      return step.to === 'upper' ? 'UPPER CASE' : step.to === 'lower' ? 'lower case' : 'Title Case'
    case 'template':
      return `template ${step.template}`
    case 'replace':
      return `replace /${step.pattern}/ with "${step.replacement}"`
    case 'default':
      return `default "${step.value}"`
    case 'lookup':
      return `lookup: ${step.entries.length} value${step.entries.length === 1 ? '' : 's'}`
  }
}
