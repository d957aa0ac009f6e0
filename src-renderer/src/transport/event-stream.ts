/**
 * Browser mode's one shared event connection: `GET /events` read with fetch (it needs the bearer
 * header, which EventSource cannot send). Opened with the first subscriber, closed with the last;
 * reconnects with exponential backoff after a drop. Payloads are checked against the contract before
 * any listener sees them, as the preload's main-side checks guarantee in the desktop app.
 */
import { events, isEventName, type EventName } from '../../../src-shared/contract'
import { createSseParser, type SseFrame } from './sse-parser'

type Listener = (payload: unknown) => void

export interface EventStreamOptions {
  url: string
  token: string
  /** Called when the server refuses the token; the stream then stops retrying. */
  onUnauthorized: () => void
}

const firstRetryMs = 1_000
const maxRetryMs = 30_000

export class EventStream {
  private readonly listeners = new Map<EventName, Set<Listener>>()
  private connection: AbortController | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private retryMs = firstRetryMs
  private refused = false

  constructor(private readonly options: EventStreamOptions) {}

  subscribe(name: EventName, listener: Listener): () => void {
    const forName = this.listeners.get(name) ?? new Set<Listener>()
    forName.add(listener)
    this.listeners.set(name, forName)
    this.open()
    return () => {
      forName.delete(listener)
      if (forName.size === 0) this.listeners.delete(name)
      if (this.listeners.size === 0) this.close()
    }
  }

  private open(): void {
    if (this.connection || this.retryTimer || this.refused) return
    const connection = new AbortController()
    this.connection = connection
    void this.read(connection).finally(() => {
      if (this.connection !== connection) return
      this.connection = null
      if (!connection.signal.aborted && !this.refused) this.scheduleRetry()
    })
  }

  private close(): void {
    this.connection?.abort()
    this.connection = null
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.retryMs = firstRetryMs
  }

  private async read(connection: AbortController): Promise<void> {
    try {
      const response = await fetch(this.options.url, {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${this.options.token}` },
        cache: 'no-store',
        signal: connection.signal
      })
      if (response.status === 401) {
        this.refused = true
        this.options.onUnauthorized()
        return
      }
      if (!response.ok || !response.body) return
      this.retryMs = firstRetryMs
      const push = createSseParser((frame) => this.deliver(frame))
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        push(value)
      }
    } catch {
      // A refused connection, a dropped stream or an abort: the caller decides whether to retry.
    }
  }

  private scheduleRetry(): void {
    const delay = this.retryMs
    this.retryMs = Math.min(this.retryMs * 2, maxRetryMs)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (this.listeners.size > 0) this.open()
    }, delay)
  }

  private deliver(frame: SseFrame): void {
    if (!isEventName(frame.event)) return
    const forName = this.listeners.get(frame.event)
    if (!forName) return
    let payload: unknown
    try {
      payload = JSON.parse(frame.data)
    } catch {
      return
    }
    const checked = events[frame.event].safeParse(payload)
    if (!checked.success) return
    for (const listener of [...forName]) listener(checked.data)
  }
}
