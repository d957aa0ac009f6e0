/** plan:* and sync:* procedures: previews (build, header, rows, conflicts, exports) and syncs (start, rehearse, resume, cancel, runs, reports). */
import type { ProcedureName } from '../../src-shared/contract'
import type { Services } from '../runtime/services'
import type { Handler } from './handlers'

type PlanProcedure = Extract<ProcedureName, `plan:${string}` | `sync:${string}`>

export function planHandlers({ plans, sync, rehearsal }: Services): { [N in PlanProcedure]: Handler<N> } {
  return {
    'plan:build': async ({ connectionId, scope, readHalo }) => plans.view(await plans.build(connectionId, scope, { readHalo })),
    'plan:latest': ({ connectionId }) => {
      const latest = plans.latest(connectionId)
      return latest ? plans.view(latest) : null
    },
    'plan:get': ({ planId }) => plans.view(plans.get(planId)),
    'plan:rows': ({ planId, ...query }) => plans.rows(planId, query),
    'plan:row': ({ planId, key }) => plans.row(planId, key),
    'plan:resolve': ({ planId, key, choice }) => plans.view(plans.resolve(planId, key, choice)),
    'plan:export': ({ planId, format }) => plans.export(planId, format),
    'sync:start': ({ planId, allowDeactivations }) => ({ runId: sync.start(planId, { allowDeactivations, trigger: 'app' }) }),
    'sync:rehearse': ({ planId }) => rehearsal.rehearse(planId),
    'sync:resume': ({ runId }) => {
      sync.resume(runId)
      return sync.view(sync.run(runId))
    },
    'sync:cancel': ({ runId }) => {
      sync.cancel(runId)
      return sync.view(sync.run(runId))
    },
    'sync:run': ({ runId }) => sync.view(sync.run(runId)),
    'sync:runs': ({ connectionId }) => sync.runs(connectionId).map((run) => sync.view(run)),
    'sync:report': ({ runId, ...page }) => sync.report(runId, page),
    'sync:exportReport': ({ runId, format }) => sync.exportReport(runId, format)
  }
}
