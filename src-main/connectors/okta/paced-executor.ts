/**
 * The request executor the Okta SDK sends every call through (reference okta.md §3, §6.4, §10): our
 * own concurrency cap (the SDK has none, #409), pacing from the X-Rate-Limit-* headers per endpoint so
 * requests slow down as Remaining falls instead of running into 429, 429 retried after the reset time,
 * 5xx and dropped connections retried with backoff, a timeout per request, and cancel. It counts
 * what it sends, for progress and benchmarks.
 */
import { RequestExecutor } from '@okta/okta-sdk-nodejs'
import { StudioError } from '../../../src-shared/contract'

export interface PacedExecutorOptions {
  concurrency?: number
  maxRetries?: number
  requestTimeoutMs?: number
  signal?: AbortSignal
  /** How many times faster than real time the server's clock runs (a time-scaled sandbox); 1 in real life. */
  timeScale?: number
}

interface BucketState {
  limit: number
  remaining: number
  /** Our clock, ms, when the window resets. */
  resetAt: number
  inFlight: number
  nextAllowedAt: number
}

/** What node-fetch's Response offers that we read. */
interface FetchResponse {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
  clone(): FetchResponse
}

type SdkOptions = Parameters<RequestExecutor['fetch']>[0]
type SdkRequest = SdkOptions & { url: string }

export class PacedExecutor extends RequestExecutor {
  requests = 0
  rateLimited = 0
  retries = 0
  /** Times a request waited for a rate-limit window to reset (the budget was spent). */
  resetWaits = 0
  /** The body of the last refused service-app token request (the SDK's error drops it). */
  lastTokenError: string | null = null
  private active = 0
  private readonly waiting: Array<() => void> = []
  private readonly buckets = new Map<string, BucketState>()
  private readonly concurrency: number
  private readonly maxRetries: number
  private readonly timeoutMs: number
  private readonly timeScale: number

  constructor(private readonly options: PacedExecutorOptions = {}) {
    super()
    this.concurrency = Math.max(1, options.concurrency ?? 8)
    this.maxRetries = options.maxRetries ?? 4
    this.timeoutMs = options.requestTimeoutMs ?? 60_000
    this.timeScale = options.timeScale ?? 1
  }

  /** Requests sent and not yet answered, over all endpoints. */
  inFlight(): number {
    return [...this.buckets.values()].reduce((sum, bucket) => sum + bucket.inFlight, 0)
  }

  override async fetch(request: SdkRequest): Promise<FetchResponse> {
    const bucketKey = bucketOf(request.url)
    for (let attempt = 0; ; attempt += 1) {
      this.throwIfCancelled()
      await this.acquireSlot()
      let response: FetchResponse
      const bucket = this.buckets.get(bucketKey)
      try {
        await this.pace(bucket)
        if (bucket) bucket.inFlight += 1
        this.requests += 1
        const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.options.signal ? [this.options.signal] : [])]
        // node-fetch 2 honours `signal`; the SDK's typings of its options do not list it.
        response = (await super.fetch({ ...request, signal: AbortSignal.any(signals) } as SdkOptions)) as FetchResponse
      } catch (error) {
        this.throwIfCancelled()
        // A refused connection, an unknown name or a bad certificate will not mend in a few seconds.
        if (attempt >= this.maxRetries || lasting(error)) throw error
        this.retries += 1
        await this.sleep(backoffMs(attempt))
        continue
      } finally {
        if (bucket) bucket.inFlight -= 1
        this.releaseSlot()
      }
      this.observe(bucketKey, response)
      if (bucketKey.endsWith('/oauth2/v1/token')) this.lastTokenError = response.status >= 400 ? await response.clone().text() : null
      if (response.status === 429 && attempt < this.maxRetries) {
        this.rateLimited += 1
        this.retries += 1
        await response.text()
        await this.sleep(this.waitAfter429(bucketKey, response, attempt))
        continue
      }
      if (response.status >= 500 && attempt < this.maxRetries) {
        this.retries += 1
        await response.text()
        await this.sleep(backoffMs(attempt))
        continue
      }
      return response
    }
  }

  /** Waits while the bucket has no budget left, and spreads the last quarter of it over the window. */
  private async pace(bucket: BucketState | undefined): Promise<void> {
    if (!bucket) return
    for (;;) {
      const now = Date.now()
      if (now >= bucket.resetAt) return
      const available = bucket.remaining - bucket.inFlight
      if (available <= 0) {
        this.resetWaits += 1
        await this.sleep(bucket.resetAt - now + 20)
        continue
      }
      if (bucket.remaining < bucket.limit / 4) {
        const spacing = (bucket.resetAt - now) / available
        if (now < bucket.nextAllowedAt) {
          await this.sleep(bucket.nextAllowedAt - now)
          continue
        }
        bucket.nextAllowedAt = now + spacing
      }
      return
    }
  }

  private observe(key: string, response: FetchResponse): void {
    const limit = Number(response.headers.get('x-rate-limit-limit'))
    const remaining = Number(response.headers.get('x-rate-limit-remaining'))
    const resetAt = this.resetAt(response)
    // A concurrency 429 says Limit 0: it describes no window, so it changes no bucket (§3).
    if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(remaining) || resetAt === null) return
    const known = this.buckets.get(key)
    if (!known) {
      this.buckets.set(key, { limit, remaining, resetAt, inFlight: 0, nextAllowedAt: 0 })
      return
    }
    if (known.resetAt === resetAt && known.remaining < remaining) return // an older answer arriving late
    // Updated in place: requests in flight hold this object and count themselves out of it.
    Object.assign(known, { limit, remaining, resetAt })
  }

  /** X-Rate-Limit-Reset (server epoch seconds) on our clock, using the answer's Date header for skew. */
  private resetAt(response: FetchResponse): number | null {
    const reset = Number(response.headers.get('x-rate-limit-reset'))
    if (!Number.isFinite(reset) || reset <= 0) return null
    const serverNow = Date.parse(response.headers.get('date') ?? '')
    const serverMs = Number.isFinite(serverNow) ? serverNow : Date.now()
    return Date.now() + Math.max(0, reset * 1000 - serverMs) / this.timeScale
  }

  private waitAfter429(key: string, response: FetchResponse, attempt: number): number {
    const limit = Number(response.headers.get('x-rate-limit-limit'))
    if (limit === 0) return backoffMs(attempt) // concurrency limit: the reset is only an estimate
    const bucket = this.buckets.get(key)
    const untilReset = bucket ? bucket.resetAt - Date.now() : backoffMs(attempt)
    return Math.max(50, untilReset) + Math.random() * 100
  }

  private acquireSlot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve))
  }

  private releaseSlot(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.active -= 1
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.options.signal
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort)
        resolve()
      }, Math.max(0, ms))
      const abort = (): void => {
        clearTimeout(timer)
        reject(cancelled())
      }
      signal?.addEventListener('abort', abort, { once: true })
    })
  }

  private throwIfCancelled(): void {
    if (this.options.signal?.aborted) throw cancelled()
  }
}

function cancelled(): StudioError {
  return new StudioError('CANCELLED', 'The directory fetch was cancelled.')
}

function lasting(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID'].includes(code)
}

function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4)
}

/** The endpoint pattern a request counts against: ids replaced, query dropped (okta.md §3 buckets). */
export function bucketOf(url: string): string {
  const { pathname } = new URL(url)
  return pathname
    .replace(/\/{2,}/g, '/')
    .split('/')
    .map((segment, index) => (index > 3 && /^[0-9A-Za-z]{20}$|^me$|@/.test(segment) ? '{id}' : segment))
    .join('/')
}
