/**
 * Picks how this page talks to Identity Studio, once, at start-up: the desktop preload's
 * `window.studio` when present, otherwise browser mode's HTTP transport with the launch token from
 * the address (or this tab's session). Null means this tab has no way in: it is not signed in.
 * The rest of the renderer sees only the StudioApi it returns.
 */
import type { StudioApi } from '../../../src-shared/studio-api'
import { forgetAccessToken, takeAccessToken } from './access-token'
import { createHttpTransport } from './http-transport'

export function selectTransport(): StudioApi | null {
  if (window.studio) return window.studio
  const token = takeAccessToken(window.location, window.history, window.sessionStorage)
  if (!token) return null
  return createHttpTransport({
    origin: window.location.origin,
    token,
    onUnauthorized: () => forgetAccessToken(window.sessionStorage)
  })
}
