/**
 * Browser mode's StudioApi: calls are `POST /rpc/<procedure>` with the launch token as a bearer and
 * answer a CallResult; events come over one shared EventStream. Nothing here throws: a network
 * failure or an unreadable answer becomes an error envelope written for the admin.
 */
import type { CallResult, ErrorEnvelope } from '../../../src-shared/contract'
import type { StudioApi } from '../../../src-shared/studio-api'
import { EventStream } from './event-stream'

export interface HttpTransportOptions {
  /** Where the studio server is, e.g. `http://127.0.0.1:53124`. */
  origin: string
  token: string
  /** Called when the server refuses the token (it belongs to an earlier launch). */
  onUnauthorized: () => void
}

export function createHttpTransport(options: HttpTransportOptions): StudioApi {
  const stream = new EventStream({
    url: `${options.origin}/events`,
    token: options.token,
    onUnauthorized: options.onUnauthorized
  })

  const invoke = async (name: string, input: unknown): Promise<CallResult<unknown>> => {
    let response: Response
    try {
      response = await fetch(`${options.origin}/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store'
      })
    } catch (error) {
      return failure({
        code: 'INTERNAL',
        message:
          'Identity Studio is not answering. It may have been stopped: start it again and open the new link it prints.',
        details: { procedure: name, cause: String(error) }
      })
    }
    const answer = await readCallResult(response)
    if (!answer) {
      return failure({
        code: 'INTERNAL',
        message: `Identity Studio sent an answer this page cannot read (HTTP ${response.status}). Reload the page and try again.`,
        details: { procedure: name, status: response.status }
      })
    }
    if (!answer.ok && answer.error.code === 'UNAUTHORIZED') options.onUnauthorized()
    return answer
  }

  return {
    invoke: invoke as StudioApi['invoke'],
    subscribe: (name, listener) => stream.subscribe(name, listener as (payload: unknown) => void)
  }
}

async function readCallResult(response: Response): Promise<CallResult<unknown> | null> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    return null
  }
  return isCallResult(body) ? body : null
}

function isCallResult(body: unknown): body is CallResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error as Partial<ErrorEnvelope> | null
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

function failure(error: ErrorEnvelope): CallResult<never> {
  return { ok: false, error }
}
