/**
 * Errors link to where they are fixed, against the Halo and Okta sandboxes: a fetch refused for a
 * wrong Okta API token is shown on the Details tab, where its credentials are, so with no link; a
 * preview refused because the Halo instance's client secret is wrong links to that instance's
 * settings, by name, and the link opens its page. In the setup guide, a first fetch refused for a
 * token Okta no longer knows (replaced after its test) links to the connection's credentials, and
 * the link opens its Details tab. Screenshots to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/okta-test'
import { guideNext as next, guideSteps as steps } from '../fixtures/guide-locators'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

const wrongToken = '00ThisIsNotTheTokenOktaIssuedForThisOrg1234'

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
  await okta.addConnection(okta.sandboxInput('Northwind Okta', wrongToken))
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

test('in the setup guide, a fetch refused for the token links to the connection’s credentials', async ({ openStudio, page, haloForm, oktaSandbox, okta }) => {
  test.setTimeout(90_000)
  await openStudio()

  // 1.–3. The Halo instance tested, Okta chosen, its setup ticked.
  await page.getByRole('button', { name: 'Add a Halo instance' }).click()
  await haloForm.fill(haloForm.sandboxInput('Northwind Halo'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible({ timeout: 30_000 })
  await next(page).click()
  await page.getByRole('radio', { name: /^Okta/ }).click()
  await next(page).click()
  await page.getByRole('checkbox', { name: 'I have created these' }).check()
  await next(page).click()

  // 4. The right token tested, then replaced by one Okta does not know (as a revoked one would be).
  await page.getByRole('button', { name: 'Enter the credentials' }).click()
  await okta.fill(okta.sandboxInput('Northwind Okta', oktaSandbox.credentials.apiToken))
  await page.getByRole('dialog').getByRole('button', { name: 'Add connection' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(steps(page).getByRole('button', { name: '4. Credentials (done)' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Edit the credentials' }).click()
  await okta.fill({ apiToken: wrongToken })
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await next(page).click()

  // 5. The fetch is refused; the link opens the connection's Details tab, where its credentials are.
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const fetchFailed = page.getByRole('alert').filter({ hasText: 'The directory was not fetched' })
  await expect(fetchFailed).toContainText('Okta refused the API token')
  const link = fetchFailed.getByRole('link', { name: 'Open Northwind Okta’s credentials' })
  await expect(link).toBeVisible()
  await shoot(page, 'error-link-okta-token')
  await link.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Okta' })).toBeVisible()
  await expect(page).toHaveURL(/#\/connections\/[^/?]+$/)
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('region', { name: 'Connection details' })).toContainText('API token')
})
