/**
 * Main's typed event bus: services emit contract events, transports (IPC, HTTP) forward them to the
 * renderer. Payloads are validated on the way out so a renderer never sees a malformed event.
 */
import { events, type EventName, type EventPayload } from '../../src-shared/contract'

export type EventListener = (name: EventName, payload: unknown) => void

export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload)
    for (const listener of this.listeners) listener(name, checked)
  }

  /** Receives every event; returns the function that stops it. */
  onAny(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
