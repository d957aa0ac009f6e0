import { describe, expect, it, vi } from 'vitest'
import { StudioError } from '../../../src-shared/contract'
import type { StudioApi } from '../../../src-shared/studio-api'
import { createStudioClient } from './studio-client'

function apiAnswering(invoke: () => Promise<unknown>): StudioApi {
  return { invoke: invoke as StudioApi['invoke'], subscribe: vi.fn(() => () => undefined) }
}

describe('createStudioClient call', () => {
  it('answers the value of a successful call', async () => {
    const client = createStudioClient(apiAnswering(() => Promise.resolve({ ok: true, value: { theme: 'light' } })))
    await expect(client.call('settings:get', {})).resolves.toEqual({ theme: 'light' })
  })

  it('throws the envelope as a StudioError', async () => {
    const issues = [{ path: 'theme', message: 'Invalid option' }]
    const client = createStudioClient(
      apiAnswering(() =>
        Promise.resolve({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Not valid.', details: { issues } } })
      )
    )
    const error = await client.call('settings:update', { theme: 'dark' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StudioError)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Not valid.', details: { issues } })
  })

  it('turns a transport that rejects into an INTERNAL StudioError', async () => {
    const client = createStudioClient(apiAnswering(() => Promise.reject(new Error('No handler registered'))))
    await expect(client.call('app:info', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})
