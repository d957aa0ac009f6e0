/**
 * The one place a call is checked and run, whichever transport brought it: the name must be a
 * known procedure, the input must match its schema, and the handler's output must match too.
 * Everything comes back as a CallResult; nothing a caller sends can crash main.
 */
import { randomUUID } from 'node:crypto'
import {
  StudioError,
  describeIssues,
  isProcedureName,
  procedures,
  type CallResult,
  type ProcedureName
} from '../../src-shared/contract'
import type { Handlers } from '../api/handlers'
import type { Logger } from '../runtime/logger'

export type Dispatch = (name: unknown, input: unknown) => Promise<CallResult<unknown>>

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (name, input) => {
    if (!isProcedureName(name)) {
      return failure(
        new StudioError('UNKNOWN_PROCEDURE', typeof name === 'string' ? `There is no procedure called "${name.slice(0, 80)}".` : `A procedure is named by a string, not by ${name === null ? 'null' : typeof name}.`)
      )
    }
    const definition = procedures[name]
    const parsed = definition.input.safeParse(input ?? {})
    if (!parsed.success) {
      return failure(
        new StudioError('VALIDATION_FAILED', `The request to ${name} was not valid.`, {
          issues: describeIssues(parsed.error)
        })
      )
    }
    try {
      const value = await runHandler(handlers, name, parsed.data)
      const checked = definition.output.safeParse(value)
      if (!checked.success) {
        const reference = randomUUID()
        log.error('procedure answered a value outside its contract', {
          procedure: name,
          reference,
          issues: describeIssues(checked.error)
        })
        return failure(internal(reference))
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof StudioError) return failure(error)
      const reference = randomUUID()
      log.error('procedure failed', { procedure: name, reference, error: String(error) })
      return failure(internal(reference))
    }
  }
}

function runHandler(handlers: Handlers, name: ProcedureName, input: unknown): Promise<unknown> {
  // The mapped Handlers type guarantees one handler per name; the input was parsed by its schema.
  const handler = handlers[name] as (input: unknown) => unknown
  return Promise.resolve(handler(input))
}

function internal(reference: string): StudioError {
  return new StudioError(
    'INTERNAL',
    'Something went wrong inside Identity Studio. Try again; if it keeps happening, send the log with this reference.',
    { reference }
  )
}

function failure(error: StudioError): CallResult<never> {
  return { ok: false, error: error.toEnvelope() }
}
