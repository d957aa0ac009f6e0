/**
 * The deactivation guardrail, as the trusted tools have it (Entra Connect stops an export with more
 * than 500 deletions; Okta's import safeguard stops at 20 %): a plan whose deactivations exceed the
 * count or the percentage of the active Halo records it concerns is blocked, until an override that
 * names the exact number of deactivations.
 */
import type { Guardrail } from '../../src-shared/plan/plan-schema'

export function evaluateGuardrail(deactivations: number, base: number, limits: { maxDeactivations: number; maxDeactivationPercent: number }): Guardrail {
  const percent = base === 0 ? (deactivations > 0 ? 100 : 0) : Math.round((deactivations / base) * 1000) / 10
  const overCount = deactivations > limits.maxDeactivations
  const overPercent = percent > limits.maxDeactivationPercent
  const people = (count: number): string => `${count.toLocaleString('en-GB')} ${count === 1 ? 'record' : 'records'}`
  const message = overCount
    ? `This plan deactivates ${people(deactivations)}, more than the ${limits.maxDeactivations.toLocaleString('en-GB')} the guardrail allows (Imports tab).`
    : overPercent
      ? `This plan deactivates ${people(deactivations)}, ${percent} % of the ${people(base)} it concerns — more than the ${limits.maxDeactivationPercent} % the guardrail allows (Imports tab).`
      : null
  return { deactivations, base, percent, maxDeactivations: limits.maxDeactivations, maxPercent: limits.maxDeactivationPercent, blocked: message !== null, message }
}

/** Whether a sync may go ahead: not blocked, or overridden with exactly the plan's number of deactivations. */
export function guardrailAllows(guardrail: Guardrail, override: number | null): boolean {
  return !guardrail.blocked || override === guardrail.deactivations
}
