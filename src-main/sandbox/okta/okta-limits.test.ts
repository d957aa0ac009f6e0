/**
 * The Okta sandbox's traffic rules over real sockets (okta.md §3): rate-limit headers per bucket,
 * 429 E0000047 when a bucket is spent and a fresh window after it (time-scaled), the concurrency
 * 429 with Limit 0, and latency and faults on demand.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startOktaSandbox, type OktaSandbox, type OktaSandboxOptions } from '.'

const running: OktaSandbox[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()))
})

async function start(options: OktaSandboxOptions = {}): Promise<OktaSandbox> {
  const sandbox = await startOktaSandbox({ people: 60, ...options })
  running.push(sandbox)
  return sandbox
}

function call(okta: OktaSandbox, path: string): Promise<Response> {
  return fetch(`${okta.orgUrl}${path}`, { headers: { Authorization: `SSWS ${okta.credentials.apiToken}` } })
}

function limits(response: Response): { limit: number; remaining: number; reset: number; date: number } {
  return {
    limit: Number(response.headers.get('x-rate-limit-limit')),
    remaining: Number(response.headers.get('x-rate-limit-remaining')),
    reset: Number(response.headers.get('x-rate-limit-reset')),
    date: Date.parse(response.headers.get('date') ?? '') / 1000
  }
}

describe('rate limits', () => {
  it('counts each endpoint in its Workforce bucket and says so on every answer', async () => {
    const okta = await start()
    const me = (await (await call(okta, '/api/v1/users/me')).json()) as { id: string }
    const group = ((await (await call(okta, '/api/v1/groups?limit=1')).json()) as Array<{ id: string }>)[0]?.id ?? ''
    const app = ((await (await call(okta, '/api/v1/apps?limit=1')).json()) as Array<{ id: string }>)[0]?.id ?? ''
    const expected: Array<[string, number]> = [
      ['/api/v1/users', 600],
      [`/api/v1/users/${me.id}`, 2000],
      [`/api/v1/users/${me.id}/groups`, 1200],
      ['/api/v1/groups', 500],
      [`/api/v1/groups/${group}`, 1000],
      [`/api/v1/groups/${group}/users`, 1000],
      ['/api/v1/apps', 100],
      [`/api/v1/apps/${app}`, 500],
      [`/api/v1/apps/${app}/users`, 100],
      ['/api/v1/users/nobody-at-all', 2000],
      ['/api/v1/people', 1200]
    ]
    for (const [path, limit] of expected) {
      const first = limits(await call(okta, path))
      const second = limits(await call(okta, path))
      expect(first.limit, path).toBe(limit)
      expect(second.remaining, path).toBe(first.remaining - 1)
      expect(first.reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000))
      expect(first.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61)
    }
    const unauthenticated = await fetch(`${okta.orgUrl}/api/v1/users`)
    expect(unauthenticated.status).toBe(403)
    expect(unauthenticated.headers.get('x-rate-limit-limit')).toBe('600')
  })

  it('answers 429 E0000047 with Remaining 0 once a bucket is spent, and a fresh window after a (time-scaled) minute', async () => {
    // At 30× a minute window lasts two seconds: room for a slow machine, and a short wait.
    const okta = await start({ timeScale: 30, rateLimits: { users: 3 } })
    const answers = []
    for (let index = 0; index < 4; index += 1) answers.push(await call(okta, '/api/v1/users?limit=1'))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429])
    expect(answers.map((answer) => limits(answer).remaining)).toEqual([2, 1, 0, 0])
    const refused = answers[3] as Response
    expect(await refused.json()).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.', errorLink: 'E0000047', errorCauses: [] })
    const { reset, date, limit } = limits(refused)
    expect(limit).toBe(3)
    // Reset − Date is in sandbox seconds: under a minute, and over the two real seconds left.
    expect(reset - date).toBeGreaterThan(2)
    expect(reset - date).toBeLessThanOrEqual(61)
    expect((await call(okta, '/api/v1/users/me')).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2050))
    const after = await call(okta, '/api/v1/users?limit=1')
    expect(after.status).toBe(200)
    expect(limits(after).remaining).toBe(2)
    okta.settings.rateLimits.users = 1
    okta.resetRateLimits()
    expect((await call(okta, '/api/v1/users?limit=1')).status).toBe(200)
    expect((await call(okta, '/api/v1/users?limit=1')).status).toBe(429)
  })

  it('answers 429 with Limit 0 and Remaining 0 beyond the concurrency limit', async () => {
    const okta = await start({ concurrencyLimit: 2, latencyMs: 300 })
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(okta, '/api/v1/users/me')))
    const busy = answers.filter((answer) => answer.status === 429)
    expect(busy).toHaveLength(3)
    for (const answer of busy) {
      expect(answer.headers.get('x-rate-limit-limit')).toBe('0')
      expect(answer.headers.get('x-rate-limit-remaining')).toBe('0')
      expect(Number(answer.headers.get('x-rate-limit-reset'))).toBeGreaterThan(0)
      expect(await answer.json()).toMatchObject({ errorCode: 'E0000047' })
    }
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(2)
    expect((await call(okta, '/api/v1/users/me')).status).toBe(200)
  })
})

describe('latency and faults', () => {
  it('answers 500 E0000009, drops connections and delays answers when told to', async () => {
    const okta = await start()
    okta.settings.faults.error500 = 1
    const failed = await call(okta, '/api/v1/users')
    expect(failed.status).toBe(500)
    expect(await failed.json()).toMatchObject({ errorCode: 'E0000009', errorSummary: 'Internal Server Error' })
    okta.settings.faults.error500 = 0
    okta.settings.faults.drop = 1
    await expect(call(okta, '/api/v1/users')).rejects.toThrow()
    okta.settings.faults.drop = 0
    okta.settings.latencyMs = 150
    const started = performance.now()
    expect((await call(okta, '/api/v1/users?limit=1')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })
})
