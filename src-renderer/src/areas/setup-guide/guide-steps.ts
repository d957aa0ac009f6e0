/**
 * The setup guide's steps in order, what each one checks, and which can be skipped (with what is
 * lost by skipping). A step shows ✓ only when its check passed on the workspace as it is now: the
 * Halo instance tested, the connection's credentials tested, a snapshot fetched, the mappings saved
 * with somewhere for people to go and reviewed, a preview that matches its inputs (or was synced), a finished sync,
 * single sign-on tested and applied. The admin may only move past a step that is done or skipped.
 */
import type { Connection, GuideProgress, GuideStepId, HaloInstance, PlanView, RunView, SsoState } from '../../../../src-shared/contract'

export interface GuideStep {
  id: GuideStepId
  title: string
  /** One line under the title in the stepper. */
  summary: string
  /** What is lost by skipping; null when the step cannot be skipped. */
  skipLoses: string | null
}

export const guideSteps: readonly GuideStep[] = [
  { id: 'halo', title: 'Halo instance', summary: 'Where people are imported, tested', skipLoses: null },
  { id: 'directory', title: 'Directory', summary: 'Okta or Microsoft Entra ID', skipLoses: null },
  { id: 'provider', title: 'Set up the provider', summary: 'What to create there, for your URLs', skipLoses: 'You will have to find the app, permissions and redirect URIs in the provider’s console yourself.' },
  { id: 'credentials', title: 'Credentials', summary: 'Entered and tested', skipLoses: null },
  { id: 'fetch', title: 'First fetch', summary: 'The directory read into a snapshot', skipLoses: null },
  { id: 'mappings', title: 'Mappings', summary: 'Reviewed with Try it', skipLoses: null },
  { id: 'preview', title: 'First preview', summary: 'What the import would do', skipLoses: null },
  { id: 'sync', title: 'First sync', summary: 'The preview applied to Halo', skipLoses: 'Nobody is created or updated in Halo until you sync; you can do it later from the connection’s Imports tab.' },
  { id: 'sso', title: 'Single sign-on', summary: 'Configured, tested and applied', skipLoses: 'Agents and users keep signing in to Halo as they do today; set it up later from the connection’s SSO tab.' }
]

/** The step an id names (every id has one). */
export function guideStep(id: GuideStepId): GuideStep {
  const step = guideSteps.find((candidate) => candidate.id === id)
  if (!step) throw new Error(`No setup guide step "${id}"`)
  return step
}

/** What the workspace has, as far as the steps' checks care; undefined while still being read. */
export interface GuideFacts {
  haloInstance: HaloInstance | undefined
  connection: Connection | undefined
  /** The connection's saved mapping has somewhere for people to go (a site mapping or a default site). */
  mappingsReady: boolean
  plan: PlanView | null | undefined
  lastRun: RunView | null | undefined
  sso: SsoState | undefined
}

export type GuideStepState = 'done' | 'skipped' | 'todo'

/** Whether a step's own check passed (confirmation included), ignoring skips. */
export function stepPassed(id: GuideStepId, progress: GuideProgress, facts: GuideFacts): boolean {
  switch (id) {
    case 'halo':
      return facts.haloInstance?.lastCheck?.ok === true
    case 'directory':
      return progress.kind !== null
    case 'provider':
      return progress.confirmed.includes('provider')
    case 'credentials':
      return facts.connection?.lastTest?.ok === true
    case 'fetch':
      return Boolean(facts.connection?.snapshot)
    case 'mappings':
      return facts.mappingsReady && progress.confirmed.includes('mappings')
    case 'preview':
      // A synced preview stays done even though Halo has changed since (by that very sync).
      return Boolean(facts.plan && (facts.plan.state === 'synced' || facts.plan.stale.length === 0))
    case 'sync':
      return facts.lastRun?.state === 'completed'
    case 'sso':
      return facts.sso?.tested === true && facts.sso.lastApply !== null && facts.sso.lastApply.settingsHash === facts.sso.lastTest?.settingsHash
  }
}

export function stepState(step: GuideStep, progress: GuideProgress, facts: GuideFacts): GuideStepState {
  if (stepPassed(step.id, progress, facts)) return 'done'
  return step.skipLoses !== null && progress.skipped.includes(step.id) ? 'skipped' : 'todo'
}

/** The first step not done nor skipped before `id`, which must come first; null when all before it are. */
export function blockingStep(id: GuideStepId, progress: GuideProgress, facts: GuideFacts): GuideStep | null {
  const index = guideSteps.findIndex((step) => step.id === id)
  return guideSteps.slice(0, index).find((step) => stepState(step, progress, facts) === 'todo') ?? null
}
