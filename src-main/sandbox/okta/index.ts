/**
 * The Okta sandbox: a local Okta org on a loopback port with its own SQLite file, for development,
 * the connector's tests and benchmarks (reference okta.md). It serves the Management API's reads
 * under /api/v1 (okta-api.ts) with Okta's auth answers (okta-auth.ts), paging, errors and headers,
 * behind Okta's rate and concurrency limits and optional latency and faults (okta-traffic.ts). The
 * org is seeded from the same people as the Halo sandbox (demo-org.ts). Settings can be changed
 * while it runs.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { oauthClientIds } from './demo-apps'
import { orgIds, seedOktaOrg, type OktaOrgTruth } from './demo-org'
import { OktaApi, type OktaBucket } from './okta-api'
import { allPermissions, isCaller, OktaAuth, refusal, type Permission } from './okta-auth'
import { errors } from './okta-errors'
import { parseTarget, writeAnswer, type RequestTarget } from './okta-http'
import { newRequestId } from './okta-ids'
import { loadKey, type SigningKey } from './okta-keys'
import { OktaStore, type Json } from './okta-store'
import { defaultTrafficSettings, OktaTraffic, type OktaTrafficSettings } from './okta-traffic'
import { OktaViews } from './okta-views'

export interface OktaSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  seed?: number
  /** People in a new org (default 340: most of the Halo sandbox's users and agents, and some more). */
  people?: number
  /** Groups in a new org (default: the demo org's ~35; more adds generated project groups). */
  groups?: number
  /** Average group memberships per person, Everyone not counted (default 5). */
  membershipsPerPerson?: number
  /** The SQLite file; kept (and reused) when given, else a temporary file removed on close. */
  file?: string
  /** Per-minute limits per bucket (default: Okta Workforce's). */
  rateLimits?: Partial<Record<OktaBucket, number>>
  /** How many times faster the sandbox's clock runs: 60 makes a rate-limit minute last one second. */
  timeScale?: number
  /** Requests in flight at once before a concurrency 429 (default 75). */
  concurrencyLimit?: number
  latencyMs?: number
  /** Electron's build of better-sqlite3 when running inside the app. */
  nativeBinding?: string
}

export type OktaSandboxSettings = OktaTrafficSettings

export interface OktaServiceAppCredentials {
  clientId: string
  privateKeyPem: string
  privateJwk: Record<string, string>
  keyId: string
  /** The Okta API scopes the app is granted. */
  scopes: string[]
}

export interface OktaSandboxCredentials {
  /** SSWS token of a super admin. */
  apiToken: string
  /** SSWS token of a help-desk admin: may read users, not groups or apps (403 E0000006). */
  readOnlyToken: string
  serviceApp: OktaServiceAppCredentials
  /** Granted only okta.users.read: groups and apps answer insufficient_scope. */
  limitedServiceApp: OktaServiceAppCredentials
}

export interface OktaSandbox {
  orgUrl: string
  port: number
  credentials: OktaSandboxCredentials
  /** Live: changes apply to the next request. */
  settings: OktaSandboxSettings
  store: OktaStore
  /** What the generator made (counts per status, memberships, overlap with Halo…). */
  truth(): OktaOrgTruth
  /** Management API calls answered (or refused) so far. */
  requestCount(): number
  /** Gives every rate-limit bucket a fresh window. */
  resetRateLimits(): void
  close(): Promise<void>
}

export const defaultOktaSeed = 20_261_122

export async function startOktaSandbox(options: OktaSandboxOptions = {}): Promise<OktaSandbox> {
  const temporaryDir = options.file ? null : mkdtempSync(path.join(tmpdir(), 'okta-sandbox-'))
  const store = new OktaStore(options.file ?? path.join(temporaryDir ?? '', 'okta.sqlite'), options.nativeBinding)
  const closeStore = (): void => {
    store.close()
    if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true })
  }
  let orgUrl = ''
  try {
    // A reopened file keeps the seed it was made with.
    const seed = Number(store.meta('seed') ?? options.seed ?? defaultOktaSeed)
    const [serviceKey, limitedKey] = await Promise.all([loadKey(store, seed, 'service-app'), loadKey(store, seed, 'limited-service-app')])
    if (store.meta('truth') === null) {
      seedOktaOrg(store, { seed, people: options.people ?? 340, groups: options.groups ?? 0, membershipsPerPerson: options.membershipsPerPerson ?? 5 }, { service: { ...serviceKey.publicJwk }, limitedService: { ...limitedKey.publicJwk } })
    }
    const truth = JSON.parse(store.meta('truth') ?? '{}') as OktaOrgTruth
    const clients = oauthClientIds(seed)
    const secret = (name: string): string => `00${createHash('sha256').update(`${seed}:${name}`).digest('base64url').slice(0, 40)}`
    const credentials: OktaSandboxCredentials = {
      apiToken: secret('api-token'),
      readOnlyToken: secret('help-desk-token'),
      serviceApp: serviceCredentials(clients.service, serviceKey, ['okta.users.read', 'okta.groups.read', 'okta.apps.read']),
      limitedServiceApp: serviceCredentials(clients.limitedService, limitedKey, ['okta.users.read'])
    }

    const auth = new OktaAuth()
    const userId = (login: string): string => (store.userByLogin(login)?.id as string | undefined) ?? ''
    auth.addApiToken(credentials.apiToken, userId(truth.superAdmin), allPermissions)
    auth.addApiToken(credentials.readOnlyToken, userId(truth.helpDeskAdmin), new Set<Permission>(['users']))
    const views = new OktaViews(() => orgUrl, orgIds(seed).schemaId)
    const api = new OktaApi(store, views, () => orgUrl)
    const settings: OktaSandboxSettings = defaultTrafficSettings()
    Object.assign(settings.rateLimits, options.rateLimits)
    settings.timeScale = options.timeScale ?? 1
    settings.concurrencyLimit = options.concurrencyLimit ?? 75
    settings.latencyMs = options.latencyMs ?? 0
    const traffic = new OktaTraffic(settings)
    let apiCalls = 0

    /** /api/v1: concurrency, then the bucket, then faults and latency, then auth and the route. */
    const serveApi = async (request: IncomingMessage, response: ServerResponse, segments: string[], target: RequestTarget): Promise<void> => {
      apiCalls += 1
      const now = Date.now()
      const route = api.route(request.method ?? 'GET', segments, target.path)
      if (!traffic.enter()) return writeAnswer(response, errors.rateLimited(), { ...commonHeaders(now), ...traffic.busyHeaders(route.bucket, now) })
      try {
        const admitted = traffic.admit(route.bucket, now)
        const headers = { ...commonHeaders(now), ...admitted.headers }
        if (!admitted.allowed) return writeAnswer(response, errors.rateLimited(), headers)
        const verdict = traffic.faults()
        if (verdict.kind === 'drop') {
          request.socket.destroy()
          return
        }
        if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs))
        if (verdict.kind === 'error500') return writeAnswer(response, errors.internal(), headers)
        const caller = auth.authenticate(request.headers.authorization)
        if (!isCaller(caller)) return writeAnswer(response, caller, headers)
        if ('answer' in route) return writeAnswer(response, route.answer, headers)
        const refused = route.permission ? refusal(caller, route.permission, orgUrl, target.path) : null
        writeAnswer(response, refused ?? route.run(target.query, caller), headers)
      } finally {
        traffic.leave()
      }
    }

    const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
      const target = parseTarget(request.url)
      const segments = target.segments
      if (segments?.[0] === 'api') return serveApi(request, response, segments, target)
      return writeAnswer(response, errors.noRoute(target.path), commonHeaders(Date.now()))
    }

    const server = createServer((request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) writeAnswer(response, errors.internal(), commonHeaders(Date.now()))
        else response.destroy()
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
    })
    const port = (server.address() as AddressInfo).port
    orgUrl = `http://127.0.0.1:${port}`

    return {
      orgUrl,
      port,
      credentials,
      settings,
      store,
      truth: () => JSON.parse(store.meta('truth') ?? '{}') as OktaOrgTruth,
      requestCount: () => apiCalls,
      resetRateLimits: () => traffic.resetWindows(),
      close: async () => {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        closeStore()
      }
    }
  } catch (error) {
    closeStore()
    throw error
  }
}

/** On every answer; Date is set here so X-Rate-Limit-Reset is counted from the same second. */
function commonHeaders(now: number): Record<string, string> {
  return { 'X-Okta-Request-Id': newRequestId(), Date: new Date(now).toUTCString(), 'Cache-Control': 'no-cache, no-store' }
}

function serviceCredentials(clientId: string, key: SigningKey, scopes: string[]): OktaServiceAppCredentials {
  return { clientId, privateKeyPem: key.privatePem, privateJwk: { ...key.privateJwk }, keyId: key.kid, scopes }
}

export type { OktaOrgTruth } from './demo-org'
export type { Json }
