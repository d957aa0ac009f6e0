/**
 * Keeps calls to one Halo instance under its rolling-window rate limit (Halo's hosted default is 300
 * requests per rolling 5 minutes; instances may differ, so the numbers are settings), and works out
 * how long to back off after a 429: until a slot frees up in our own window, at least an exponential
 * step, with jitter so parallel clients do not retry in lockstep. Halo sends no Retry-After that we
 * know of; one is honoured when present.
 */
export interface RateLimit {
  requests: number
  windowMs: number
}

export const haloDefaultRateLimit: RateLimit = { requests: 300, windowMs: 5 * 60 * 1000 }

export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error)
        return
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(signal?.reason as Error)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

/**
 * A request leaves here a moment before Halo counts it, so a slot is reused only a little after it
 * frees up in our own window: 2% of the window, between 100 ms and 1 s.
 */
export function windowMarginMs(limit: RateLimit): number {
  return Math.min(1000, Math.max(100, limit.windowMs * 0.02))
}

export class RollingWindowLimiter {
  private readonly sent: number[] = []

  constructor(
    private limit: RateLimit,
    private readonly clock: Clock = realClock,
    private readonly random: () => number = Math.random
  ) {}

  setLimit(limit: RateLimit): void {
    this.limit = limit
  }

  /** Waits until one more request fits in the window, then records it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      this.forget(now)
      if (this.sent.length < this.limit.requests) {
        this.sent.push(now)
        return
      }
      const oldest = this.sent[0] ?? now
      await this.clock.sleep(Math.max(1, oldest + this.limit.windowMs + windowMarginMs(this.limit) - now), signal)
    }
  }

  /** How long to wait after the n-th consecutive 429 (n starts at 1). */
  backoffMs(attempt: number, retryAfterSeconds: number | null): number {
    const now = this.clock.now()
    this.forget(now)
    const oldest = this.sent[0]
    const untilSlot = oldest === undefined ? 0 : oldest + this.limit.windowMs - now
    const exponential = Math.min(60_000, 1000 * 2 ** (attempt - 1))
    const base = Math.max(untilSlot, exponential, (retryAfterSeconds ?? 0) * 1000)
    const capped = Math.min(base, this.limit.windowMs)
    return Math.round(capped + capped * 0.2 * this.random())
  }

  private forget(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.limit.windowMs - windowMarginMs(this.limit)) this.sent.shift()
  }
}
