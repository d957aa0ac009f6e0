/**
 * Browser mode's transport: the same dispatcher over loopback HTTP, and events over Server-Sent Events.
 * Bound to 127.0.0.1 only. Every request must name this server as Host (stops DNS rebinding) and, when
 * a browser sends an Origin, it must be this server's (stops cross-site requests). Calls and the event
 * stream also need the per-launch token as a bearer. Static files (the built renderer) hold no data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { StudioError, type ErrorEnvelope } from '../../src-shared/contract'
import type { Dispatch } from './dispatch'
import type { EventBus } from '../runtime/event-bus'
import type { Logger } from '../runtime/logger'
import { contentSecurityPolicy } from './csp'

export interface HttpBridgeOptions {
  dispatch: Dispatch
  events: EventBus
  token: string
  /** 0 picks a free port. */
  port: number
  /** The built renderer (out/renderer); null serves only the API (tests). */
  staticDir: string | null
  log: Logger
}

export interface HttpBridge {
  port: number
  /** The address to open, token included. */
  url: string
  close(): Promise<void>
}

const maxBodyBytes = 32 * 1024 * 1024
const heartbeatMs = 20_000
// 401 is kept for this bridge's own token: remote sign-in problems use 424 so the renderer never
// mistakes them for a signed-out tab.
const statusByCode: Record<ErrorEnvelope['code'], number> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_PROCEDURE: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  KEYCHAIN_UNAVAILABLE: 503,
  EXTERNAL_URL_REJECTED: 400,
  UNREACHABLE: 502,
  REMOTE_ERROR: 502,
  RATE_LIMITED: 429,
  SIGN_IN_REQUIRED: 424,
  SIGN_IN_FAILED: 424,
  BUSY: 409,
  CANCELLED: 409,
  INTERNAL: 500
}
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const streams = new Set<ServerResponse>()
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error('browser bridge request failed', { error: String(error) })
      if (!res.headersSent) sendError(res, new StudioError('INTERNAL', 'The request could not be handled.'))
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res)
    const refusal = checkOrigin(req, port)
    if (refusal) return sendError(res, refusal)
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST')
      if (!hasToken(req, options.token)) return sendError(res, unauthorized())
      const body = await readJsonBody(req)
      if (!body.ok) return sendError(res, body.error)
      const result = await options.dispatch(decodeURIComponent(url.pathname.slice('/rpc/'.length)), body.value)
      return sendJson(res, result.ok ? 200 : statusByCode[result.error.code], result)
    }
    if (url.pathname === '/events') {
      if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET')
      if (!hasToken(req, options.token)) return sendError(res, unauthorized())
      return openEventStream(res)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, 'GET')
    return serveStatic(url.pathname, res)
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    streams.add(res)
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs)
    res.on('close', () => {
      clearInterval(heartbeat)
      streams.delete(res)
    })
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    if (!options.staticDir) return sendError(res, new StudioError('NOT_FOUND', 'Nothing is served here.'))
    const root = path.resolve(options.staticDir)
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = path.resolve(root, relative)
    if (file !== root && !file.startsWith(root + path.sep)) {
      return sendError(res, new StudioError('NOT_FOUND', 'No such file.'))
    }
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return sendError(res, new StudioError('NOT_FOUND', 'No such file.'))
    const body = await readFile(file)
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'max-age=3600'
    })
    res.end(body)
  }

  const detach = options.events.onAny((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        detach()
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/** Host must be this loopback server; an Origin, when sent, must be too. Returns the refusal, if any. */
function checkOrigin(req: IncomingMessage, port: number): StudioError | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const host = (req.headers.host ?? '').toLowerCase()
  if (!allowedHosts.includes(host)) {
    return new StudioError('FORBIDDEN', 'This address is not Identity Studio. Open the link printed when it started.')
  }
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())) {
    return new StudioError('FORBIDDEN', 'Requests from other web pages are not allowed.')
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return new StudioError('FORBIDDEN', 'Requests from other web pages are not allowed.')
  }
  return null
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? ''
  const match = /^Bearer (.+)$/.exec(header)
  if (!match?.[1]) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function unauthorized(): StudioError {
  return new StudioError(
    'UNAUTHORIZED',
    'This browser tab is not signed in to Identity Studio. Open the link printed when it started (it carries a one-time access key).'
  )
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; error: StudioError }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) {
      return { ok: false, error: new StudioError('VALIDATION_FAILED', 'The request is larger than 32 MiB.') }
    }
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, error: new StudioError('VALIDATION_FAILED', 'The request body is not valid JSON.') }
  }
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ frameAncestors: true }))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

function sendError(res: ServerResponse, error: StudioError): void {
  sendJson(res, statusByCode[error.code], { ok: false, error: error.toEnvelope() })
}

function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow)
  sendJson(res, 405, {
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: `Use ${allow} for this address.` }
  })
}
