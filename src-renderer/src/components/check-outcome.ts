/**
 * How a connection test went, read from its checklist (Halo's "Test connection", Okta's "Test
 * credentials"). Main puts the sign-in first (key "auth") and, when it fails, marks every other item
 * failed with "Not checked"; those count as not checked here, so the one real failure stands out.
 */
import type { Checklist, ChecklistItem } from '../../../src-shared/contract'

export type CheckState = 'passed' | 'failed' | 'not-checked'

export interface CheckOutcome {
  signInFailed: boolean
  /** Items that were checked and failed. */
  failed: number
  stateOf: (item: ChecklistItem) => CheckState
}

export function checkOutcome(check: Checklist): CheckOutcome {
  const signInFailed = check.items.some((item) => item.key === 'auth' && !item.ok)
  const stateOf = (item: ChecklistItem): CheckState => (item.ok ? 'passed' : signInFailed && item.key !== 'auth' ? 'not-checked' : 'failed')
  return { signInFailed, failed: check.items.filter((item) => stateOf(item) === 'failed').length, stateOf }
}

/** `passedText` ("Connection OK") when every check passed, else "Sign-in failed" or "3 checks failed". */
export function shortOutcomeText(check: Checklist, passedText: string): string {
  const { signInFailed, failed } = checkOutcome(check)
  return check.ok ? passedText : signInFailed ? 'Sign-in failed' : `${failed} ${failed === 1 ? 'check' : 'checks'} failed`
}
