/** A fresh data folder opens on the workspace home with every getting-started step still to do. */
import { expect, test } from '../fixtures/studio-test'

test('the app starts on a fresh data folder at the workspace home', async ({ openStudio }) => {
  const page = await openStudio()
  await expect(page.getByRole('heading', { level: 1, name: 'Workspace home' })).toBeVisible()
  await expect(page).toHaveTitle('Identity Studio for Halo')
  // The access key is taken out of the address bar once read.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false)

  const steps = page.getByRole('list', { name: 'Getting started steps' }).getByRole('listitem')
  await expect(steps).toHaveText([
    /Add a Halo instance/,
    /Add a connection/,
    /Fetch the directory/,
    /Preview the import/,
    /Sync to Halo/,
    /Set up single sign-on/
  ])
  for (const step of await steps.all()) await expect(step).toHaveAttribute('data-step-done', 'false')
  await expect(page.getByText('0 of 6 done')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to Halo instances' })).toBeVisible()
})

test('a reload keeps the tab signed in', async ({ openStudio, page }) => {
  await openStudio('/settings')
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
})
