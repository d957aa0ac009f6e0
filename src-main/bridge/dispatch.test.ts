/**
 * The contract as main enforces it: every procedure has exactly one handler, malformed input of any
 * shape is answered with a VALIDATION_FAILED envelope (never a crash), and handler failures become
 * envelopes with stable codes.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  errorEnvelopeSchema,
  eventNames,
  procedureNames,
  procedures,
  StudioError
} from '../../src-shared/contract'
import { createHandlers, type Handlers } from '../api/handlers'
import { createLogger } from '../runtime/logger'
import { createDispatcher } from './dispatch'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

let workspace: TempWorkspace

beforeAll(() => {
  workspace = openTempWorkspace()
})
afterAll(async () => {
  await workspace.dispose()
})

describe('contract registration', () => {
  it('has exactly one handler per procedure', () => {
    const handlers = createHandlers(workspace.services)
    expect(Object.keys(handlers).sort()).toEqual([...procedureNames].sort())
  })

  it('names every procedure and event domain:action, and never reuses a name', () => {
    for (const name of [...procedureNames, ...eventNames]) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/)
    expect(new Set([...procedureNames, ...eventNames]).size).toBe(procedureNames.length + eventNames.length)
  })
})

describe('malformed input', () => {
  for (const name of procedureNames) {
    it(`${name}: any input outside the schema gets a VALIDATION_FAILED envelope`, async () => {
      const schema = procedures[name].input
      await fc.assert(
        fc.asyncProperty(
          fc.anything().filter((value) => !schema.safeParse(value ?? {}).success),
          async (input) => {
            const result = await workspace.dispatch(name, input)
            expect(result.ok).toBe(false)
            if (result.ok) return
            expect(errorEnvelopeSchema.safeParse(result.error).success).toBe(true)
            expect(result.error.code).toBe('VALIDATION_FAILED')
            expect(Array.isArray(result.error.details?.issues)).toBe(true)
          }
        ),
        { numRuns: 150 }
      )
    })
  }

  it('answers UNKNOWN_PROCEDURE for a name that cannot even be turned into text', async () => {
    // fast-check's counterexample: an object whose toString is not a function made String() throw.
    expect(await workspace.dispatch({ toString: '' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE', message: 'A procedure is named by a string, not by object.' } })
  })

  it('answers UNKNOWN_PROCEDURE for any name outside the contract', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((name) => typeof name !== 'string' || !procedureNames.includes(name as never)),
        async (name) => {
          const result = await workspace.dispatch(name, {})
          expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } })
        }
      ),
      { numRuns: 200 }
    )
  })

  it('says where the input is wrong', async () => {
    const result = await workspace.dispatch('settings:update', { theme: 'purple', extra: 1 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = (result.error.details?.issues as { path: string }[]).map((issue) => issue.path)
    expect(paths).toContain('theme')
  })
})

describe('handler failures', () => {
  function dispatcherWith(override: Partial<Handlers>) {
    const lines: string[] = []
    const handlers = { ...createHandlers(workspace.services), ...override }
    return { dispatch: createDispatcher(handlers, createLogger((line) => lines.push(line))), lines }
  }

  it('passes a StudioError through as its envelope', async () => {
    const { dispatch } = dispatcherWith({
      'settings:get': () => {
        throw new StudioError('NOT_FOUND', 'No such workspace.', { id: 'x' })
      }
    })
    expect(await dispatch('settings:get', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such workspace.', details: { id: 'x' } }
    })
  })

  it('turns an unexpected exception into INTERNAL with a reference that is logged', async () => {
    const { dispatch, lines } = dispatcherWith({
      'settings:get': () => {
        throw new TypeError('boom')
      }
    })
    const result = await dispatch('settings:get', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const reference = result.ok ? '' : String(result.error.details?.reference)
    expect(lines.join('\n')).toContain(reference)
    expect(result.ok ? '' : result.error.message).not.toContain('boom')
  })

  it('refuses to hand out a value outside the output schema', async () => {
    const { dispatch } = dispatcherWith({
      'settings:get': () => ({ theme: 'sepia' }) as never
    })
    expect(await dispatch('settings:get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

describe('settings round trip', () => {
  it('stores a change and announces it', async () => {
    const seen: unknown[] = []
    const stop = workspace.services.events.onAny((name, payload) => seen.push([name, payload]))
    expect(await workspace.dispatch('settings:update', { theme: 'dark' })).toEqual({ ok: true, value: { theme: 'dark' } })
    expect(await workspace.dispatch('settings:get', {})).toEqual({ ok: true, value: { theme: 'dark' } })
    expect(seen).toEqual([['settings:changed', { theme: 'dark' }]])
    stop()
  })
})
