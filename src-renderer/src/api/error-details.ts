/**
 * Reads what an admin should see from a StudioError: for VALIDATION_FAILED the list of fields that
 * were wrong, and for INTERNAL the reference to quote when reporting it.
 */
import type { StudioError } from '../../../src-shared/contract'

export interface FieldIssue {
  path: string
  message: string
}

export function validationIssues(error: StudioError): FieldIssue[] {
  if (error.code !== 'VALIDATION_FAILED') return []
  const issues: unknown = error.details?.issues
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : []
}

function isFieldIssue(issue: unknown): issue is FieldIssue {
  if (typeof issue !== 'object' || issue === null) return false
  const { path, message } = issue as Record<string, unknown>
  return typeof path === 'string' && typeof message === 'string'
}

export function errorReference(error: StudioError): string | null {
  const reference = error.details?.reference
  return typeof reference === 'string' ? reference : null
}
