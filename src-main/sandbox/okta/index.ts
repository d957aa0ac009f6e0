/**
 * The Okta sandbox: a local Okta org on a loopback port with its own SQLite file, for development,
 * the connector's tests and benchmarks (reference okta.md). It serves the Management API's reads
 * under /api/v1 (okta-api.ts) with Okta's auth answers (okta-auth.ts), paging, errors and headers,
 * behind Okta's rate and concurrency limits and optional latency and faults (okta-traffic.ts); the
 * OAuth token endpoint API service apps sign in at with a private_key_jwt (okta-oauth.ts); and OIDC
 * discovery, keys, sign-in and tokens for the org and `default` servers (okta-oidc.ts), routed by
 * okta-oauth-routes.ts. The org is seeded from the same people as the Halo sandbox (demo-org.ts). Settings can be changed
 * while it runs.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { demoSeed } from '../shared/people'
import { oauthClientIds } from './demo-apps'
import { orgIds, seedOktaOrg, type OktaOrgTruth } from './demo-org'
import { OktaApi, type OktaBucket } from './okta-api'
import { allPermissions, isCaller, OktaAuth, refusal, type Permission } from './okta-auth'
import { errors } from './okta-errors'
import { commonHeaders, parseTarget, writeAnswer, type RequestTarget } from './okta-http'
import { loadKey, publicKeyFromJwk, type SigningKey } from './okta-keys'
import { OktaTokens, type ServiceClient } from './okta-oauth'
import { OAuthRoutes } from './okta-oauth-routes'
import { OktaOidc, sandboxPassword } from './okta-oidc'
import { OktaStore, type Json } from './okta-store'
import { noIdTokenFaults, type IdTokenFaultSettings } from '../shared/id-token-faults'
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
  /** Signs this login in at /authorize without the sign-in page (tests). */
  autoSignIn?: string | null
  /** Electron's build of better-sqlite3 when running inside the app. */
  nativeBinding?: string
}

export interface OktaSandboxSettings extends OktaTrafficSettings, IdTokenFaultSettings {
  /** Lifetime of the access and ID tokens issued from now on (Okta: 3600). */
  tokenLifetimeSeconds: number
  /** A login: /authorize signs that person in at once, no page; null shows the sign-in page. */
  autoSignIn: string | null
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
  /** The native OIDC app (public client, PKCE): redirect to 127.0.0.1 or localhost, any port and path. */
  oidcApp: { clientId: string; redirectUris: string[]; issuer: string; customIssuer: string }
  /** Someone assigned to the OIDC app, and the password every active person signs in with. */
  signInUser: { login: string; password: string }
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
  /** Makes every access token issued so far expired (the next call with one gets 401 E0000011). */
  expireAccessTokens(): void
  close(): Promise<void>
}

export const defaultOktaSeed = demoSeed

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
    const [serviceKey, limitedKey, orgKey, defaultKey] = await Promise.all(
      ['service-app', 'limited-service-app', 'org-server', 'default-server'].map((name) => loadKey(store, seed, name))
    ) as [SigningKey, SigningKey, SigningKey, SigningKey]
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
      limitedServiceApp: serviceCredentials(clients.limitedService, limitedKey, ['okta.users.read']),
      oidcApp: { clientId: clients.native, redirectUris: ['http://127.0.0.1', 'http://localhost'], issuer: '', customIssuer: '' },
      signInUser: { login: truth.superAdmin, password: sandboxPassword }
    }

    const auth = new OktaAuth()
    const userId = (login: string): string => (store.userByLogin(login)?.id as string | undefined) ?? ''
    auth.addApiToken(credentials.apiToken, userId(truth.superAdmin), allPermissions)
    auth.addApiToken(credentials.readOnlyToken, userId(truth.helpDeskAdmin), new Set<Permission>(['users']))
    const views = new OktaViews(() => orgUrl, orgIds(seed).schemaId)
    const api = new OktaApi(store, views, () => orgUrl)
    const settings: OktaSandboxSettings = { ...defaultTrafficSettings(), ...noIdTokenFaults(), tokenLifetimeSeconds: 3600, autoSignIn: options.autoSignIn ?? null }
    Object.assign(settings.rateLimits, options.rateLimits)
    settings.timeScale = options.timeScale ?? 1
    settings.concurrencyLimit = options.concurrencyLimit ?? 75
    settings.latencyMs = options.latencyMs ?? 0
    const traffic = new OktaTraffic(settings)
    const services: ServiceClient[] = [
      serviceClient(store.app(clients.service), credentials.serviceApp.scopes),
      serviceClient(store.app(clients.limitedService), credentials.limitedServiceApp.scopes)
    ]
    const tokens = new OktaTokens({
      orgUrl: () => orgUrl,
      auth,
      services,
      signingKey: (server) => (server === 'org' ? orgKey : defaultKey),
      tokenLifetimeSeconds: () => settings.tokenLifetimeSeconds
    })
    const oidc = new OktaOidc({
      orgUrl: () => orgUrl,
      store,
      tokens,
      signingKey: (server) => (server === 'org' ? orgKey : defaultKey),
      nativeApp: { clientId: clients.native, label: (store.app(clients.native)?.label as string | undefined) ?? 'Sign-in' },
      orgId: orgIds(seed).orgId,
      autoSignIn: () => settings.autoSignIn,
      tokenLifetimeSeconds: () => settings.tokenLifetimeSeconds,
      idTokenFaults: () => settings
    })
    const oauthRoutes = new OAuthRoutes(traffic, tokens, oidc)
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
      if (segments?.[0] === 'oauth2') return oauthRoutes.serve(request, response, segments, target)
      if (segments?.[0] === '.well-known' && oauthRoutes.wellKnown(response, segments)) return
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
    credentials.oidcApp.issuer = orgUrl
    credentials.oidcApp.customIssuer = `${orgUrl}/oauth2/default`

    return {
      orgUrl,
      port,
      credentials,
      settings,
      store,
      truth: () => JSON.parse(store.meta('truth') ?? '{}') as OktaOrgTruth,
      requestCount: () => apiCalls,
      resetRateLimits: () => traffic.resetWindows(),
      expireAccessTokens: () => auth.expireAccessTokens(),
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

/** A service app as the token endpoint sees it: its registered public keys (from the app), grants and roles. */
function serviceClient(app: Json | null, grantedScopes: readonly string[]): ServiceClient {
  const oauthClient = ((app?.settings as Json | undefined)?.oauthClient ?? {}) as { jwks?: { keys?: Json[] } }
  const keys = new Map((oauthClient.jwks?.keys ?? []).map((jwk) => [String(jwk.kid), publicKeyFromJwk(jwk)]))
  // Both hold the Read-only Administrator role; the limited one lacks scopes, not permissions.
  return { clientId: (app?.id as string | undefined) ?? '', grantedScopes, keys, permissions: allPermissions }
}

function serviceCredentials(clientId: string, key: SigningKey, scopes: string[]): OktaServiceAppCredentials {
  return { clientId, privateKeyPem: key.privatePem, privateJwk: { ...key.privateJwk }, keyId: key.kid, scopes }
}

export type { OktaOrgTruth } from './demo-org'
export type { Json }
