/**
 * What the Okta sandbox does to traffic before answering it (okta.md §3): per-endpoint buckets
 * counted per minute (windows start with their first request, not on the wall-clock minute), with
 * the Workforce figures by default; X-Rate-Limit-Limit/-Remaining/-Reset on every answer; 429
 * E0000047 when a bucket is spent; a concurrency limit whose 429 says Limit 0 and Remaining 0; and
 * the latency and faults tests and benchmarks ask for. The settings object is live.
 *
 * timeScale speeds the sandbox's clock up: at 60 a "minute" window lasts one real second. Reset is
 * then on the sandbox's clock: X-Rate-Limit-Reset − Date is the sandbox-seconds left, i.e. real
 * seconds × timeScale (a client divides by timeScale; Okta's SDK, which does not, waits a minute).
 */
import type { OktaBucket } from './okta-api'

/** Per-minute limits of a Workforce org (the last published table, okta.md §3). */
export const workforceRateLimits: Readonly<Record<OktaBucket, number>> = {
  users: 600,
  userById: 2000,
  groups: 500,
  groupById: 1000,
  apps: 100,
  appById: 500,
  other: 1200,
  // [U] Okta publishes no figure for /oauth2/v1/token and /authorize here; a bucket of their own.
  oauth2: 600
}

export interface OktaTrafficSettings {
  /** Requests per minute, per bucket. */
  rateLimits: Record<OktaBucket, number>
  /** How many times faster than real time the sandbox's clock runs (1 = real time). */
  timeScale: number
  /** Requests in flight at once before 429 (Okta's default: 75). */
  concurrencyLimit: number
  latencyMs: number
  latencyJitterMs: number
  faults: {
    /** Share of API calls answered 500 E0000009 (0–1). */
    error500: number
    /** Share of API calls whose connection is dropped without an answer. */
    drop: number
    /** Share of API calls delayed by slowMs more. */
    slow: number
    slowMs: number
  }
}

export const defaultTrafficSettings = (): OktaTrafficSettings => ({
  rateLimits: { ...workforceRateLimits },
  timeScale: 1,
  concurrencyLimit: 75,
  latencyMs: 0,
  latencyJitterMs: 0,
  faults: { error500: 0, drop: 0, slow: 0, slowMs: 5_000 }
})

export type FaultVerdict = { kind: 'pass'; delayMs: number } | { kind: 'error500'; delayMs: number } | { kind: 'drop' }

export class OktaTraffic {
  private readonly windows = new Map<OktaBucket, { start: number; used: number }>()
  private active = 0

  constructor(
    readonly settings: OktaTrafficSettings,
    private readonly random: () => number = Math.random
  ) {}

  private windowMs(): number {
    return 60_000 / Math.max(this.settings.timeScale, 1e-6)
  }

  private window(bucket: OktaBucket, now: number): { start: number; used: number } {
    let window = this.windows.get(bucket)
    if (!window || now >= window.start + this.windowMs()) {
      window = { start: now, used: 0 }
      this.windows.set(bucket, window)
    }
    return window
  }

  /** X-Rate-Limit-Reset: epoch seconds (on the sandbox's clock, from the Date header's second). */
  private resetHeader(window: { start: number }, now: number): string {
    const left = Math.max(0, window.start + this.windowMs() - now) * this.settings.timeScale
    return String(Math.floor(now / 1000) + Math.ceil(left / 1000))
  }

  /** Counts a request against its bucket; `allowed` false means 429 (refused calls do not count). */
  admit(bucket: OktaBucket, now: number): { allowed: boolean; headers: Record<string, string> } {
    const window = this.window(bucket, now)
    const limit = this.settings.rateLimits[bucket]
    const allowed = window.used < limit
    if (allowed) window.used += 1
    return {
      allowed,
      headers: { 'X-Rate-Limit-Limit': String(limit), 'X-Rate-Limit-Remaining': String(Math.max(0, limit - window.used)), 'X-Rate-Limit-Reset': this.resetHeader(window, now) }
    }
  }

  /** The headers of a concurrency 429: Limit 0, Remaining 0, and a Reset that is only an estimate. */
  busyHeaders(bucket: OktaBucket, now: number): Record<string, string> {
    return { 'X-Rate-Limit-Limit': '0', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': this.resetHeader(this.window(bucket, now), now) }
  }

  /** Takes a concurrency slot; false when the limit is reached. Pair with leave(). */
  enter(): boolean {
    if (this.active >= this.settings.concurrencyLimit) return false
    this.active += 1
    return true
  }

  leave(): void {
    this.active = Math.max(0, this.active - 1)
  }

  get inFlight(): number {
    return this.active
  }

  faults(): FaultVerdict {
    const { faults } = this.settings
    const jitter = this.settings.latencyJitterMs > 0 ? this.random() * this.settings.latencyJitterMs : 0
    const delayMs = this.settings.latencyMs + jitter + (this.random() < faults.slow ? faults.slowMs : 0)
    if (this.random() < faults.drop) return { kind: 'drop' }
    if (this.random() < faults.error500) return { kind: 'error500', delayMs }
    return { kind: 'pass', delayMs }
  }

  /** Forgets every window (fresh budgets). */
  resetWindows(): void {
    this.windows.clear()
  }
}
