/**
 * Accessibility: axe-core's WCAG 2.1 A and AA rules over every main screen, each checked in the light
 * and the dark theme (switched with the header button), with no serious or critical violation allowed.
 * The screens: the setup guide at first launch, the workspace areas, a Halo instance, the add forms showing their errors, About; an
 * Okta connection at every tab, a preview and the Runs after its sync; an Entra connection's Details
 * and Directory (keyboard use is in keyboard.spec.ts). A few dark screenshots (a11y-*) go to
 * e2e/screenshots/ for review.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/entra-test'
import { expectNoSeriousA11yViolations } from '../fixtures/accessibility'
import { openAddConnection } from '../fixtures/add-connection'
import { mapEveryoneToSite } from '../fixtures/mapping-steps'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

// Each axe run takes 2–4 s, twice per screen: about 40 s a test alone, more on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 })

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
})

test('the workspace areas and a Halo instance', async ({ openStudio, page, okta }) => {
  await openStudio()
  const menu = page.getByRole('navigation', { name: 'Main' })
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a connection' })).toBeVisible()
  await checkInBothThemes(page, 'Setup guide (first launch)', 'a11y-setup-guide')
  await page.getByRole('button', { name: 'Close the guide' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
  await checkInBothThemes(page, 'Workspace home (no connections)')
  await okta.addHaloInstance()
  await checkInBothThemes(page, 'a Halo instance', 'a11y-halo-instance')
  await menu.getByRole('link', { name: 'Halo instances' }).click()
  await checkInBothThemes(page, 'Halo instances')
  await menu.getByRole('link', { name: 'Connections' }).click()
  await checkInBothThemes(page, 'Connections (none yet)')
  await menu.getByRole('link', { name: 'Runs' }).click()
  await checkInBothThemes(page, 'Runs (none yet)')
  await menu.getByRole('link', { name: 'Settings' }).click()
  await checkInBothThemes(page, 'Settings', 'a11y-settings')
})

test('the add forms showing their errors, and About', async ({ openStudio, page, okta }) => {
  await openStudio('/halo-instances')
  await checkDialogInBothThemes(page, 'the Add Halo instance form with errors', 'a11y-halo-form-errors', async () => {
    await page.getByRole('button', { name: 'Add Halo instance' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add Halo instance' })
    await dialog.getByRole('button', { name: 'Add instance' }).click()
    await expect(dialog.getByText('Give the instance a name')).toBeVisible()
  })
  await okta.addHaloInstance()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await checkDialogInBothThemes(page, 'the Add connection form with errors', 'a11y-connection-form-errors', async () => {
    await openAddConnection(page, 'Okta')
    const dialog = page.getByRole('dialog', { name: 'Add Okta connection' })
    await dialog.getByRole('button', { name: 'Add connection' }).click()
    await expect(dialog.getByText('Give the connection a name')).toBeVisible()
  })
  await checkDialogInBothThemes(page, 'About', 'a11y-about', async () => {
    await page.getByRole('button', { name: 'About Identity Studio' }).click()
    await expect(page.getByRole('dialog', { name: 'About Identity Studio for Halo' })).toBeVisible()
  })
})

test("an Okta connection's Details, Directory, Field mappings and Site mappings tabs", async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.connectAndFetch()
  await checkTabsInBothThemes(page, ['Details', 'Directory', 'Field mappings', 'Site mappings'])
})

test("an Okta connection's Advanced, Onboarding, Imports and SSO tabs, and Connections", async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.connectAndFetch()
  await checkTabsInBothThemes(page, ['Advanced', 'Onboarding', 'Imports', 'SSO'])
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await expect(page.getByRole('article', { name: 'Northwind Okta' })).toBeVisible()
  await checkInBothThemes(page, 'Connections')
})

test('a preview before and after its sync, and Runs', async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.connectAndFetch()
  await mapEveryoneToSite(page, /^Manchester/)
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  await checkInBothThemes(page, 'a preview', 'a11y-preview')

  await page.getByRole('region', { name: 'Sync', exact: true }).getByRole('button', { name: /^Sync \d/ }).click()
  await expect(page.getByRole('region', { name: 'Sync progress' })).toContainText('Sync finished', { timeout: 60_000 })
  await checkInBothThemes(page, 'a synced preview')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click()
  await expect(page.getByRole('table', { name: 'Sync runs' })).toContainText('Northwind Okta')
  await checkInBothThemes(page, 'Runs', 'a11y-runs')
})

test("an Entra connection's Details and Directory tabs", async ({ openStudio, page, okta, entra }) => {
  await openStudio()
  await okta.addHaloInstance()
  await entra.addConnection(entra.sandboxInput('Northwind Entra ID'))
  await checkInBothThemes(page, "the Entra connection's Details tab")
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByRole('region', { name: 'Directory snapshot' })).toContainText('Everything was read', { timeout: 30_000 })
  await page.getByRole('tab', { name: 'Directory', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Directory' }).getByRole('list', { name: 'People' })).toBeVisible()
  await checkInBothThemes(page, "the Entra connection's Directory tab", 'a11y-entra-directory')
})

/** Opens each of the connection page's `tabs` in turn and checks it in both themes. */
async function checkTabsInBothThemes(page: Page, tabs: readonly string[]): Promise<void> {
  for (const name of tabs) {
    const tab = page.getByRole('tab', { name, exact: true })
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    await checkInBothThemes(page, `the Okta connection's ${name} tab`, name === 'Field mappings' ? 'a11y-okta-field-mappings' : undefined)
  }
}

/** Checks the screen in light, then in dark (saving the dark screenshot if named), and switches back. */
async function checkInBothThemes(page: Page, screenName: string, darkScreenshot?: string): Promise<void> {
  await switchTheme(page, 'light')
  await expectNoSeriousA11yViolations(page, `${screenName} (light)`)
  await switchTheme(page, 'dark')
  await expectNoSeriousA11yViolations(page, `${screenName} (dark)`)
  if (darkScreenshot !== undefined) await shoot(page, darkScreenshot)
  await switchTheme(page, 'light')
}

/**
 * Opens a dialog with `open` and checks it, in light and then in dark (saving the dark screenshot),
 * closing it with Escape each time: the header's theme switch is behind the dialog's backdrop.
 */
async function checkDialogInBothThemes(page: Page, screenName: string, darkScreenshot: string, open: () => Promise<void>): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await switchTheme(page, theme)
    await open()
    await expectNoSeriousA11yViolations(page, `${screenName} (${theme})`)
    if (theme === 'dark') await shoot(page, darkScreenshot, { fullPage: false })
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
  }
  await switchTheme(page, 'light')
}

async function switchTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const html = page.locator('html')
  if ((await html.getAttribute('data-mantine-color-scheme')) !== theme) await page.getByRole('button', { name: `Switch to ${theme} theme` }).click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', theme)
}
