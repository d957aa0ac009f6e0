/**
 * A Halo instance end to end against the Halo sandbox: added through the form, tested (every check
 * passes), its cached look-ups browsed and searched, then Halo goes away and Refresh says "Offline"
 * while the cached rows stay browsable. A wrong client secret fails the test with a clear reason.
 * Screenshots go to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/halo-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

test('add the sandbox Halo, test it, browse its look-ups, then keep browsing them offline', async ({ openStudio, page, haloSandbox, haloForm }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill(haloForm.sandboxInput('Northwind Halo (sandbox)'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()

  // A new instance opens on its own page.
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo (sandbox)' })).toBeVisible()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByText('Secret in keychain')).toBeVisible()
  await expect(page.getByText('Not tested yet', { exact: false })).toBeVisible()

  await page.getByRole('button', { name: 'Test connection' }).click()
  const checks = page.getByRole('list', { name: 'Connection checks' }).getByRole('listitem')
  await expect(page.getByText('All 14 checks passed')).toBeVisible()
  await expect(checks).toHaveCount(14)
  for (const check of await checks.all()) await expect(check).toHaveAttribute('data-ok', 'true')
  await expect(checks.filter({ hasText: 'Signed in to the Halo API' })).toContainText(`Token issued by ${haloSandbox.baseUrl}/auth`)
  await expect(checks.filter({ hasText: 'Sites readable' })).toContainText('11 records')
  await shoot(page, 'halo-detail-checklist')

  const lookups = page.getByRole('region', { name: 'Look-ups' })
  await lookups.getByRole('tab', { name: /Sites/ }).click()
  const sites = lookups.getByRole('list', { name: 'Sites' }).getByRole('listitem')
  await expect(lookups.getByText('11 records')).toBeVisible()
  await expect(sites.filter({ hasText: 'Felixstowe Port' })).toContainText('Fabrikam Logistics')
  await expect(sites.filter({ hasText: 'Bristol (closed 2024)' })).toContainText('Inactive')
  await lookups.getByLabel('Search sites').fill('man')
  await expect(lookups.getByText('1 of 11 match “man”')).toBeVisible()
  await expect(sites).toHaveText([/Manchester/])

  await lookups.getByRole('tab', { name: /Agent roles/ }).click()
  const roles = lookups.getByRole('list', { name: 'Agent roles' }).getByRole('listitem')
  await expect(roles).toHaveCount(6)
  await lookups.getByLabel('Search agent roles').fill('line')
  await expect(roles).toHaveText([/Second Line Support/])
  await expect(lookups).toContainText(/Fetched (just now|\d+ seconds? ago)/)
  await shoot(page, 'halo-lookups')

  // Halo goes away: Refresh keeps the cache and says so.
  await haloSandbox.close()
  await lookups.getByRole('button', { name: 'Refresh' }).click()
  await expect(lookups.getByText('Offline', { exact: true })).toBeVisible()
  const offline = lookups.getByRole('status').filter({ hasText: 'Offline — showing cached data from' })
  await expect(offline).toContainText('refused the connection')
  await lookups.getByRole('tab', { name: /Sites/ }).click()
  await lookups.getByLabel('Search sites').fill('rotter')
  await expect(sites).toHaveText([/Rotterdam/])
  await shoot(page, 'halo-offline')

  // The list shows the instance with its test result.
  await page.getByRole('link', { name: 'Halo instances', exact: true }).first().click()
  const card = page.getByRole('article', { name: 'Northwind Halo (sandbox)' })
  await expect(card).toContainText(haloSandbox.baseUrl)
  await expect(card).toContainText('On-premise')
  await expect(card).toContainText('Client credentials')
  await expect(card).toContainText('Connection OK')
  await shoot(page, 'halo-list')

  // The instance page in dark, and in a narrow window (menu hidden, nothing wider than the window).
  await card.getByRole('link', { name: 'Northwind Halo (sandbox)' }).click()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await shoot(page, 'halo-detail-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 640, height: 900 })
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo (sandbox)' })).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'halo-detail-narrow')
})

test('a wrong client secret fails the test at sign-in, saying what to check', async ({ openStudio, page, haloForm }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill({ ...haloForm.sandboxInput('Halo with a wrong secret'), clientSecret: 'not-the-secret' })
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Halo with a wrong secret' })).toBeVisible()

  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText('Sign-in failed: nothing else could be checked')).toBeVisible()
  const checks = page.getByRole('list', { name: 'Connection checks' }).getByRole('listitem')
  const signIn = checks.first()
  await expect(signIn).toHaveAttribute('data-state', 'failed')
  await expect(signIn).toContainText('Signed in to the Halo API')
  await expect(signIn).toContainText('refused the client ID or client secret')
  await expect(signIn).toContainText('Configuration › Integrations › Halo API › Applications')
  await expect(checks.filter({ hasText: 'Sites readable' })).toHaveAttribute('data-state', 'not-checked')
  await shoot(page, 'halo-wrong-secret')
})

test.describe('a Halo-hosted instance', () => {
  test.use({ haloSandboxOptions: { hosted: true, tenant: 'northwind' } })

  test('signs in with its tenant', async ({ openStudio, page, haloForm }) => {
    await openStudio('/halo-instances')
    await page.getByRole('button', { name: 'Add Halo instance' }).click()
    await haloForm.fill(haloForm.sandboxInput('Hosted Halo'))
    await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Hosted Halo' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Connection details' })).toContainText('Halo-hosted · tenant northwind')
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByText('All 14 checks passed')).toBeVisible()
  })
})
