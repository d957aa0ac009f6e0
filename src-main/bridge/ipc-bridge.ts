/**
 * The desktop transport: one ipcMain handler per procedure (channel = procedure name) and contract
 * events sent to the app's own windows. A call from any other sender (an unknown WebContents, a
 * subframe, a page not served from the app) is answered FORBIDDEN and never reaches a handler.
 */
import { StudioError, procedureNames, type CallResult, type EventName } from '../../src-shared/contract'
import type { Dispatch } from './dispatch'
import type { EventBus } from '../runtime/event-bus'

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<CallResult<unknown>>): void
  removeHandler(channel: string): void
}

export interface WindowTarget {
  id: number
  send(channel: EventName, payload: unknown): void
  isDestroyed(): boolean
}

/** Remembers the app's own windows and decides whether an IPC sender is one of them. */
export class TrustedSenders {
  private readonly windows = new Map<number, WindowTarget>()

  constructor(private readonly isAppUrl: (url: string) => boolean) {}

  add(target: WindowTarget): void {
    this.windows.set(target.id, target)
  }

  remove(id: number): void {
    this.windows.delete(id)
  }

  targets(): WindowTarget[] {
    return [...this.windows.values()].filter((w) => !w.isDestroyed())
  }

  isTrusted(event: InvokeEventLike): boolean {
    const frame = event.senderFrame
    return (
      this.windows.has(event.sender.id) && frame !== null && frame.parent === null && this.isAppUrl(frame.url)
    )
  }
}

export function registerIpcBridge(ipcMain: IpcMainLike, dispatch: Dispatch, events: EventBus, senders: TrustedSenders): () => void {
  for (const name of procedureNames) {
    ipcMain.handle(name, async (event, input) => {
      if (!senders.isTrusted(event)) {
        return { ok: false, error: new StudioError('FORBIDDEN', 'This window may not call Identity Studio.').toEnvelope() }
      }
      return dispatch(name, input)
    })
  }
  const detach = events.onAny((name, payload) => {
    for (const target of senders.targets()) target.send(name, payload)
  })
  return () => {
    detach()
    for (const name of procedureNames) ipcMain.removeHandler(name)
  }
}
