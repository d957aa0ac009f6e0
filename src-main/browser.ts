/**
 * Browser-mode entry: runs the whole app under plain Node and serves the UI on loopback HTTP, for
 * machines where Electron cannot start and for the e2e tests. Prints the address (with its per-launch
 * token) and opens the system browser unless STUDIO_NO_OPEN=1. The demo workspace's sandboxes start
 * with it (see runtime/demo.ts).
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { version } from '../package.json'
import { startHttpBridge } from './bridge/http-bridge'
import { resolveDataDir } from './runtime/data-dir'
import { startDemo } from './runtime/demo'
import { createLogger } from './runtime/logger'
import { appPathsFrom } from './runtime/paths'
import { openInSystemBrowser } from './runtime/system-browser'
import { openWorkspace } from './runtime/workspace'
import { parsePort } from './runtime/port'

async function main(): Promise<void> {
  const log = createLogger()
  const appPaths = appPathsFrom(import.meta.url)
  const port = parsePort(process.env.STUDIO_PORT)
  const dataDir = resolveDataDir(process.env, process.platform, os.homedir())
  const workspace = openWorkspace({
    dataDir,
    mode: 'browser',
    version,
    migrationsFolder: appPaths.migrationsFolder,
    keychainService: process.env.STUDIO_KEYCHAIN_SERVICE,
    openUrl: openInSystemBrowser,
    log
  })
  const demo = await startDemo(workspace.services, { dataDir, env: process.env })
  const bridge = await startHttpBridge({
    dispatch: workspace.dispatch,
    events: workspace.services.events,
    token: randomBytes(24).toString('base64url'),
    port,
    staticDir: appPaths.rendererDir,
    log
  })
  process.stdout.write(`Identity Studio is running at ${bridge.url}\n`)
  process.stdout.write(`Data folder: ${workspace.services.about.dataDir}\n`)
  if (process.env.STUDIO_NO_OPEN !== '1') {
    openInSystemBrowser(bridge.url).catch((error: unknown) =>
      process.stdout.write(`Could not open a browser (${String(error)}); open the address above yourself.\n`)
    )
  }
  const stop = (): void => {
    void Promise.allSettled([bridge.close(), demo.close()]).finally(() => {
      workspace.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`Identity Studio could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
