/**
 * How a connection test went, read from its checklist. Main puts the sign-in first (key "auth") and,
 * when it fails, marks every other item failed with "Not checked"; those count as not checked here,
 * so the one real failure stands out.
 */
import type { HaloCheck, HaloCheckItem } from '../../../../src-shared/contract'

export type CheckState = 'passed' | 'failed' | 'not-checked'

export interface CheckOutcome {
  signInFailed: boolean
  /** Items that were checked and failed. */
  failed: number
  stateOf: (item: HaloCheckItem) => CheckState
}

export function checkOutcome(check: HaloCheck): CheckOutcome {
  const signInFailed = check.items.some((item) => item.key === 'auth' && !item.ok)
  const stateOf = (item: HaloCheckItem): CheckState => (item.ok ? 'passed' : signInFailed && item.key !== 'auth' ? 'not-checked' : 'failed')
  return { signInFailed, failed: check.items.filter((item) => stateOf(item) === 'failed').length, stateOf }
}

/** "Connection OK", "Sign-in failed" or "3 checks failed". */
export function shortOutcomeText(check: HaloCheck): string {
  const { signInFailed, failed } = checkOutcome(check)
  return check.ok ? 'Connection OK' : signInFailed ? 'Sign-in failed' : `${failed} ${failed === 1 ? 'check' : 'checks'} failed`
}
