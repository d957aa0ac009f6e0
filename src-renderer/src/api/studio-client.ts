/**
 * The renderer's one way to reach main: `call` unwraps a CallResult into a value or a thrown
 * StudioError; `subscribe` passes contract events through. Built over whichever StudioApi the
 * transport selection picked; nothing here knows which one it is.
 */
import {
  StudioError,
  type ProcedureInput,
  type ProcedureName,
  type ProcedureOutput
} from '../../../src-shared/contract'
import type { StudioApi } from '../../../src-shared/studio-api'

export interface StudioClient {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>
  subscribe: StudioApi['subscribe']
}

export function createStudioClient(api: StudioApi): StudioClient {
  return {
    call: async (name, input) => {
      let result: Awaited<ReturnType<StudioApi['invoke']>>
      try {
        result = await api.invoke(name, input)
      } catch (error) {
        throw new StudioError('INTERNAL', 'Identity Studio did not answer. Try again; if it keeps happening, restart it.', {
          procedure: name,
          cause: String(error)
        })
      }
      if (result.ok) return result.value as ProcedureOutput<typeof name>
      throw StudioError.fromEnvelope(result.error)
    },
    subscribe: (name, listener) => api.subscribe(name, listener)
  }
}
