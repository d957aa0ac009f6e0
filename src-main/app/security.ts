/**
 * App-wide Electron hardening, applied to every WebContents as it is created
 * (Electron security checklist items 4, 13, 14, 15): no navigation away from the app, no new windows
 * (https links a handler approved go to the system browser instead), no permission grants.
 */
import { app, session, type WebContents } from 'electron'
import type { ExternalLinks } from '../runtime/external-links'

export function applySecurityPolicy(isAppUrl: (url: string) => boolean, links: ExternalLinks): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      links.open(url).catch(() => undefined)
      return { action: 'deny' }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
