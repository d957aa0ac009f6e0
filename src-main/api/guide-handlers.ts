/** The guide:* procedures: the setup guide's saved progress (GuideProgressStore). */
import type { ProcedureName } from '../../src-shared/contract'
import type { Services } from '../runtime/services'
import type { Handler } from './handlers'

type GuideProcedure = Extract<ProcedureName, `guide:${string}`>

export function guideHandlers({ guide }: Services): { [N in GuideProcedure]: Handler<N> } {
  return {
    'guide:get': () => guide.get(),
    'guide:start': () => guide.start(),
    'guide:update': (patch) => guide.update(patch)
  }
}
