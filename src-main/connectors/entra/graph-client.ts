/**
 * Microsoft Graph v1.0 over fetch (entra.md §6: no SDK), for one connection — reads, and the one
 * write licence management needs (assignLicense, repeatable) — every request carries a
 * token from the token source; a 401 gets one fresh token and one retry; 429, 503 and 504 wait
 * Retry-After (or back off) and retry, up to a limit, as does a cut connection; each request has a timeout and the whole read
 * can be cancelled. Lists follow @odata.nextLink, which must stay on the Graph host (a token is
 * never sent anywhere else); a delta round follows nextLinks until its deltaLink.
 */
import { StudioError } from '../../../src-shared/contract'
import { networkError } from '../../halo/halo-errors'
import { graphError } from './entra-errors'
import type { EntraTokenSource } from './entra-tokens'

export interface GraphClientOptions {
  timeoutMs?: number
  /** Retries of one request on 429, 503 and 504 (default 6). */
  maxRetries?: number
  signal?: AbortSignal
  /** Waits between retries (tests shorten it). */
  sleep?: (ms: number) => Promise<void>
}

export interface GraphPage<T> {
  value: T[]
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
  '@odata.count'?: number
}

const retried = new Set([429, 503, 504])

export class GraphClient {
  /** Requests sent (retries included), for progress and the benchmarks. */
  requests = 0
  /** Requests answered 429 or 503 and retried. */
  throttled = 0
  private readonly base: URL
  private readonly timeoutMs: number
  private readonly maxRetries: number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(
    private readonly tokens: EntraTokenSource,
    graphHost: string,
    private readonly options: GraphClientOptions = {}
  ) {
    this.base = new URL('/v1.0/', graphHost)
    this.timeoutMs = options.timeoutMs ?? 60_000
    this.maxRetries = options.maxRetries ?? 6
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** A path under /v1.0 (e.g. "users?$top=999"), or a nextLink / deltaLink Graph gave. */
  url(pathOrLink: string): URL {
    const url = pathOrLink.startsWith('http') ? new URL(pathOrLink) : new URL(pathOrLink.replace(/^\//, ''), this.base)
    if (url.origin !== this.base.origin) throw new StudioError('REMOTE_ERROR', `Microsoft Graph sent a link to another host (${url.origin}); it was not followed.`)
    return url
  }

  async get<T>(pathOrLink: string, what: string, headers: Record<string, string> = {}): Promise<T> {
    return this.call<T>('GET', pathOrLink, what, headers, undefined)
  }

  /** A write Graph applies with set semantics (assignLicense), so it is safe to repeat like a read. */
  async post<T>(path: string, what: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, what, { 'Content-Type': 'application/json' }, JSON.stringify(body))
  }

  private async call<T>(method: 'GET' | 'POST', pathOrLink: string, what: string, headers: Record<string, string>, body: string | undefined): Promise<T> {
    const url = this.url(pathOrLink)
    let fresh = false
    for (let attempt = 0; ; attempt += 1) {
      this.options.signal?.throwIfAborted()
      const token = await this.tokens.graphToken(fresh)
      let response: Response
      this.requests += 1
      try {
        const signals = [AbortSignal.timeout(this.timeoutMs), ...(this.options.signal ? [this.options.signal] : [])]
        response = await fetch(url, { method, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers }, ...(body === undefined ? {} : { body }), signal: AbortSignal.any(signals) })
      } catch (error) {
        if (this.options.signal?.aborted) throw new StudioError('CANCELLED', `Reading ${what} from Microsoft Graph was cancelled.`)
        const failure = networkError(error, url.href, 'Microsoft Graph', this.timeoutMs)
        // A read (or a set-semantics write) is safe to repeat: a cut connection (a kept-alive socket the server closed, a network blip) is tried again.
        if (failure.details?.reason === 'reset' && attempt < this.maxRetries) {
          await this.sleep(Math.min(10_000, 250 * 2 ** attempt))
          continue
        }
        throw failure
      }
      if (response.ok) return (await response.json()) as T
      const answer = await response.json().catch((): unknown => null)
      if (response.status === 401 && !fresh) {
        fresh = true
        continue
      }
      const retryAfter = response.headers.get('retry-after')
      if (retried.has(response.status) && attempt < this.maxRetries) {
        this.throttled += 1
        const seconds = Number(retryAfter)
        await this.sleep(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : Math.min(30_000, 1000 * 2 ** attempt))
        continue
      }
      throw graphError(response.status, answer, what, retryAfter)
    }
  }

  /** Every page of a list, following @odata.nextLink. */
  async *pages<T>(path: string, what: string, headers: Record<string, string> = {}): AsyncGenerator<T[]> {
    let next: string | undefined = path
    while (next !== undefined) {
      const page: GraphPage<T> = await this.get<GraphPage<T>>(next, what, headers)
      yield page.value
      next = page['@odata.nextLink']
    }
  }

  /** One delta round from a path or a stored deltaLink: its pages, then the deltaLink to keep. */
  async *deltaPages<T>(pathOrDeltaLink: string, what: string): AsyncGenerator<T[], string> {
    let next = pathOrDeltaLink
    for (;;) {
      const page = await this.get<GraphPage<T>>(next, what)
      yield page.value
      if (page['@odata.deltaLink']) return page['@odata.deltaLink']
      if (!page['@odata.nextLink']) throw new StudioError('REMOTE_ERROR', `Microsoft Graph ended a delta round of ${what} without a deltaLink.`)
      next = page['@odata.nextLink']
    }
  }
}
