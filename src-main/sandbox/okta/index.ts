/**
 * The Okta sandbox: a local Okta org on a loopback port with its own SQLite file, for development,
 * the connector's tests and benchmarks (reference okta.md). It serves the Management API's reads
 * under /api/v1 (okta-api.ts) with Okta's auth answers (okta-auth.ts), paging, errors and headers.
 * The org is seeded from the same people as the Halo sandbox (demo-org.ts). Settings can be changed
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
import { OktaApi } from './okta-api'
import { allPermissions, isCaller, OktaAuth, refusal, type Permission } from './okta-auth'
import { errors, type ApiAnswer } from './okta-errors'
import { parseTarget, writeAnswer } from './okta-http'
import { newRequestId } from './okta-ids'
import { loadKey, type SigningKey } from './okta-keys'
import { OktaStore, type Json } from './okta-store'
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
  /** Electron's build of better-sqlite3 when running inside the app. */
  nativeBinding?: string
}

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
  store: OktaStore
  /** What the generator made (counts per status, memberships, overlap with Halo…). */
  truth(): OktaOrgTruth
  /** Management API calls answered (or refused) so far. */
  requestCount(): number
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
    let apiCalls = 0

    const answerApi = (request: IncomingMessage, segments: string[], target: ReturnType<typeof parseTarget>): ApiAnswer => {
      apiCalls += 1
      const route = api.route(request.method ?? 'GET', segments, target.path)
      const caller = auth.authenticate(request.headers.authorization)
      if (!isCaller(caller)) return caller
      if ('answer' in route) return route.answer
      const refused = route.permission ? refusal(caller, route.permission, orgUrl, target.path) : null
      return refused ?? route.run(target.query, caller)
    }

    const handle = (request: IncomingMessage, response: ServerResponse): void => {
      const target = parseTarget(request.url)
      const headers = commonHeaders()
      const segments = target.segments
      if (!segments) return writeAnswer(response, errors.noRoute(target.path), headers)
      if (segments[0] === 'api') return writeAnswer(response, answerApi(request, segments, target), headers)
      return writeAnswer(response, errors.noRoute(target.path), headers)
    }

    const server = createServer((request, response) => {
      try {
        handle(request, response)
      } catch {
        if (!response.headersSent) writeAnswer(response, errors.internal(), commonHeaders())
        else response.destroy()
      }
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
      store,
      truth: () => JSON.parse(store.meta('truth') ?? '{}') as OktaOrgTruth,
      requestCount: () => apiCalls,
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

function commonHeaders(): Record<string, string> {
  return { 'X-Okta-Request-Id': newRequestId(), Date: new Date().toUTCString(), 'Cache-Control': 'no-cache, no-store' }
}

function serviceCredentials(clientId: string, key: SigningKey, scopes: string[]): OktaServiceAppCredentials {
  return { clientId, privateKeyPem: key.privatePem, privateJwk: { ...key.privateJwk }, keyId: key.kid, scopes }
}

export type { OktaOrgTruth } from './demo-org'
export type { Json }
