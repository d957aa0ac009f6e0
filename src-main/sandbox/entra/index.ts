/**
 * The Entra sandbox: a Microsoft Entra tenant and Microsoft Graph on one loopback port, for
 * development, the connector's tests and benchmarks (reference entra.md §7). It serves the identity
 * platform's v2 endpoints per tenant (token, authorize, discovery, keys: entra-auth.ts) and Graph
 * v1.0 (graph-api.ts), with Graph's throttling by resource units per app (8,000 per 10 s, as a large
 * tenant), injected 429s and 503s with Retry-After, and latency. The directory is the demo tenant
 * (demo-tenant.ts), in memory; `mutate` changes a share of it so delta queries report something, and
 * the clock can be moved on. MSAL reaches it with its "Recipe B" (entra.md §2.3): an https authority
 * on a made-up host listed in knownAuthorities, and `authorityMetadata` pointing at this http port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { demoSeed } from '../shared/people'
import { SeededRandom, stableGuid } from '../shared/prng'
import { demoTenantId, mutateTenant, seedDemoTenant, tenantDomain, type MutationReport } from './demo-tenant'
import { EntraAuth, entraSandboxPassword, type EntraApp } from './entra-auth'
import { graphError, type Answer } from './entra-errors'
import type { EntraTenant } from './entra-tenant'
import { GraphApi, resourceUnits } from './graph-api'
import { seedPartnerTenant } from './partner-tenant'
import { noIdTokenFaults, type IdTokenFaultSettings } from '../shared/id-token-faults'

export interface EntraSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** The company's seed (default: the one the Halo and Okta sandboxes describe it with). */
  seed?: number
  /** People in the tenant (default 340, as the Okta sandbox). */
  people?: number
  /** Groups (default: the demo tenant's 16; more adds project groups). */
  groups?: number
  latencyMs?: number
  /** Days until the main app's client secret expires (default 25: inside the 30-day warning). */
  secretDaysLeft?: number
  /** Signs this user principal name in at /authorize without the page (tests). */
  autoSignIn?: string | null
}

export interface EntraSandboxSettings extends IdTokenFaultSettings {
  latencyMs: number
  /** Resource units per app per 10 s before Graph answers 429 (entra.md §3.7: 8,000 for a large tenant). */
  resourceUnitsPer10s: number
  /** The next n Graph requests answer 429 (TooManyRequests) with Retry-After. */
  throttleNext: number
  /** The next n Graph requests answer 503 (serviceNotAvailable) with Retry-After. */
  unavailableNext: number
  /** The next n Graph requests get no answer: the connection is cut. */
  dropNext: number
  retryAfterSeconds: number
}

export interface EntraAppCredentials {
  tenantId: string
  clientId: string
  clientSecret: string
}

export interface EntraSandboxCredentials {
  /** Every read permission the connector needs, and licence assignment; its secret expires in `secretDaysLeft` days. */
  app: EntraAppCredentials & { secretExpiresAt: string }
  /** Only User.Read.All: groups, licences and devices answer 403. */
  limitedApp: EntraAppCredentials
  /** Its only secret expired yesterday (AADSTS7000222). */
  expiredApp: EntraAppCredentials
  /** No admin consent: client credentials give a token without roles; sign-ins answer AADSTS65001. */
  unconsentedApp: EntraAppCredentials
  /** The password of every account at the sign-in page. */
  password: string
}

export interface EntraSandbox {
  /** http://127.0.0.1:<port>: the login host and the Graph host both. */
  baseUrl: string
  port: number
  tenantId: string
  tenantDomain: string
  credentials: EntraSandboxCredentials
  tenant: EntraTenant
  /** A small customer tenant whose people sign in to the multi-tenant "Halo Integration" app. */
  partnerTenant: EntraTenant
  settings: EntraSandboxSettings
  /** Graph requests answered, by path (no query), and in all. */
  traffic: { graphRequests: number; tokenRequests: number; byPath: Map<string, number> }
  /** The app registrations (add secrets, change roles or consent in tests). */
  apps: Map<string, EntraApp>
  setAutoSignIn(upn: string | null): void
  /** Changes `share` of the users (and some groups) as a day would; answers what changed. */
  mutate(share: number, seed?: number): MutationReport
  /** Every delta token issued until now answers syncStateNotFound. */
  expireDeltaTokens(): void
  /** Access tokens issued until now are refused as expired (a token that ran out mid-read). */
  revokeTokens(): void
  /** Signed-in users' refresh tokens are refused from now on (an admin's "Revoke sessions"); access tokens too. */
  revokeSessions(): void
  /** Moves the sandbox's clock on (token lifetimes, secret expiry, the 7-day delta limit). */
  advanceClock(ms: number): void
  close(): Promise<void>
}

const graphRoles = ['User.Read.All', 'Group.Read.All', 'GroupMember.Read.All', 'Organization.Read.All', 'LicenseAssignment.ReadWrite.All', 'DeviceManagementManagedDevices.Read.All', 'Application.Read.All']

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, answer: Answer): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
  const type = answer.headers?.['Content-Type'] ?? (typeof answer.body === 'string' ? 'text/plain' : 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8')
  response.writeHead(answer.status, { 'Cache-Control': 'no-store', ...answer.headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) })
  response.end(text)
}

export async function startEntraSandbox(options: EntraSandboxOptions = {}): Promise<EntraSandbox> {
  const seed = options.seed ?? demoSeed
  let offsetMs = 0
  const now = (): number => Date.now() + offsetMs
  const tenant = seedDemoTenant({ seed, people: options.people ?? 340, groups: options.groups ?? 16 })
  let baseUrl = ''
  const partner = seedPartnerTenant(seed)
  const auth = new EntraAuth(tenant, now, () => baseUrl, [partner])
  auth.autoSignIn = options.autoSignIn ?? null
  let deltaExpiredBefore = 0
  const graph = new GraphApi(tenant, () => auth.apps.values(), now, () => baseUrl, () => deltaExpiredBefore)
  const settings: EntraSandboxSettings = { latencyMs: options.latencyMs ?? 0, resourceUnitsPer10s: 8000, throttleNext: 0, unavailableNext: 0, dropNext: 0, retryAfterSeconds: 2, ...noIdTokenFaults() }
  auth.idTokenFaults = settings
  const traffic = { graphRequests: 0, tokenRequests: 0, byPath: new Map<string, number>() }

  const random = new SeededRandom(seed * 101 + 9)
  const day = 86_400_000
  const app = (n: number, displayName: string, roles: string[], endsInMs: number, consented = true, multiTenant = false): EntraApp & { secret: string } => {
    const secret = `${random.guid().slice(0, 3)}8Q~${random.guid().replace(/-/g, '')}`
    const made: EntraApp = {
      appId: stableGuid(seed, 6, n),
      displayName,
      secrets: [{ keyId: stableGuid(seed, 7, n), displayName: 'Identity Studio', value: secret, startDateTime: new Date(now() - 300 * day).toISOString(), endDateTime: new Date(now() + endsInMs).toISOString() }],
      roles,
      consented,
      redirectUris: ['http://localhost', 'http://127.0.0.1'],
      multiTenant
    }
    auth.apps.set(made.appId, made)
    return { ...made, secret }
  }
  // Multi-tenant, as an MSP's Halo registers it: the partner tenant's people may sign in too.
  const main = app(0, 'Halo Integration', graphRoles, (options.secretDaysLeft ?? 25) * day, true, true)
  const limited = app(1, 'Halo Integration (users only)', ['User.Read.All'], 365 * day)
  const expired = app(2, 'Halo Integration (old)', graphRoles, -day)
  const unconsented = app(3, 'Halo Integration (not consented)', graphRoles, 365 * day, false)
  const credentialsOf = (made: EntraApp & { secret: string }): EntraAppCredentials => ({ tenantId: tenant.tenantId, clientId: made.appId, clientSecret: made.secret })

  const window = new Map<string, { start: number; units: number }>()
  const throttled = (appId: string, units: number): number | null => {
    const at = now()
    const current = window.get(appId)
    const slot = current && at - current.start < 10_000 ? current : { start: at, units: 0 }
    if (slot.units + units > settings.resourceUnitsPer10s) return Math.max(1, Math.ceil((slot.start + 10_000 - at) / 1000))
    slot.units += units
    window.set(appId, slot)
    return null
  }

  const route = async (request: IncomingMessage): Promise<Answer> => {
    const url = new URL(request.url ?? '/', 'http://sandbox')
    let segments: string[]
    try {
      segments = url.pathname.split('/').slice(1).map(decodeURIComponent)
    } catch {
      return graphError(400, 'Request_BadRequest', 'The request URL is not valid.', now())
    }
    const [first = '', second, third, fourth] = segments
    if (first === 'v1.0') {
      traffic.graphRequests += 1
      const path = `/${segments.join('/')}`
      traffic.byPath.set(path, (traffic.byPath.get(path) ?? 0) + 1)
      const claims = auth.bearer(request.headers.authorization)
      if ('status' in claims) return claims
      const retryAfter = String(settings.retryAfterSeconds)
      if (settings.unavailableNext > 0) {
        settings.unavailableNext -= 1
        return graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', now(), { 'Retry-After': retryAfter })
      }
      const rest = segments.slice(1)
      const wait = settings.throttleNext > 0 ? ((settings.throttleNext -= 1), settings.retryAfterSeconds) : throttled(claims.appId, resourceUnits(rest, url.searchParams))
      if (wait !== null) {
        return graphError(429, 'TooManyRequests', `Too many requests from Identifier:${claims.appId} under category:throttle.aad.ags.appId.large. Please try again later.`, now(), {
          'Retry-After': String(wait),
          'x-ms-throttle-scope': `Tenant_Application/ReadWrite/${claims.appId}/${tenant.tenantId}`,
          'x-ms-throttle-information': 'ResourceUnitLimitExceeded'
        })
      }
      const text = request.method === 'POST' ? await readBody(request) : ''
      let body: unknown = null
      if (text) {
        try {
          body = JSON.parse(text) as unknown
        } catch {
          return graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', now())
        }
      }
      return graph.handle({ method: request.method ?? 'GET', segments: rest, query: url.searchParams, headers: request.headers, body, claims })
    }
    if (second === 'oauth2' && third === 'v2.0' && fourth === 'token' && segments.length === 4) {
      traffic.tokenRequests += 1
      if (request.method !== 'POST') return { status: 405, body: { error: 'invalid_request', error_description: 'AADSTS900561: The endpoint only accepts POST requests.' } }
      return auth.token(first, new URLSearchParams(await readBody(request)))
    }
    if (second === 'oauth2' && third === 'v2.0' && fourth === 'authorize' && segments.length === 4) {
      if (request.method === 'POST') {
        const form = new URLSearchParams(await readBody(request))
        const login = { username: form.get('login') ?? '', password: form.get('passwd') ?? '' }
        form.delete('login')
        form.delete('passwd')
        return auth.authorize(first, form, login)
      }
      return auth.authorize(first, url.searchParams, null)
    }
    if (second === 'v2.0' && third === '.well-known' && fourth === 'openid-configuration' && segments.length === 4) {
      if (!auth.isTenant(first)) return { status: 400, body: { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${first}' not found.` } }
      // organizations / common: endpoints under that segment, the issuer with Entra's {tenantid} placeholder.
      const any = first.toLowerCase() === 'organizations' || first.toLowerCase() === 'common'
      const base = `${baseUrl}/${any ? first.toLowerCase() : tenant.tenantId}`
      return {
        status: 200,
        body: {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: auth.idIssuer(any ? '{tenantid}' : tenant.tenantId),
          request_uri_parameter_supported: false,
          userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          http_logout_supported: true,
          frontchannel_logout_supported: true,
          claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid', 'email'],
          tenant_region_scope: 'EU',
          cloud_instance_name: 'microsoftonline.com',
          cloud_graph_host_name: 'graph.windows.net',
          msgraph_host: new URL(baseUrl).host
        }
      }
    }
    if (second === 'discovery' && third === 'v2.0' && fourth === 'keys' && segments.length === 4) return { status: 200, body: auth.jwks() }
    return { status: 404, body: { error: { code: 'NotFound', message: `Nothing is served at ${url.pathname}.` } } }
  }

  const server = createServer((request, response) => {
    if (settings.dropNext > 0 && (request.url ?? '').startsWith('/v1.0/')) {
      settings.dropNext -= 1
      request.socket.destroy()
      return
    }
    const answer = route(request).catch((error: unknown): Answer => graphError(500, 'generalException', error instanceof Error ? error.message : String(error), now()))
    void answer.then((done) => (settings.latencyMs > 0 ? new Promise<Answer>((resolve) => setTimeout(() => resolve(done), settings.latencyMs)) : done)).then((done) => send(response, done))
  })
  // A taken port rejects (EADDRINUSE), so a caller can try another.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    baseUrl,
    port: (server.address() as AddressInfo).port,
    tenantId: tenant.tenantId,
    tenantDomain,
    credentials: {
      app: { ...credentialsOf(main), secretExpiresAt: main.secrets[0]?.endDateTime ?? '' },
      limitedApp: credentialsOf(limited),
      expiredApp: credentialsOf(expired),
      unconsentedApp: credentialsOf(unconsented),
      password: entraSandboxPassword
    },
    tenant,
    partnerTenant: partner,
    settings,
    traffic,
    apps: auth.apps,
    setAutoSignIn: (upn) => void (auth.autoSignIn = upn),
    mutate: (share, mutationSeed = tenant.version + seed) => mutateTenant(tenant, share, mutationSeed),
    expireDeltaTokens: () => void (deltaExpiredBefore = tenant.version + 1),
    revokeTokens: () => auth.revokeTokens(),
    revokeSessions: () => auth.revokeSessions(),
    advanceClock: (ms) => void (offsetMs += ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export { demoTenantId }
