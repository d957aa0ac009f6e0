/**
 * Authorization-code sign-in through the system browser and a loopback redirect (RFC 8252): a one-shot
 * listener on 127.0.0.1 at an ephemeral port, `state` checked (fail closed), a time limit, one flow at a
 * time, and the listener closed whatever happens. Shared by Halo, Entra and Okta sign-ins; the caller
 * builds the authorize URL (with its PKCE challenge) for the redirect URI it is given.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { StudioError } from '../../src-shared/contract'
import { failurePage, successPage } from './loopback-pages'

export interface LoopbackSignInOptions {
  /** Shown on the pages and in errors, e.g. "Halo (Northwind)". */
  service: string
  state: string
  /** Builds the authorize URL for this run's redirect URI. */
  authorizeUrl(redirectUri: string): string
  openBrowser(url: string): Promise<void>
  timeoutMs?: number
  /** Path of the redirect URI; some IdPs want a specific one registered. */
  callbackPath?: string
  /** Use `localhost` instead of `127.0.0.1` in the redirect URI (the listener stays on 127.0.0.1). */
  redirectHost?: '127.0.0.1' | 'localhost'
  signal?: AbortSignal
}

export interface LoopbackSignInResult {
  code: string
  redirectUri: string
  /** Every parameter the IdP sent back (e.g. `client_info` from Entra). */
  params: Record<string, string>
}

const defaultTimeoutMs = 5 * 60 * 1000

/** Runs one browser sign-in at a time; a second one while the first is open is refused with BUSY. */
export class LoopbackSignIn {
  private active: { server: Server; cancel: (error: StudioError) => void } | null = null

  get inProgress(): boolean {
    return this.active !== null
  }

  /** Cancels the sign-in in progress, if any. */
  cancel(): void {
    this.active?.cancel(new StudioError('CANCELLED', 'The sign-in was cancelled.'))
  }

  async run(options: LoopbackSignInOptions): Promise<LoopbackSignInResult> {
    if (this.active) {
      throw new StudioError(
        'BUSY',
        'A sign-in is already waiting in your browser. Finish it there, or cancel it, before starting another.'
      )
    }
    if (options.signal?.aborted) throw new StudioError('CANCELLED', 'The sign-in was cancelled.')
    const callbackPath = options.callbackPath ?? '/callback'
    const server = createServer()
    let settle: { resolve: (r: LoopbackSignInResult) => void; reject: (e: StudioError) => void } | null = null
    const outcome = new Promise<LoopbackSignInResult>((resolve, reject) => {
      settle = { resolve, reject }
    })
    // The browser may answer before openBrowser() returns; the rejection is still awaited below.
    outcome.catch(() => undefined)
    const finish = (error: StudioError | null, result?: LoopbackSignInResult): void => {
      if (!settle) return
      const { resolve, reject } = settle
      settle = null
      if (error) reject(error)
      else if (result) resolve(result)
    }
    this.active = { server, cancel: (error) => finish(error) }

    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => resolve())
      })
      const port = (server.address() as AddressInfo).port
      const redirectUri = `http://${options.redirectHost ?? '127.0.0.1'}:${port}${callbackPath}`

      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri)
        if (req.method !== 'GET' || url.pathname !== callbackPath) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
          return
        }
        const params = Object.fromEntries(url.searchParams)
        const respond = (status: number, html: string): void => {
          res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' })
          res.end(html)
        }
        if (params.state !== options.state) {
          const reason = 'The answer did not carry this sign-in’s security code (state), so it was refused.'
          respond(400, failurePage(options.service, reason))
          finish(new StudioError('SIGN_IN_FAILED', `Sign-in to ${options.service} was refused: ${reason}`, { reason: 'state_mismatch' }))
          return
        }
        if (params.error) {
          const described = params.error_description ? `${params.error_description} (${params.error})` : params.error
          respond(400, failurePage(options.service, `${options.service} said: ${described}.`))
          finish(new StudioError('SIGN_IN_FAILED', `${options.service} did not sign you in: ${described}.`, { reason: 'idp_error', error: params.error }))
          return
        }
        if (!params.code) {
          respond(400, failurePage(options.service, 'The answer carried no authorization code.'))
          finish(new StudioError('SIGN_IN_FAILED', `${options.service} answered without an authorization code.`, { reason: 'no_code' }))
          return
        }
        respond(200, successPage(options.service))
        finish(null, { code: params.code, redirectUri, params })
      })

      const timer = setTimeout(() => {
        const minutes = Math.round((options.timeoutMs ?? defaultTimeoutMs) / 60000)
        finish(
          new StudioError(
            'SIGN_IN_FAILED',
            `The sign-in to ${options.service} was not completed in the browser within ${minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : 'the time allowed'}. Start it again when you are ready.`,
            { reason: 'timeout' }
          )
        )
      }, options.timeoutMs ?? defaultTimeoutMs)
      const onAbort = (): void => finish(new StudioError('CANCELLED', 'The sign-in was cancelled.'))
      options.signal?.addEventListener('abort', onAbort)

      try {
        await options.openBrowser(options.authorizeUrl(redirectUri))
      } catch (error) {
        finish(new StudioError('SIGN_IN_FAILED', `Could not open your browser for the sign-in: ${error instanceof Error ? error.message : String(error)}`, { reason: 'browser' }))
      }
      try {
        return await outcome
      } finally {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
      }
    } finally {
      this.active = null
      await closeServer(server)
    }
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve()
      return
    }
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
