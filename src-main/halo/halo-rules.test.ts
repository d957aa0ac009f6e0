/** Pure rules of the Halo client: addresses, Halo's error body shapes, and the rate limiter's timing. */
import { describe, expect, it } from 'vitest'
import { StudioError } from '../../src-shared/contract'
import { haloMessage, httpError } from './halo-errors'
import { parseHaloAddress } from '../../src-shared/halo-url'
import { RollingWindowLimiter, type Clock } from './rate-limiter'

function messageOf(action: () => unknown): string {
  try {
    action()
  } catch (error) {
    if (error instanceof StudioError) return error.message
  }
  throw new Error('expected a StudioError')
}

describe('parseHaloAddress', () => {
  it('accepts hosted and on-premise addresses and keeps the web root', () => {
    expect(parseHaloAddress('https://acme.halopsa.com/')).toMatchObject({ baseUrl: 'https://acme.halopsa.com', looksHosted: true, suggestedTenant: 'acme' })
    expect(parseHaloAddress('halo.corp.local')).toMatchObject({ baseUrl: 'https://halo.corp.local', apiUrl: 'https://halo.corp.local/api', looksHosted: false, suggestedTenant: null })
    expect(parseHaloAddress('https://support.example.com/api').baseUrl).toBe('https://support.example.com')
    expect(parseHaloAddress('https://intranet.example.com/halo/auth/').baseUrl).toBe('https://intranet.example.com/halo')
    expect(parseHaloAddress('http://127.0.0.1:8123').baseUrl).toBe('http://127.0.0.1:8123')
  })

  it('says exactly what is wrong', () => {
    expect(messageOf(() => parseHaloAddress('   '))).toMatch(/^Enter your Halo web address/)
    expect(messageOf(() => parseHaloAddress('https://exa mple.com'))).toMatch(/is not a web address/)
    expect(messageOf(() => parseHaloAddress('ftp://halo.corp.local'))).toMatch(/starts with ftp:/)
    expect(messageOf(() => parseHaloAddress('http://halo.corp.local'))).toBe(
      'halo.corp.local must be reached over https: Halo sends credentials and tokens on every call. Use https://halo.corp.local.'
    )
    expect(messageOf(() => parseHaloAddress('https://admin:pw@halo.corp.local'))).toMatch(/user name and password/)
    expect(messageOf(() => parseHaloAddress('https://halo.corp.local/?x=1'))).toMatch(/after \? or #/)
  })
})

describe('haloMessage', () => {
  it('reads every error shape Halo is known to send', () => {
    expect(haloMessage({ resultCode: 1, errorMessage: 'Site not found' })).toBe('Site not found')
    expect(haloMessage({ ClassName: 'System.Exception', Message: 'Object reference not set' })).toBe('Object reference not set')
    expect(haloMessage({ Message: 'An error has occurred.' })).toBe('An error has occurred.')
    expect(haloMessage({ error: 'invalid_client', error_description: 'Bad credentials' })).toBe('Bad credentials')
    expect(haloMessage('Rate Limit Reached - 300 Requests per rolling 5 minute window')).toMatch(/^Rate Limit Reached/)
    expect(haloMessage({ '[0].name': 'Please enter a name', site_id: ['Site is required'] })).toBe('[0].name: Please enter a name; site_id: Site is required')
    expect(haloMessage(null)).toBeNull()
    expect(haloMessage({})).toBeNull()
  })

  it('keeps Halo’s words and explains a 403', () => {
    const error = httpError(400, { '[0].site_id': 'Please select a site' }, 'Halo (Demo)', 'https://halo.corp.local/api/Users')
    expect(error.message).toBe('Halo (Demo) said: [0].site_id: Please select a site')
    const forbidden = httpError(403, null, 'Halo (Demo)', 'https://halo.corp.local/api/Roles')
    expect(forbidden.message).toMatch(/refused access to \/api\/Roles.*Give the API application/)
  })
})

describe('RollingWindowLimiter', () => {
  function fakeClock(): Clock & { slept: number[] } {
    let now = 0
    const slept: number[] = []
    return {
      slept,
      now: () => now,
      sleep: (ms) => {
        slept.push(ms)
        now += ms
        return Promise.resolve()
      }
    }
  }

  it('lets `requests` calls through per window, then waits for the oldest to roll out (plus a margin)', async () => {
    const clock = fakeClock()
    const limiter = new RollingWindowLimiter({ requests: 3, windowMs: 1000 }, clock, () => 0)
    for (let i = 0; i < 3; i += 1) await limiter.acquire()
    expect(clock.slept).toEqual([])
    await limiter.acquire()
    // 100 ms margin: Halo counts a request a moment after it leaves here.
    expect(clock.slept).toEqual([1100])
    expect(clock.now()).toBe(1100)
  })

  it('backs off at least until a slot frees, exponentially, capped at the window, with jitter', async () => {
    const clock = fakeClock()
    const limiter = new RollingWindowLimiter({ requests: 2, windowMs: 10_000 }, clock, () => 0.5)
    await limiter.acquire()
    expect(limiter.backoffMs(1, null)).toBe(Math.round(10_000 * 1.1))
    const idle = new RollingWindowLimiter({ requests: 2, windowMs: 10_000 }, fakeClock(), () => 0)
    expect([1, 2, 3, 4, 5, 6].map((n) => idle.backoffMs(n, null))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000])
    expect(idle.backoffMs(1, 7)).toBe(7000)
  })
})
