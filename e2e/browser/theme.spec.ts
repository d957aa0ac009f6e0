/** The theme is a workspace setting: switching it applies at once and survives a restart of the app. */
import { expect, test } from '../fixtures/studio-test'

test('switching to dark persists across a restart of the server', async ({ openStudio, studio, page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openStudio('/settings')
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light')

  const theme = page.getByRole('radiogroup', { name: 'Theme' })
  await theme.getByText('Dark').click()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
  // Saved before the restart: the event from main echoes the saved value back.
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked()

  await studio.restart()
  await page.goto(studio.url)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark')
})

test('the header switch flips the theme and Settings shows the saved choice', async ({ openStudio, page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openStudio('/settings')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked()
  await page.getByRole('button', { name: 'Switch to light theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
})

test('a theme change in one tab reaches another tab through the event stream', async ({ openStudio, studio, page, context }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openStudio('/settings')
  const other = await context.newPage()
  await other.emulateMedia({ colorScheme: 'light' })
  // The same tab session as a second window would have; the key is taken from the link again.
  await other.goto(studio.url)
  await expect(other.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')

  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark').click()
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
})

test('when the server has stopped, a change is rolled back and the admin is told why', async ({ openStudio, studio, page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openStudio('/settings')
  await studio.stop()

  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark').click()
  const alert = page.getByRole('alert').filter({ hasText: 'Your preference was not saved' })
  await expect(alert).toContainText('Identity Studio is not answering')
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light')
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Match system' })).toBeChecked()
})
