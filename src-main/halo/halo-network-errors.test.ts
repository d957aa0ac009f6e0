/**
 * What the admin reads when the address is wrong in the ways that happen in real life, each caused
 * for real on this machine: a web page instead of the API, a certificate the computer does not trust,
 * a name that does not resolve, a server that never answers, a redirect to a sign-in proxy.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HaloAuth } from './halo-auth'
import type { HaloInstanceSettings } from './halo-settings'
import type { TokenCache } from './token-cache'
import { tempDir } from '../../test/helpers/temp-workspace'

const noCache: TokenCache = { load: () => Promise.resolve(null), save: () => Promise.resolve(), clear: () => Promise.resolve() }

function authFor(baseUrl: string, timeoutMs = 2000): HaloAuth {
  const settings: HaloInstanceSettings = {
    id: 'x',
    name: 'Test',
    baseUrl,
    tenant: null,
    authServerUrl: null,
    authMode: 'client_credentials',
    clientId: 'id',
    scope: 'all',
    rateLimit: { requests: 100, windowMs: 1000 }
  }
  return new HaloAuth({ settings, cache: noCache, clientSecret: () => Promise.resolve('secret'), timeoutMs })
}

const servers: { close(): void }[] = []
function listen(server: http.Server | https.Server): Promise<number> {
  servers.push({
    close: () => {
      server.closeAllConnections()
      server.close()
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

let htmlPort = 0
let silentPort = 0
let redirectPort = 0
let tlsPort = 0

beforeAll(async () => {
  htmlPort = await listen(http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Self-service portal</title>')))
  silentPort = await listen(http.createServer(() => undefined))
  redirectPort = await listen(http.createServer((_req, res) => res.writeHead(302, { Location: 'https://sso.corp.local/login' }).end()))
  const dir = tempDir('studio-tls-')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=halo.test', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' })
  tlsPort = await listen(
    https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => res.end('{}'))
  )
})
afterAll(() => {
  for (const server of servers) server.close()
})

describe('wrong addresses, in the admin’s words', () => {
  it('a web page where the API should be', async () => {
    await expect(authFor(`http://127.0.0.1:${htmlPort}`).authServer()).rejects.toThrow(
      `127.0.0.1:${htmlPort} answered with a web page instead of the Halo (Test) API (/api/authinfo). Check the address is your Halo web address`
    )
  })

  it('a certificate this computer does not trust', async () => {
    const failure = authFor(`https://localhost:${tlsPort}`).authServer()
    await expect(failure).rejects.toMatchObject({ code: 'UNREACHABLE', details: { reason: 'tls' } })
    await expect(failure).rejects.toThrow(/The secure connection to localhost:\d+ failed: .*certificate.*install that authority on this computer/)
  })

  it('a name that does not resolve', async () => {
    await expect(authFor('https://halo.invalid').authServer()).rejects.toThrow(
      'Could not find halo.invalid: the name does not resolve (DNS). Check the address for typos, and that this computer is on the network (or VPN) that can see it.'
    )
  })

  it('a server that never answers', async () => {
    await expect(authFor(`http://127.0.0.1:${silentPort}`, 300).authServer()).rejects.toThrow(
      `Halo (Test) at 127.0.0.1:${silentPort} did not answer within 300 ms.`
    )
  })

  it('a redirect to a sign-in proxy', async () => {
    await expect(authFor(`http://127.0.0.1:${redirectPort}`).authServer()).rejects.toThrow(
      `127.0.0.1:${redirectPort} redirected /api/authinfo to https://sso.corp.local/login instead of answering.`
    )
  })
})
