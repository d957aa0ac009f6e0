/**
 * The loopback sign-in over real sockets: a stand-in "browser" follows the authorize URL the way a
 * real one would, by requesting the redirect URI the IdP sends it to.
 */
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { LoopbackSignIn, type LoopbackSignInOptions } from './loopback-flow'
import { createPkcePair, s256 } from './pkce'

/** A browser that, when asked to open the authorize URL, lands on the redirect URI with these params. */
function browserAnswering(params: (authorize: URL) => Record<string, string>) {
  const visited: string[] = []
  const openBrowser = async (url: string): Promise<void> => {
    const authorize = new URL(url)
    const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '')
    for (const [key, value] of Object.entries(params(authorize))) redirect.searchParams.set(key, value)
    visited.push(redirect.href)
    const page = await fetch(redirect)
    visited.push(`${page.status} ${await page.text()}`)
  }
  return { openBrowser, visited }
}

function options(overrides: Partial<LoopbackSignInOptions>): LoopbackSignInOptions {
  return {
    service: 'Halo (test)',
    state: 'state-123',
    authorizeUrl: (redirectUri) => `https://halo.example/auth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=state-123`,
    openBrowser: () => Promise.resolve(),
    ...overrides
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port)
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('LoopbackSignIn', () => {
  it('returns the code for the redirect URI it listened on, shows a success page, then closes', async () => {
    const browser = browserAnswering((authorize) => ({ code: 'the-code', state: authorize.searchParams.get('state') ?? '' }))
    const result = await new LoopbackSignIn().run(options({ openBrowser: browser.openBrowser }))
    expect(result.code).toBe('the-code')
    expect(result.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(browser.visited[1]).toMatch(/^200 .*Signed in to Halo \(test\)/)
    expect(await isListening(portOf(result.redirectUri))).toBe(false)
  })

  it('refuses an answer whose state does not match, and closes', async () => {
    const browser = browserAnswering(() => ({ code: 'stolen', state: 'someone-elses' }))
    await expect(new LoopbackSignIn().run(options({ openBrowser: browser.openBrowser }))).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
      details: { reason: 'state_mismatch' }
    })
    expect(browser.visited[1]).toMatch(/^400 .*did not complete/)
    expect(await isListening(portOf(browser.visited[0] ?? ''))).toBe(false)
  })

  it('refuses an answer without state (fail closed)', async () => {
    const browser = browserAnswering(() => ({ code: 'c' }))
    await expect(new LoopbackSignIn().run(options({ openBrowser: browser.openBrowser }))).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' })
  })

  it('reports the IdP’s own error in its words', async () => {
    const browser = browserAnswering(() => ({ state: 'state-123', error: 'access_denied', error_description: 'The user denied consent' }))
    await expect(new LoopbackSignIn().run(options({ openBrowser: browser.openBrowser }))).rejects.toThrow(
      'Halo (test) did not sign you in: The user denied consent (access_denied).'
    )
  })

  it('gives up after the time limit, and closes the listener', async () => {
    let redirectUri = ''
    const flow = new LoopbackSignIn().run(
      options({
        timeoutMs: 150,
        authorizeUrl: (uri) => {
          redirectUri = uri
          return 'https://halo.example/auth/authorize'
        }
      })
    )
    await expect(flow).rejects.toMatchObject({ code: 'SIGN_IN_FAILED', details: { reason: 'timeout' } })
    expect(await isListening(portOf(redirectUri))).toBe(false)
  })

  it('refuses a second sign-in while one is open, and allows one after', async () => {
    const signIn = new LoopbackSignIn()
    const first = signIn.run(options({ timeoutMs: 10_000 }))
    await expect(signIn.run(options({}))).rejects.toMatchObject({ code: 'BUSY' })
    expect(signIn.inProgress).toBe(true)
    signIn.cancel()
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(signIn.inProgress).toBe(false)
    const browser = browserAnswering(() => ({ code: 'again', state: 'state-123' }))
    await expect(signIn.run(options({ openBrowser: browser.openBrowser }))).resolves.toMatchObject({ code: 'again' })
  })

  it('stops when its abort signal fires', async () => {
    const controller = new AbortController()
    const flow = new LoopbackSignIn().run(options({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 20)
    await expect(flow).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('says so when the browser cannot be opened', async () => {
    const flow = new LoopbackSignIn().run(options({ openBrowser: () => Promise.reject(new Error('xdg-open not found')) }))
    await expect(flow).rejects.toThrow(/Could not open your browser for the sign-in: xdg-open not found/)
  })

  it('answers 404 on other paths and keeps waiting', async () => {
    const browser = browserAnswering(() => ({ code: 'ok', state: 'state-123' }))
    const result = await new LoopbackSignIn().run(
      options({
        openBrowser: async (url) => {
          const redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '')
          expect((await fetch(new URL('/favicon.ico', redirect))).status).toBe(404)
          await browser.openBrowser(url)
        }
      })
    )
    expect(result.code).toBe('ok')
  })
})

describe('PKCE', () => {
  it('makes an S256 challenge from a fresh verifier (RFC 7636 appendix B vector)', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
    const pair = createPkcePair()
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    expect(pair.challenge).toBe(s256(pair.verifier))
    expect(createPkcePair().verifier).not.toBe(pair.verifier)
  })
})
