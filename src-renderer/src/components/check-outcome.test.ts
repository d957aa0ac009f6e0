import { describe, expect, it } from 'vitest'
import type { Checklist } from '../../../src-shared/contract'
import { checkOutcome, shortOutcomeText } from './check-outcome'

const item = (key: string, ok: boolean): Checklist['items'][number] => ({ key, label: key, ok, message: '', count: null })
const check = (...items: Checklist['items']): Checklist => ({ checkedAt: '2026-03-12T14:00:00Z', ok: items.every((each) => each.ok), items })

describe('checkOutcome', () => {
  it('counts failures when signing in worked', () => {
    const outcome = checkOutcome(check(item('auth', true), item('users', false), item('sites', true), item('roles', false)))
    expect(outcome.signInFailed).toBe(false)
    expect(outcome.failed).toBe(2)
    expect(shortOutcomeText(check(item('auth', true), item('users', false)), 'Connection OK')).toBe('1 check failed')
    expect(shortOutcomeText(check(item('auth', true), item('users', true)), 'Credentials OK')).toBe('Credentials OK')
  })

  it('treats everything after a failed sign-in as not checked', () => {
    const failed = check(item('auth', false), item('users', false), item('sites', false))
    const outcome = checkOutcome(failed)
    expect(outcome.failed).toBe(1)
    expect(failed.items.map(outcome.stateOf)).toEqual(['failed', 'not-checked', 'not-checked'])
    expect(shortOutcomeText(failed, 'Connection OK')).toBe('Sign-in failed')
  })
})
