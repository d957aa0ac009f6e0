/** What a preview would send to Halo: the records it writes, and whether a sync (or a rehearsal) has anything to do. */
import type { PlanView } from '../../../../../src-shared/contract'

/** People created, updated, deactivated or reactivated, users and agents together. */
export function recordWrites(view: PlanView): number {
  const { users, agents } = view.summary
  return users.create + users.update + users.deactivate + users.reactivate + agents.create + agents.update + agents.deactivate + agents.reactivate
}

/** Whether syncing this preview would send anything: records, new sites, onboarding tickets or CAB changes. */
export function hasWork(view: PlanView): boolean {
  return recordWrites(view) + view.sites.length + view.summary.tickets + view.cabChanges > 0
}
