/**
 * The narrow API the renderer talks through (`window.studio` in the desktop app, the HTTP client in
 * browser mode). Calls answer a CallResult envelope; subscriptions return an unsubscribe function.
 */
import type { CallResult, EventName, EventPayload, ProcedureName, ProcedureInput, ProcedureOutput } from './contract'

export interface StudioApi {
  invoke<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<CallResult<ProcedureOutput<N>>>
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}
