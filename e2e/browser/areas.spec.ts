/**
 * Every navigation area renders its empty state on a fresh workspace, in light and in dark (the
 * default theme follows the operating system). Full-page screenshots go to e2e/screenshots/ for review.
 */
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { expect, test } from '../fixtures/studio-test'

const screenshotDir = path.join(import.meta.dirname, '..', 'screenshots')

const areas = [
  {
    slug: 'home',
    nav: 'Workspace home',
    expectations: ['No connections yet', 'Continue the setup guide', 'This workspace']
  },
  {
    slug: 'halo-instances',
    nav: 'Halo instances',
    expectations: ['No Halo instances yet', 'What a Halo instance holds', 'Authorization code + PKCE', 'Ticket types']
  },
  {
    slug: 'connections',
    nav: 'Connections',
    expectations: ['No connections yet', 'Okta', 'Microsoft Entra ID', 'How a connection is set up']
  },
  {
    slug: 'runs',
    nav: 'Runs',
    expectations: ['No runs yet', 'What every run keeps', 'A journal', 'Guardrails']
  },
  {
    slug: 'settings',
    nav: 'Settings',
    expectations: ['Appearance', 'Keychain', 'No secrets stored yet', 'Data folder']
  }
] as const

for (const area of areas) {
  test(`${area.nav} renders its empty state in light and dark`, async ({ openStudio }) => {
    const page = await openStudio()
    // A fresh workspace opens the setup guide; closed, the home shows its own empty state.
    await page.getByRole('button', { name: 'Close the guide' }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area.nav }).click()
    await expect(page.getByRole('heading', { level: 1, name: area.nav })).toBeVisible()
    await expect(page.getByRole('link', { name: area.nav })).toHaveAttribute('aria-current', 'page')
    for (const text of area.expectations) await expect(page.getByText(text, { exact: true }).first()).toBeVisible()
    await expectNoSidewaysScroll(page)

    for (const scheme of ['light', 'dark'] as const) {
      await showColorScheme(page, scheme)
      await page.screenshot({ path: path.join(screenshotDir, `${area.slug}-${scheme}.png`), fullPage: true })
    }
  })
}

test('a narrow window hides the menu behind a button and nothing overflows', async ({ openStudio, page }) => {
  await page.setViewportSize({ width: 640, height: 900 })
  await openStudio('/connections')
  const menuButton = page.getByRole('button', { name: 'Open menu' })
  await expect(page.getByRole('navigation', { name: 'Main' })).not.toBeInViewport()
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: path.join(screenshotDir, 'connections-narrow-light.png'), fullPage: true })

  await menuButton.click()
  const menu = page.getByRole('navigation', { name: 'Main' })
  await expect(menu).toBeInViewport()
  await menu.getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible()
  await expect(menu).not.toBeInViewport()
})

async function showColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme)
}
