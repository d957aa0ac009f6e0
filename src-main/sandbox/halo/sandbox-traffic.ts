/**
 * What the Halo sandbox does to traffic before answering it: the rolling-window rate limit Halo
 * enforces ("Rate Limit Reached - 300 Requests per rolling 5 minute window", HTTP 429, no Retry-After —
 * halo-api.md §6), and the latency and faults tests and benchmarks ask for. The settings object is
 * live: change it while the sandbox runs.
 */

export interface SandboxTrafficSettings {
  rateLimit: { requests: number; windowMs: number }
  latencyMs: number
  latencyJitterMs: number
  faults: {
    /** Share of API calls answered 500 (0–1). */
    error500: number
    /** Share of API calls whose connection is dropped without an answer, before they are handled. */
    drop: number
    /** Share of API calls handled (a write applied) whose answer is then lost: the connection is dropped. */
    dropAnswer: number
    /** Share of API calls delayed by slowMs more. */
    slow: number
    slowMs: number
  }
}

export const defaultTrafficSettings = (): SandboxTrafficSettings => ({
  rateLimit: { requests: 300, windowMs: 5 * 60_000 },
  latencyMs: 0,
  latencyJitterMs: 0,
  faults: { error500: 0, drop: 0, dropAnswer: 0, slow: 0, slowMs: 5_000 }
})

export type TrafficVerdict = { kind: 'pass'; delayMs: number } | { kind: 'limited'; message: string } | { kind: 'error500'; delayMs: number } | { kind: 'drop' }

/** Counts accepted API calls in a rolling window; refused calls do not count [U: Halo's behaviour unknown]. */
export class SandboxTraffic {
  private accepted: number[] = []
  private head = 0

  constructor(
    readonly settings: SandboxTrafficSettings,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random
  ) {}

  decide(): TrafficVerdict {
    const { rateLimit, faults } = this.settings
    const time = this.now()
    while (this.head < this.accepted.length && (this.accepted[this.head] ?? 0) <= time - rateLimit.windowMs) this.head += 1
    if (this.head > 1024) {
      this.accepted = this.accepted.slice(this.head)
      this.head = 0
    }
    if (this.accepted.length - this.head >= rateLimit.requests) return { kind: 'limited', message: limitMessage(rateLimit) }
    this.accepted.push(time)
    const jitter = this.settings.latencyJitterMs > 0 ? this.random() * this.settings.latencyJitterMs : 0
    const delayMs = this.settings.latencyMs + jitter + (this.random() < faults.slow ? faults.slowMs : 0)
    if (this.random() < faults.drop) return { kind: 'drop' }
    if (this.random() < faults.error500) return { kind: 'error500', delayMs }
    return { kind: 'pass', delayMs }
  }

  /** Whether this handled call's answer is to be lost (faults.dropAnswer). */
  loseAnswer(): boolean {
    return this.random() < this.settings.faults.dropAnswer
  }

  reset(): void {
    this.accepted = []
    this.head = 0
  }
}

/** Halo's own wording, with the configured numbers. */
export function limitMessage(rateLimit: { requests: number; windowMs: number }): string {
  const seconds = rateLimit.windowMs / 1000
  const window = seconds % 60 === 0 ? `${seconds / 60} minute` : `${seconds} second`
  return `Rate Limit Reached - ${rateLimit.requests} Requests per rolling ${window} window`
}
