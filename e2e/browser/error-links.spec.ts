/**
 * Errors link to where they are fixed, against the Halo and Okta sandboxes: a fetch refused for a
 * wrong Okta API token is shown on the Details tab, where its credentials are, so with no link; a
 * preview refused because the Halo instance's client secret is wrong links to that instance's
 * settings, by name, and the link opens its page. Screenshot to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/okta-test'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

test('a refused preview links to the Halo instance to fix; a refused fetch on the Details tab needs no link', async ({ openStudio, page, haloForm, oktaSandbox, okta }) => {
  test.setTimeout(90_000)
  await openStudio()
  await page.getByRole('button', { name: 'Close the guide' }).click()

  // The instance is saved with a wrong client secret, and not tested.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Halo instances' }).click()
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill({ ...haloForm.sandboxInput('Northwind Halo'), clientSecret: 'not-the-secret-halo-issued' })
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo' })).toBeVisible()

  // A wrong Okta token: the fetch fails where the credentials are, so there is nowhere else to go.
  await okta.addConnection(okta.sandboxInput('Northwind Okta', '00ThisIsNotTheTokenOktaIssuedForThisOrg1234'))
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const fetchFailed = page.getByRole('alert').filter({ hasText: 'The directory was not fetched' })
  await expect(fetchFailed).toContainText('Okta refused the API token')
  await expect(fetchFailed.getByRole('link')).toHaveCount(0)

  await page.getByRole('button', { name: 'Edit' }).click()
  await okta.fill({ apiToken: oktaSandbox.credentials.apiToken })
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByRole('button', { name: 'Browse people and groups' })).toBeVisible({ timeout: 30_000 })

  // The preview reads Halo first: the secret is refused, and the error links to the instance.
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Import users' }).click()
  const previewFailed = page.getByRole('alert').filter({ hasText: 'The preview could not be built' })
  await expect(previewFailed).toContainText('refused the client ID or client secret')
  const link = previewFailed.getByRole('link', { name: 'Open Northwind Halo’s settings' })
  await expect(link).toBeVisible()
  await shoot(page, 'error-link-halo-secret')
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo' })).toBeVisible()
  await expect(page).toHaveURL(/#\/halo-instances\/[^/?]+$/)
  await expect(page.getByRole('button', { name: 'Test connection' })).toBeVisible()
})
