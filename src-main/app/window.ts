/**
 * The one window factory: every window is isolated, sandboxed and without Node, shows only once it has
 * painted, and loads either the dev server (electron-vite dev) or the built renderer file.
 */
import { BrowserWindow } from 'electron'
import type { AppPaths } from '../runtime/paths'

export function createMainWindow(appPaths: AppPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Identity Studio for Halo',
    autoHideMenuBar: true,
    webPreferences: {
      preload: appPaths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(`${appPaths.rendererDir}/index.html`)
  return window
}

/** True for the pages this app serves itself (the built files, or the dev server in development). */
export function isAppUrlFor(appPaths: AppPaths): (url: string) => boolean {
  return (url) => isAppUrl(appPaths, url)
}

function isAppUrl(appPaths: AppPaths, url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer && url.startsWith(devServer)) return true
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'file:' && decodeURIComponent(parsed.pathname).startsWith(appPaths.rendererDir)
  } catch {
    return false
  }
}
