import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpTransport } from './http-transport'

const origin = 'http://127.0.0.1:4100'

function transportWith(fetchImpl: typeof fetch, onUnauthorized = vi.fn()) {
  vi.stubGlobal('fetch', fetchImpl)
  return { transport: createHttpTransport({ origin, token: 'launch-token', onUnauthorized }), onUnauthorized }
}

afterEach(() => vi.unstubAllGlobals())

describe('createHttpTransport invoke', () => {
  it('posts the input as JSON with the bearer token and answers the CallResult', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(Response.json({ ok: true, value: { theme: 'dark' } })))
    const { transport } = transportWith(fetchMock)
    await expect(transport.invoke('settings:update', { theme: 'dark' })).resolves.toEqual({ ok: true, value: { theme: 'dark' } })
    expect(fetchMock).toHaveBeenCalledWith(`${origin}/rpc/settings%3Aupdate`, expect.objectContaining({ method: 'POST', body: '{"theme":"dark"}' }))
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init.headers).toMatchObject({ Authorization: 'Bearer launch-token' })
  })

  it('turns a network failure into an envelope that says the app is not answering', async () => {
    const { transport } = transportWith(() => Promise.reject(new TypeError('Failed to fetch')))
    const result = await transport.invoke('app:info', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(!result.ok && result.error.message).toMatch(/not answering/)
  })

  it('turns an answer that is not a CallResult into an envelope naming the HTTP status', async () => {
    const { transport } = transportWith(() => Promise.resolve(new Response('<html>proxy error</html>', { status: 502 })))
    const result = await transport.invoke('app:info', {})
    expect(!result.ok && result.error.message).toMatch(/HTTP 502/)
  })

  it('reports a refused token', async () => {
    const refusal = { ok: false, error: { code: 'UNAUTHORIZED', message: 'This browser tab is not signed in.' } }
    const { transport, onUnauthorized } = transportWith(() => Promise.resolve(Response.json(refusal, { status: 401 })))
    await expect(transport.invoke('settings:get', {})).resolves.toEqual(refusal)
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })
})
