/**
 * End-to-end tests. "browser": the real UI in Chromium against Identity Studio in browser mode (each
 * test starts its own server; see e2e/fixtures). "electron": the desktop app, only where an Electron
 * binary exists; elsewhere its test skips itself and the reason is printed here once.
 * Run the whole command under scripts/with-keyring.sh so the servers have a keychain.
 */
import { defineConfig } from '@playwright/test'
import { findElectronBinary } from './e2e/fixtures/electron-binary'

const isCI = Boolean(process.env.CI)
const electron = findElectronBinary()

// Workers load this file too; only the runner says it.
if ('missing' in electron && process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write(`[electron project] skipped: ${electron.missing}.\n`)
}

export default defineConfig({
  testDir: './e2e',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  },
  projects: [
    {
      name: 'browser',
      testMatch: 'browser/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 840 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run']
        }
      }
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts'
    }
  ]
})
