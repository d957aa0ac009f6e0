/** About shows what is running and where the workspace lives, and closes with Escape. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '../fixtures/studio-test'
import { repoRoot } from '../fixtures/studio-server'

const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }

test('About shows the version and the data folder', async ({ openStudio, studio, page }) => {
  await openStudio()
  await page.getByRole('button', { name: 'About Identity Studio' }).click()
  const about = page.getByRole('dialog', { name: 'About Identity Studio for Halo' })
  await expect(about).toBeVisible()
  await expect(about).toContainText(version)
  await expect(about).toContainText(studio.dataDir)
  await expect(about).toContainText(path.join(studio.dataDir, 'studio.db'))
  await expect(about).toContainText('Browser mode')
  await expect(about.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', `about-${scheme}.png`) })
  }

  await page.keyboard.press('Escape')
  await expect(about).toBeHidden()
})
