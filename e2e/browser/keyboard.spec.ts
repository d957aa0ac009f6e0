/** The app works from the keyboard: skip link first, the menu reachable by Tab, Alt+number to switch areas. */
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures/studio-test'

test('Tab reaches the skip link, then the menu; Alt+number switches areas', async ({ openStudio, page }) => {
  await openStudio()

  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()

  const menu = page.getByRole('navigation', { name: 'Main' })
  const home = menu.getByRole('link', { name: 'Workspace home' })
  await tabUntilFocused(page, home)
  await expect(home).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('link', { name: 'Halo instances' })).toBeFocused()
  await page.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', 'keyboard-focus-light.png') })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Halo instances' })).toBeFocused()

  const shortcuts = [
    ['Alt+Digit3', 'Connections'],
    ['Alt+Digit4', 'Runs'],
    ['Alt+Digit5', 'Settings'],
    ['Alt+Digit1', 'Workspace home'],
    ['Alt+Digit2', 'Halo instances']
  ] as const
  for (const [keys, area] of shortcuts) {
    await page.keyboard.press(keys)
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeFocused()
    await expect(menu.getByRole('link', { name: area })).toHaveAttribute('aria-current', 'page')
  }
})

test('the skip link moves focus to the page title', async ({ openStudio, page }) => {
  await openStudio('/runs')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeFocused()
})

test('About opens from the keyboard and lists the shortcuts', async ({ openStudio, page }) => {
  await openStudio()
  const aboutButton = page.getByRole('button', { name: 'About Identity Studio' })
  await tabUntilFocused(page, aboutButton)
  await expect(aboutButton).toBeFocused()
  await page.keyboard.press('Enter')
  const about = page.getByRole('dialog', { name: 'About Identity Studio for Halo' })
  await expect(about).toBeVisible()
  await expect(about).toContainText('Open Connections')
  await page.keyboard.press('Escape')
  await expect(about).toBeHidden()
  await expect(aboutButton).toBeFocused()
})

/** Presses Tab (at most ten times) until `target` has focus; the caller asserts that it got there. */
async function tabUntilFocused(page: Page, target: Locator): Promise<void> {
  const focusedTarget = target.and(page.locator(':focus'))
  for (let presses = 0; presses < 10 && (await focusedTarget.count()) === 0; presses++) {
    await page.keyboard.press('Tab')
  }
}
