import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventStream } from './event-stream'

/** A fake /events endpoint: each fetch opens a stream the test can write to and end. */
function fakeServer() {
  const connections: { write: (text: string) => void; end: () => void; signal: AbortSignal }[] = []
  let status = 200
  let down = false
  const fetchMock = vi.fn((_url: string, init: RequestInit) => {
    if (down) return Promise.reject(new TypeError('Failed to fetch'))
    if (status !== 200) return Promise.resolve(new Response(null, { status }))
    const encoder = new TextEncoder()
    let controller!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
    const signal = init.signal as AbortSignal
    signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
    connections.push({ write: (text) => controller.enqueue(encoder.encode(text)), end: () => controller.close(), signal })
    return Promise.resolve(new Response(body, { status: 200 }))
  })
  vi.stubGlobal('fetch', fetchMock)
  return { connections, fetchMock, refuse: () => void (status = 401), fail: () => void (down = true) }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('EventStream', () => {
  it('shares one connection and delivers only valid payloads to subscribers of that event', async () => {
    const server = fakeServer()
    const stream = new EventStream({ url: 'http://127.0.0.1:4100/events', token: 't', onUnauthorized: vi.fn() })
    const settings = vi.fn()
    const runs = vi.fn()
    stream.subscribe('settings:changed', settings)
    stream.subscribe('run:updated', runs)
    await settle()
    expect(server.fetchMock).toHaveBeenCalledOnce()

    server.connections[0]?.write('event: settings:changed\ndata: {"theme":"dark"}\n\n')
    server.connections[0]?.write('event: settings:changed\ndata: {"theme":"purple"}\n\n')
    server.connections[0]?.write('event: nobody:knows\ndata: {}\n\n')
    await settle()
    expect(settings.mock.calls).toEqual([[{ theme: 'dark' }]])
    expect(runs).not.toHaveBeenCalled()
  })

  it('reconnects after a drop, and retries a failing server with growing delays', async () => {
    const server = fakeServer()
    const stream = new EventStream({ url: 'http://127.0.0.1:4100/events', token: 't', onUnauthorized: vi.fn() })
    stream.subscribe('settings:changed', vi.fn())
    await settle()
    server.fail()
    server.connections[0]?.end()
    await settle()
    for (const [delayMs, calls] of [[1_000, 2], [2_000, 3], [4_000, 4]] as const) {
      await vi.advanceTimersByTimeAsync(delayMs - 1)
      expect(server.fetchMock).toHaveBeenCalledTimes(calls - 1)
      await vi.advanceTimersByTimeAsync(1)
      expect(server.fetchMock).toHaveBeenCalledTimes(calls)
    }
  })

  it('closes the connection when the last subscriber leaves', async () => {
    const server = fakeServer()
    const stream = new EventStream({ url: 'http://127.0.0.1:4100/events', token: 't', onUnauthorized: vi.fn() })
    const first = stream.subscribe('settings:changed', vi.fn())
    const second = stream.subscribe('task:progress', vi.fn())
    await settle()
    first()
    expect(server.connections[0]?.signal.aborted).toBe(false)
    second()
    expect(server.connections[0]?.signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.fetchMock).toHaveBeenCalledOnce()
  })

  it('stops for good when the token is refused', async () => {
    const server = fakeServer()
    server.refuse()
    const onUnauthorized = vi.fn()
    const stream = new EventStream({ url: 'http://127.0.0.1:4100/events', token: 'old', onUnauthorized })
    stream.subscribe('settings:changed', vi.fn())
    await vi.advanceTimersByTimeAsync(60_000)
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect(server.fetchMock).toHaveBeenCalledOnce()
  })
})
