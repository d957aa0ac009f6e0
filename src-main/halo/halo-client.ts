/**
 * The Halo REST client for one instance: bearer auth (one retry on 401 with a fresh token, then a
 * clear "sign in again"), a rolling-window limiter that stays under the instance's rate limit and
 * backs off on 429 with jitter, lists that follow every page (enveloped or bare), and upserts posted
 * as arrays in batches. Reads are retried on transient failures; writes are not (a lost answer to a
 * create must not create twice — the sync journal decides what to do). An error the instance's
 * settings fix says so (details.fix: its page).
 */
import type { z } from 'zod'
import { StudioError, withFix } from '../../src-shared/contract'
import { fixedOnInstancePage, httpError, networkError } from './halo-errors'
import { readJson, type HaloAuth } from './halo-auth'
import { haloEntities, maxPageSize, type HaloEntityKind, type HaloRecord } from './halo-entities'
import type { HaloInstanceSettings } from './halo-settings'
import { realClock, RollingWindowLimiter, type Clock } from './rate-limiter'

export interface HaloClientOptions {
  settings: HaloInstanceSettings
  auth: HaloAuth
  timeoutMs?: number
  clock?: Clock
  /** Tries after consecutive 429 answers before giving up. */
  maxRateLimitRetries?: number
  /** Tries for a read after a transient failure (5xx, dropped connection). */
  maxReadRetries?: number
}

export type Query = Record<string, string | number | boolean | undefined>

export interface UpsertOptions {
  batchSize?: number
  signal?: AbortSignal
  onBatch?: (done: number, total: number) => void
}

export class HaloClient {
  readonly limiter: RollingWindowLimiter
  private readonly timeoutMs: number
  private readonly clock: Clock

  constructor(private readonly options: HaloClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.clock = options.clock ?? realClock
    this.limiter = new RollingWindowLimiter(options.settings.rateLimit, this.clock)
  }

  private get service(): string {
    return `Halo (${this.options.settings.name})`
  }

  /** One API call with auth, rate limiting and retries; answers the parsed JSON body. */
  async request(method: 'GET' | 'POST' | 'DELETE', path: string, init: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<unknown> {
    try {
      return await this.send(method, path, init)
    } catch (error) {
      throw error instanceof StudioError && fixedOnInstancePage(error) ? withFix(error, { area: 'halo-instance', id: this.options.settings.id }) : error
    }
  }

  private async send(method: 'GET' | 'POST' | 'DELETE', path: string, init: { query?: Query; body?: unknown; signal?: AbortSignal }): Promise<unknown> {
    const url = new URL(`${this.options.settings.baseUrl}/api/${path.replace(/^\/+/, '')}`)
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value))
    let rateLimited = 0
    let transient = 0
    let reauthenticated = false
    for (;;) {
      await this.limiter.acquire(init.signal)
      const token = await this.options.auth.accessToken()
      let response: Response
      try {
        response = await fetch(url, {
          method,
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          redirect: 'manual',
          signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(this.timeoutMs)]) : AbortSignal.timeout(this.timeoutMs)
        })
      } catch (error) {
        const failure = networkError(error, url.href, this.service, this.timeoutMs)
        // A dropped or reset connection may work the second time; a refused one, DNS or TLS will not.
        const passing = ['reset', 'network', 'timeout'].includes(String((failure.details as { reason?: unknown } | undefined)?.reason))
        if (method === 'GET' && passing && transient < (this.options.maxReadRetries ?? 3)) {
          transient += 1
          await this.clock.sleep(500 * 2 ** transient, init.signal)
          continue
        }
        throw failure
      }
      if (response.status === 401) {
        await response.body?.cancel()
        if (!reauthenticated) {
          reauthenticated = true
          this.options.auth.invalidate()
          continue
        }
        throw new StudioError('SIGN_IN_REQUIRED', `${this.service} no longer accepts this sign-in (authorization expired). Sign in again.`, { status: 401 })
      }
      if (response.status === 429) {
        const said = await readJson(response, url.href, this.service).catch(() => null)
        rateLimited += 1
        if (rateLimited > (this.options.maxRateLimitRetries ?? 8)) {
          throw new StudioError('RATE_LIMITED', `${this.service} kept refusing requests for exceeding its rate limit${typeof said === 'string' ? ` (“${said}”)` : ''}. Try again in a few minutes, or lower the request rate in the instance settings.`, {
            status: 429
          })
        }
        const retryAfter = Number(response.headers.get('retry-after'))
        await this.clock.sleep(this.limiter.backoffMs(rateLimited, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null), init.signal)
        continue
      }
      const body = await readJson(response, url.href, this.service)
      if (response.status >= 500 && method === 'GET' && transient < (this.options.maxReadRetries ?? 3)) {
        transient += 1
        await this.clock.sleep(500 * 2 ** transient, init.signal)
        continue
      }
      if (!response.ok) throw httpError(response.status, body, this.service, url.href)
      return body
    }
  }

  /** Every record of a kind, following pages until record_count is reached. */
  async list<K extends HaloEntityKind>(kind: K, options: { query?: Query; pageSize?: number; signal?: AbortSignal } = {}): Promise<HaloRecord<K>[]> {
    const entity = haloEntities[kind]
    if (entity.envelope === null) {
      const body = await this.request('GET', entity.path, { query: options.query, signal: options.signal })
      // Bare arrays for these endpoints are [U] (halo-api.md §8): an envelope holding one list is accepted too.
      const rows = Array.isArray(body) ? body : soleList(body)
      if (!rows) throw this.shapeError(kind, 'a list')
      return rows.map((row) => this.parse(kind, row))
    }
    const pageSize = Math.min(options.pageSize ?? 250, maxPageSize(kind))
    const rows: HaloRecord<K>[] = []
    for (let page = 1; ; page += 1) {
      const body = await this.request('GET', entity.path, {
        query: { ...options.query, pageinate: true, page_size: pageSize, page_no: page },
        signal: options.signal
      })
      // An unpaged bare array where an envelope was expected is accepted as the whole list [U].
      if (Array.isArray(body)) return body.map((row) => this.parse(kind, row))
      const envelope = body as Record<string, unknown> | null
      const pageRows = envelope?.[entity.envelope]
      if (!Array.isArray(pageRows)) throw this.shapeError(kind, `an object with "${entity.envelope}"`)
      for (const row of pageRows) rows.push(this.parse(kind, row))
      const total = Number(envelope?.record_count)
      if (pageRows.length === 0 || pageRows.length < pageSize || (Number.isFinite(total) && rows.length >= total)) return rows
    }
  }

  async get<K extends HaloEntityKind>(kind: K, id: number | string, query: Query = {}): Promise<HaloRecord<K>> {
    return this.parse(kind, await this.request('GET', `${haloEntities[kind].path}/${encodeURIComponent(String(id))}`, { query }))
  }

  /**
   * Creates (no id) or partly updates (with id) records, posting arrays of `batchSize` (default 50).
   * Answers the saved records in the order given.
   */
  async upsert<K extends HaloEntityKind>(kind: K, records: Record<string, unknown>[], options: UpsertOptions = {}): Promise<HaloRecord<K>[]> {
    const size = Math.max(1, options.batchSize ?? 50)
    const saved: HaloRecord<K>[] = []
    for (let start = 0; start < records.length; start += size) {
      const batch = records.slice(start, start + size)
      const body = await this.request('POST', haloEntities[kind].path, { body: batch, signal: options.signal })
      // Halo answers one object for one record posted, an array for several.
      const rows = Array.isArray(body) ? body : [body]
      if (rows.length !== batch.length) {
        throw new StudioError('REMOTE_ERROR', `${this.service} saved ${rows.length} of ${batch.length} ${haloEntities[kind].label} in one batch without saying why.`, {
          posted: batch.length,
          answered: rows.length
        })
      }
      for (const row of rows) saved.push(this.parse(kind, row))
      options.onBatch?.(saved.length, records.length)
    }
    return saved
  }

  private parse<K extends HaloEntityKind>(kind: K, row: unknown): HaloRecord<K> {
    // The union of schemas loses the link between K and its record type; each schema outputs HaloRecord<K>.
    const schema = haloEntities[kind].schema as unknown as z.ZodType<HaloRecord<K>>
    const parsed = schema.safeParse(row)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new StudioError(
        'REMOTE_ERROR',
        `${this.service} sent ${haloEntities[kind].label} in a shape Identity Studio does not understand (${first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'invalid'}).`,
        { kind }
      )
    }
    return parsed.data
  }

  private shapeError(kind: HaloEntityKind, expected: string): StudioError {
    return new StudioError('REMOTE_ERROR', `${this.service} did not answer ${expected} for ${haloEntities[kind].label}.`, { kind })
  }
}

/** The only array in an object answer (an envelope under a key we did not expect), if there is exactly one. */
function soleList(body: unknown): unknown[] | null {
  if (body === null || typeof body !== 'object') return null
  const lists = Object.values(body).filter((value): value is unknown[] => Array.isArray(value))
  return lists.length === 1 ? (lists[0] ?? null) : null
}
