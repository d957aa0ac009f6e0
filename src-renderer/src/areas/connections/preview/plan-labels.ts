/** A preview's actions in the admin's words, with the colour each is shown in, in the order they are listed. */
import type { PlanAction } from '../../../../../src-shared/plan/plan-schema'

export const actionLabels: Record<PlanAction, string> = {
  create: 'Create',
  update: 'Update',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  unchanged: 'Unchanged',
  skipped: 'Skipped',
  conflict: 'Conflict'
}

export const actionColors: Record<PlanAction, string> = {
  create: 'teal',
  update: 'blue',
  deactivate: 'orange',
  reactivate: 'grape',
  unchanged: 'gray',
  skipped: 'gray',
  conflict: 'red'
}

export const shownActions: readonly PlanAction[] = ['create', 'update', 'deactivate', 'reactivate', 'conflict', 'unchanged', 'skipped']
