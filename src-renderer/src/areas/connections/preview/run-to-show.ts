/** Which sync run a preview shows. */
import type { PlanView, RunView } from '../../../../../src-shared/contract'

/** The run a preview's sync panel shows: this plan's, or one of the connection's still unfinished. */
export function runToShow(runs: readonly RunView[] | undefined, view: PlanView): RunView | null {
  return runs?.find((candidate) => candidate.planId === view.id || candidate.state === 'running' || candidate.state === 'interrupted' || candidate.state === 'cancelled') ?? null
}
