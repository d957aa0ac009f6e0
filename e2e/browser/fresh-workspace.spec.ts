/** A fresh data folder opens the setup guide with every step still to do; closed, the workspace home offers it again. */
import { expect, test } from '../fixtures/studio-test'

test('the app starts on a fresh data folder in the setup guide, which can be closed for the workspace home', async ({ openStudio }) => {
  const page = await openStudio()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a connection' })).toBeVisible()
  await expect(page).toHaveTitle('Identity Studio for Halo')
  // The access key is taken out of the address bar once read.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false)

  const steps = page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button')
  const names = ['Halo instance', 'Directory', 'Set up the provider', 'Credentials', 'First fetch', 'Mappings', 'First preview', 'First sync', 'Single sign-on']
  await expect(steps).toHaveCount(names.length)
  for (const [index, name] of names.entries()) await expect(steps.nth(index)).toHaveAccessibleName(`${index + 1}. ${name} (to do)`)
  await expect(steps.nth(1)).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled()

  // Closed, it no longer opens by itself: the workspace home offers it instead.
  await page.getByRole('button', { name: 'Close the guide' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
  await expect(page.getByText('No connections yet')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
  await page.getByRole('button', { name: 'Continue the setup guide', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a connection' })).toBeVisible()
})

test('a reload keeps the tab signed in', async ({ openStudio, page }) => {
  await openStudio('/settings')
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})
