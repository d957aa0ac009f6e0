/**
 * The Halo sandbox: a local Halo REST API on a loopback port with its own SQLite file, for
 * development, the demo workspace, tests and benchmarks. It serves GET /api/authinfo, the auth server
 * under /auth (sandbox-oauth.ts) and the API under /api (sandbox-api.ts), with Halo's rate limit and
 * optional latency and faults (sandbox-traffic.ts). Settings can be changed while it runs.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { addDemoUsers, seedDemoCompany } from './demo-company'
import { SandboxApi } from './sandbox-api'
import { SandboxOAuth, type SandboxApplication } from './sandbox-oauth'
import { SandboxStore, type HaloRecord } from './sandbox-store'
import { defaultTrafficSettings, SandboxTraffic, type SandboxTrafficSettings } from './sandbox-traffic'
import { demoSeed } from '../shared/people'

export interface HaloSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Halo-hosted mode: the token and authorize endpoints require `tenant`. */
  hosted?: boolean
  tenant?: string
  seed?: number
  /** Users and agents in a new sandbox (defaults 300 and 25). */
  users?: number
  agents?: number
  /** The SQLite file; kept (and reused) when given, else a temporary file removed on close. */
  file?: string
  tokenLifetimeSeconds?: number
  rateLimit?: { requests: number; windowMs: number }
  latencyMs?: number
  autoApprove?: boolean
  /** Electron's build of better-sqlite3 when running inside the app. */
  nativeBinding?: string
  /** A copy of a Halo's records to start from instead of the demo company (a sync rehearsal). */
  records?: ReadonlyArray<{ kind: string; record: HaloRecord }>
}

export interface HaloSandboxSettings extends SandboxTrafficSettings {
  autoApprove: boolean
  tokenLifetimeSeconds: number
}

export interface HaloSandbox {
  baseUrl: string
  port: number
  tenant: string
  hosted: boolean
  credentials: {
    clientCredentials: { clientId: string; clientSecret: string }
    /** Client credentials whose agent may only use Customers: users and sites readable, roles and agents not. */
    limited: { clientId: string; clientSecret: string }
    authorizationCode: { clientId: string }
  }
  /** Live: changes apply to the next request. */
  settings: HaloSandboxSettings
  store: SandboxStore
  /** API calls answered (or refused) so far, authinfo excluded. */
  requestCount(): number
  /** API calls refused with 429 so far. */
  refusedCount(): number
  tokenRequestCount(): number
  expireAllTokens(): void
  /** Adds generated users (large states); answers the new total. */
  addUsers(count: number): number
  close(): Promise<void>
}

export async function startHaloSandbox(options: HaloSandboxOptions = {}): Promise<HaloSandbox> {
  const seed = options.seed ?? demoSeed
  const tenant = options.tenant ?? 'northwind'
  const temporaryDir = options.file ? null : mkdtempSync(path.join(tmpdir(), 'halo-sandbox-'))
  const store = new SandboxStore(options.file ?? path.join(temporaryDir ?? '', 'halo.sqlite'), options.nativeBinding)
  if (options.records) {
    const { records } = options
    store.transaction(() => records.forEach(({ kind, record }) => store.put(kind, record)))
  } else if (store.count('clients') === 0) seedDemoCompany(store, { seed, users: options.users ?? 300, agents: options.agents ?? 25 })

  const secret = (name: string): string => `sbx_${createHash('sha256').update(`${seed}:${name}`).digest('base64url').slice(0, 32)}`
  const credentials: HaloSandbox['credentials'] = {
    clientCredentials: { clientId: 'identity-studio-service', clientSecret: secret('service') },
    limited: { clientId: 'identity-studio-limited', clientSecret: secret('limited') },
    authorizationCode: { clientId: 'identity-studio-desktop' }
  }
  const applications: SandboxApplication[] = [
    { name: 'Identity Studio (service)', ...credentials.clientCredentials, grant: 'client_credentials', scopes: ['all'] },
    { name: 'Identity Studio (customers only)', ...credentials.limited, grant: 'client_credentials', scopes: ['all'], agentAreas: ['customers'] },
    { name: 'Identity Studio (desktop)', clientId: credentials.authorizationCode.clientId, clientSecret: null, grant: 'authorization_code', scopes: ['all'] }
  ]

  const traffic = defaultTrafficSettings()
  if (options.rateLimit) traffic.rateLimit = { ...options.rateLimit }
  traffic.latencyMs = options.latencyMs ?? 0
  const settings: HaloSandboxSettings = { ...traffic, autoApprove: options.autoApprove ?? false, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600 }
  const oauthSettings = {
    hosted: options.hosted ?? false,
    tenant,
    get tokenLifetimeSeconds() {
      return settings.tokenLifetimeSeconds
    },
    get autoApprove() {
      return settings.autoApprove
    }
  }
  const oauth = new SandboxOAuth(oauthSettings, applications)
  const gate = new SandboxTraffic(settings)
  const api = new SandboxApi(store)
  let apiCalls = 0
  let refused = 0
  let baseUrl = ''

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { ClassName: 'System.Exception', Message: error instanceof Error ? error.message : String(error) })
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl)
    const route = url.pathname.replace(/\/+$/, '').toLowerCase()
    const method = request.method ?? 'GET'
    if (route === '/api/authinfo' && method === 'GET') {
      return send(response, 200, { auth_url: `${baseUrl}/auth`, tenant_id: oauthSettings.hosted ? tenant : null, api_url: `${baseUrl}/api` })
    }
    if (route === '/auth/authorize' && method === 'GET') return sendOAuth(response, oauth.authorize(url.searchParams))
    if (route === '/auth/authorize' && method === 'POST') return sendOAuth(response, oauth.decide(new URLSearchParams(await readText(request))))
    if (route === '/auth/token' && method === 'POST') {
      if (!/application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '')) {
        return send(response, 400, { error: 'invalid_request', error_description: 'The token request must be form-encoded (application/x-www-form-urlencoded).' })
      }
      return sendOAuth(response, oauth.token(url.searchParams, new URLSearchParams(await readText(request))))
    }
    if (!route.startsWith('/api/')) return send(response, 404, 'Not found')

    apiCalls += 1
    const verdict = gate.decide()
    if (verdict.kind === 'limited') {
      refused += 1
      return send(response, 429, verdict.message)
    }
    if (verdict.kind === 'drop') {
      request.socket.destroy()
      return
    }
    if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs))
    if (verdict.kind === 'error500') return send(response, 500, { ClassName: 'System.Data.SqlClient.SqlException', Message: 'Execution Timeout Expired. The timeout period elapsed prior to completion of the operation.' })

    const token = oauth.verify(request.headers.authorization)
    if (!token) {
      response.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"')
      return send(response, 401, null)
    }
    const text = await readText(request)
    let body: unknown = undefined
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        return send(response, 400, { Message: 'The request body is not valid JSON.' })
      }
    }
    const segments = url.pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent)
    const answer = api.handle(method, segments, url.searchParams, body, token)
    if (gate.loseAnswer()) {
      request.socket.destroy()
      return
    }
    return send(response, answer.status, answer.body)
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
    })
  } catch (error) {
    store.close()
    if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true })
    throw error
  }
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`

  return {
    baseUrl,
    port,
    tenant,
    hosted: oauthSettings.hosted,
    credentials,
    settings,
    store,
    requestCount: () => apiCalls,
    refusedCount: () => refused,
    tokenRequestCount: () => oauth.tokenRequests,
    expireAllTokens: () => oauth.expireAllTokens(),
    addUsers: (count) => addDemoUsers(store, seed, count),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      store.close()
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true })
    }
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (body === null) {
    response.writeHead(status).end()
    return
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' })
  response.end(text)
}

function sendOAuth(response: ServerResponse, answer: { status: number; json?: unknown; html?: string; redirect?: string }): void {
  if (answer.redirect) {
    response.writeHead(302, { Location: answer.redirect, 'Cache-Control': 'no-store' }).end()
    return
  }
  if (answer.html !== undefined) {
    response.writeHead(answer.status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(answer.html)
    return
  }
  response.setHeader('Cache-Control', 'no-store')
  send(response, answer.status, answer.json ?? null)
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
