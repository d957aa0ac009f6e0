/**
 * The app works from the keyboard: skip link first, the menu reachable by Tab, Alt+number to switch
 * areas; a connection is added through its form and its page's tabs are opened without the mouse.
 */
import path from 'node:path'
import { tabUntilFocused } from '../fixtures/keyboard'
import { expect, test } from '../fixtures/okta-test'

test('Tab reaches the skip link, then the menu; Alt+number switches areas', async ({ openStudio, page }) => {
  await openStudio()
  // Past the setup guide a fresh workspace opens with, then a fresh page for the first Tab.
  await page.getByRole('button', { name: 'Close the guide' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()

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

test('a connection is added through its form and its tabs are opened, by keyboard alone', async ({ openStudio, page, okta, oktaSandbox }) => {
  await openStudio()
  await okta.addHaloInstance()
  await page.keyboard.press('Alt+Digit3')
  const addButton = page.getByRole('button', { name: 'Add Okta connection' })
  await tabUntilFocused(page, addButton)
  await expect(addButton).toBeFocused()
  await page.keyboard.press('Enter')

  // Enter on the empty form shows the errors and leaves focus on the first field with one.
  const dialog = page.getByRole('dialog', { name: 'Add Okta connection' })
  const name = dialog.getByRole('textbox', { name: 'Name' })
  await expect(name).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByText('Give the connection a name')).toBeVisible()
  await expect(name).toBeFocused()
  await page.keyboard.type('Northwind Okta')
  const orgUrl = dialog.getByRole('textbox', { name: 'Okta org URL' })
  await tabUntilFocused(page, orgUrl)
  await expect(orgUrl).toBeFocused()
  await page.keyboard.type(oktaSandbox.orgUrl)

  // The sign-in choice moves with the arrow keys, and its fields follow.
  const apiTokenChoice = dialog.getByRole('radio', { name: 'API token' })
  await tabUntilFocused(page, apiTokenChoice)
  await expect(apiTokenChoice).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('radio', { name: 'OAuth service app' })).toBeChecked()
  await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toBeVisible()
  await page.keyboard.press('ArrowUp')
  await expect(apiTokenChoice).toBeChecked()
  const apiToken = dialog.getByLabel('API token').and(dialog.locator('input[type="password"]'))
  await tabUntilFocused(page, apiToken)
  await expect(apiToken).toBeFocused()
  await page.keyboard.type(oktaSandbox.credentials.apiToken)
  const save = dialog.getByRole('button', { name: 'Add connection' })
  await tabUntilFocused(page, save)
  await expect(save).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Okta' })).toBeVisible()

  // Tab reaches the open tab; the arrow keys open the next or previous one, wrapping at the ends;
  // Home and End move to the first or last, and Enter or Space opens it.
  const tabs = page.getByRole('tablist', { name: 'Connection set-up' })
  const details = tabs.getByRole('tab', { name: 'Details' })
  await tabUntilFocused(page, details)
  await expect(details).toBeFocused()
  const steps = [
    [['ArrowRight'], 'Directory'],
    [['End', 'Enter'], 'SSO'],
    [['ArrowRight'], 'Details'],
    [['ArrowLeft'], 'SSO'],
    [['Home', 'Space'], 'Details']
  ] as const
  for (const [keys, tabName] of steps) {
    for (const key of keys) await page.keyboard.press(key)
    const tab = tabs.getByRole('tab', { name: tabName, exact: true })
    await expect(tab).toBeFocused()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tabpanel', { name: tabName, exact: true })).toBeVisible()
  }

  // From the tabs, Tab goes on into the open tab's controls.
  const testCredentials = page.getByRole('button', { name: 'Test credentials' })
  await tabUntilFocused(page, testCredentials)
  await expect(testCredentials).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByText('All 4 checks passed')).toBeVisible()
})
