/**
 * Browser-mode bridge over real sockets: only loopback, only with the launch token, only for this
 * server's own Host and Origin; events arrive over SSE; static files cannot escape their folder.
 */
import http from 'node:http'
import net from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../runtime/logger'
import { startHttpBridge, type HttpBridge } from './http-bridge'
import { openTempWorkspace, tempDir, type TempWorkspace } from '../../test/helpers/temp-workspace'

const token = 'test-token-0123456789abcdef'
let workspace: TempWorkspace
let bridge: HttpBridge
let staticDir: string

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers },
        setHost: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function rpc(name: string, input: unknown, headers: Record<string, string> = { Authorization: `Bearer ${token}` }): Promise<Reply> {
  return send({ method: 'POST', path: `/rpc/${name}`, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) })
}

beforeAll(async () => {
  workspace = openTempWorkspace()
  staticDir = tempDir('studio-static-')
  mkdirSync(path.join(staticDir, 'assets'))
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Identity Studio</title>')
  writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'do not serve')
  bridge = await startHttpBridge({
    dispatch: workspace.dispatch,
    events: workspace.services.events,
    token,
    port: 0,
    staticDir,
    log: createLogger(() => undefined)
  })
})
afterAll(async () => {
  await bridge.close()
  await workspace.dispose()
})

describe('authentication', () => {
  it('answers a call that carries the token', async () => {
    const reply = await rpc('settings:get', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { theme: 'auto' } })
  })

  it('refuses a call without a token with 401', async () => {
    const reply = await rpc('settings:get', {}, {})
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it('refuses a wrong token, including one that shares a prefix, with 401', async () => {
    for (const wrong of ['nope', `${token}x`, token.slice(0, -1), token.toUpperCase()]) {
      const reply = await rpc('settings:get', {}, { Authorization: `Bearer ${wrong}` })
      expect(reply.status).toBe(401)
    }
  })

  it('refuses the event stream without a token', async () => {
    expect((await send({ path: '/events' })).status).toBe(401)
  })
})

describe('cross-site and DNS-rebinding protection', () => {
  it('refuses a foreign Origin with 403, even with the token', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', `http://127.0.0.1.evil.example:${bridge.port}`]) {
      const reply = await rpc('settings:get', {}, { Authorization: `Bearer ${token}`, Origin: origin })
      expect(reply.status).toBe(403)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('accepts the app’s own Origin', async () => {
    const reply = await rpc('settings:get', {}, { Authorization: `Bearer ${token}`, Origin: `http://127.0.0.1:${bridge.port}` })
    expect(reply.status).toBe(200)
  })

  it('refuses a Host that is not this loopback server with 403 (static files too)', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, `127.0.0.1:${bridge.port + 1}`, '']) {
      const reply = await send({ path: '/', headers: { Host: host } })
      expect(reply.status).toBe(403)
    }
  })

  it('refuses requests a browser marks as cross-site', async () => {
    const reply = await rpc('settings:get', {}, { Authorization: `Bearer ${token}`, 'Sec-Fetch-Site': 'cross-site' })
    expect(reply.status).toBe(403)
  })

  it('sends a strict Content-Security-Policy and nosniff', async () => {
    const reply = await send({ path: '/' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'")
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    const refused = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: bridge.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(false)
        })
        socket.once('error', () => resolve(true))
      })
    expect(await refused('127.0.0.1')).toBe(false)
    expect(await refused('127.0.0.2')).toBe(true)
    expect(await refused('::1')).toBe(true)
  })
})

describe('requests', () => {
  it('answers malformed JSON with a VALIDATION_FAILED envelope', async () => {
    const reply = await send({ method: 'POST', path: '/rpc/settings:update', headers: { Authorization: `Bearer ${token}` }, body: '{"theme":' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
  })

  it('answers an unknown procedure with 404 and UNKNOWN_PROCEDURE', async () => {
    const reply = await rpc('halo:dropTables', {})
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } })
  })

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt']) {
      const reply = await send({ path: p })
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('do not serve')
    }
  })

  it('refuses other methods with 405', async () => {
    expect((await send({ method: 'DELETE', path: '/rpc/settings:get', headers: { Authorization: `Bearer ${token}` } })).status).toBe(405)
  })
})

describe('events', () => {
  it('streams contract events to an authorised subscriber', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: bridge.port, path: '/events', headers: { Authorization: `Bearer ${token}` } },
        (res) => {
          let buffer = ''
          let changed = false
          res.setEncoding('utf8')
          res.on('error', () => undefined) // the stream is cut on purpose below
          res.on('data', (chunk: string) => {
            buffer += chunk
            if (!changed && buffer.includes(': connected')) {
              changed = true
              void rpc('settings:update', { theme: 'light' })
            }
            const frame = buffer.split('\n\n').find((f) => f.startsWith('event: settings:changed'))
            if (frame) {
              req.destroy()
              resolve(frame)
            }
          })
        }
      )
      req.on('error', reject)
      req.end()
    })
    const frame = await received
    expect(frame).toBe('event: settings:changed\ndata: {"theme":"light"}')
  })
})
