/**
 * The desktop app (Electron) opens its window on the app shell. Needs the Electron binary and a
 * display; skipped with the reason where there is none (see playwright.config.ts).
 */
import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findElectronBinary } from '../fixtures/electron-binary'
import { repoRoot } from '../fixtures/studio-server'

const binary = findElectronBinary()

test('the desktop window shows the app shell', async () => {
  test.skip('missing' in binary, 'missing' in binary ? `No Electron binary: ${binary.missing}.` : '')
  const dataDir = await mkdtemp(path.join(tmpdir(), 'identity-studio-e2e-desktop-'))
  const app = await electron.launch({
    // Chromium's OS sandbox will not start as root (CI containers): turned off there, for this test only.
    args: process.getuid?.() === 0 ? ['.', '--no-sandbox'] : ['.'],
    cwd: repoRoot,
    env: { ...process.env, STUDIO_DATA_DIR: dataDir }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible()
    await expect(window.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
    await window.getByRole('button', { name: 'About Identity Studio' }).click()
    await expect(window.getByRole('dialog', { name: 'About Identity Studio for Halo' })).toContainText('Desktop app')
  } finally {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  }
})
