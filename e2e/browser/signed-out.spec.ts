/** Without the access key from the printed link, the page says how to sign in and calls nothing. */
import path from 'node:path'
import { expect, test } from '../fixtures/studio-test'

test('opening the app without the token shows the "not signed in" page', async ({ studio, page }) => {
  const calls: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/rpc/')) calls.push(request.url())
  })
  await page.goto(studio.origin)
  await expect(page.locator('[data-app-state="signed-out"]')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: "This tab isn't signed in" })).toBeVisible()
  await expect(page.getByText('one-time access key')).toBeVisible()
  await expect(page.getByText(`${studio.origin}/?token=…`)).toBeVisible()
  expect(calls).toEqual([])
  await page.screenshot({ path: path.join(import.meta.dirname, '..', 'screenshots', 'signed-out-light.png'), fullPage: true })
})

test('a token from an earlier launch leads to the "not signed in" page', async ({ studio, page }) => {
  await page.goto(`${studio.origin}/?token=not-the-launch-token`)
  await expect(page.locator('[data-app-state="signed-out"]')).toBeVisible()
  await page.reload()
  await expect(page.locator('[data-app-state="signed-out"]')).toBeVisible()
})
