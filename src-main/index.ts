/**
 * Desktop entry (Electron main). Thin on purpose: one instance, the workspace, the IPC bridge, the
 * security policy and the window. Prints STUDIO_READY once a window exists, so `npm start` knows
 * Electron really started (and falls back to browser mode when it did not).
 */
import { app, ipcMain, session, shell, type BrowserWindow } from 'electron'
import { existsSync } from 'node:fs'
import os from 'node:os'
import { version } from '../package.json'
import { createMainWindow, isAppUrlFor } from './app/window'
import { applySecurityPolicy } from './app/security'
import { contentSecurityPolicy } from './bridge/csp'
import { registerIpcBridge, TrustedSenders } from './bridge/ipc-bridge'
import { resolveDataDir } from './runtime/data-dir'
import { createLogger } from './runtime/logger'
import { appPathsFrom } from './runtime/paths'
import { openWorkspace } from './runtime/workspace'
import { startDemo } from './runtime/demo'

const log = createLogger()
const appPaths = appPathsFrom(import.meta.url)

if (!app.requestSingleInstanceLock()) {
  process.stdout.write('Identity Studio is already running; switching to its window.\n')
  app.quit()
} else {
  const dataDir = resolveDataDir(process.env, process.platform, os.homedir())
  app.setPath('userData', dataDir)
  const isAppUrl = isAppUrlFor(appPaths)
  const senders = new TrustedSenders(isAppUrl)

  let mainWindow: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(async () => {
    const nativeBinding = existsSync(appPaths.electronSqliteBinding) ? appPaths.electronSqliteBinding : undefined
    const workspace = openWorkspace({
      dataDir,
      mode: 'desktop',
      version,
      migrationsFolder: appPaths.migrationsFolder,
      openUrl: (url) => shell.openExternal(url),
      nativeBinding,
      log
    })
    const demo = await startDemo(workspace.services, { dataDir, nativeBinding, env: process.env })
    applySecurityPolicy(isAppUrl, workspace.services.links)
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [contentSecurityPolicy({ frameAncestors: false })]
        }
      })
    })
    registerIpcBridge(ipcMain, workspace.dispatch, workspace.services.events, senders)
    const window = createMainWindow(appPaths)
    mainWindow = window
    const contents = window.webContents
    senders.add({
      id: contents.id,
      send: (channel, payload) => contents.send(channel, payload),
      isDestroyed: () => contents.isDestroyed()
    })
    window.on('closed', () => senders.remove(contents.id))
    app.on('will-quit', () => {
      void demo.close()
      workspace.close()
    })
    process.stdout.write('STUDIO_READY\n')
  })
}
