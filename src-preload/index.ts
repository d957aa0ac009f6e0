/**
 * Preload: exposes `window.studio` (invoke + subscribe) and nothing else. Only contract procedure and
 * event names pass; the IPC event object never reaches the page. Main checks sender and input again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isEventName, isProcedureName, StudioError, type CallResult, type ProcedureInput, type ProcedureName, type ProcedureOutput } from '../src-shared/contract'
import type { StudioApi } from '../src-shared/studio-api'

function unknownName(kind: 'procedure' | 'event', name: unknown): StudioError {
  return new StudioError('UNKNOWN_PROCEDURE', `There is no ${kind} called "${String(name).slice(0, 80)}".`)
}

function invoke<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<CallResult<ProcedureOutput<N>>> {
  if (!isProcedureName(name)) {
    return Promise.resolve({ ok: false, error: unknownName('procedure', name).toEnvelope() })
  }
  return ipcRenderer.invoke(name, input) as Promise<CallResult<ProcedureOutput<N>>>
}

const studio: StudioApi = {
  invoke,
  subscribe: (name, listener) => {
    if (!isEventName(name)) throw unknownName('event', name)
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(name, forward)
    return () => {
      ipcRenderer.removeListener(name, forward)
    }
  }
}

contextBridge.exposeInMainWorld('studio', studio)
