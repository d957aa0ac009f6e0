/**
 * The setup guide from a fresh data folder: it opens by itself at first launch; each step's Next
 * waits for its check (the Halo instance tested, the provider's setup ticked, credentials that fail
 * their test hold the guide until fixed, the first fetch, a default site saved and the mappings
 * reviewed, a preview, a sync); quitting in the middle (the server restarted) resumes at the same
 * step; single sign-on is configured, tested in the stand-in browser and applied; Finish leads to the
 * dashboard, where the connection is healthy. Screenshots go to e2e/screenshots/ for review, and
 * the guide's image for the docs to docs/images/setup-guide.png. Then the same for Entra ID, where
 * a Halo instance whose test fails holds the guide until it is edited, the directory is chosen and
 * Next pressed by keyboard, and the provider step is skipped (marked so).
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/entra-test'
import { saveDocImage } from '../fixtures/doc-images'
import { currentStep as current, guideNext as next, guideSteps as steps } from '../fixtures/guide-locators'
import { saveScreenshot as shoot } from '../fixtures/screenshots'
import { hasXdgOpen, recordingBrowser } from '../fixtures/system-browser'

const systemBrowser = recordingBrowser()

test.skip(!hasXdgOpen(), 'The stand-in system browser needs xdg-open (Linux).')
test.use({ studioOptions: { env: systemBrowser.env } })

/** Starts the guide's sync, first allowing the deactivations the guardrail names when it blocks. */
async function syncThroughGuardrail(page: Page): Promise<void> {
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  if (await sync.getByText('Blocked by the guardrail').isVisible()) {
    const exactly = /Exactly ([\d,]+)\./.exec((await sync.getByText(/^Exactly [\d,]+\.$/).textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? ''
    await sync.getByRole('textbox', { name: 'Deactivations to allow' }).fill(exactly)
  }
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
}

test('the guide takes a fresh workspace to a synced Okta connection with single sign-on applied, resuming after a restart', async ({ openStudio, page, context, studio, okta, haloForm, oktaSandbox, haloSandbox }) => {
  test.setTimeout(240_000)
  await openStudio()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a connection' })).toBeVisible()
  await expect(current(page)).toHaveAccessibleName('1. Halo instance (to do)')
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-first-launch')

  // 1. The Halo instance, added here and tested.
  await page.getByRole('button', { name: 'Add a Halo instance' }).click()
  await haloForm.fill(haloForm.sandboxInput('Northwind Halo'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Halo instance' })).toHaveValue('Northwind Halo')
  await expect(next(page)).toBeDisabled()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible({ timeout: 30_000 })
  await expect(steps(page).getByRole('button', { name: '1. Halo instance (done)' })).toBeVisible()
  await next(page).click()

  // 2. The directory, 3. what to create in Okta for this Halo's address.
  await page.getByRole('radio', { name: /^Okta/ }).click()
  await next(page).click()
  await expect(page.getByRole('region', { name: '2. The sign-in app for Halo’s single sign-on' })).toContainText(`${haloSandbox.baseUrl}/auth/account/openidresponse`)
  await expect(page.getByRole('button', { name: 'Copy Halo sign-in redirect URI' })).toBeVisible()
  await expect(next(page)).toBeDisabled()
  await page.getByRole('checkbox', { name: 'I have created these' }).check()
  await shoot(page, 'guide-okta-provider')
  await saveDocImage(page, 'setup-guide')
  await next(page).click()
  await expect(current(page)).toHaveAccessibleName('4. Credentials (to do)')

  // Quitting here: the app comes back at the same step.
  await studio.restart()
  await openStudio()
  await expect(current(page)).toHaveAccessibleName('4. Credentials (to do)')
  await expect(steps(page).getByRole('button', { name: '3. Set up the provider (done)' })).toBeVisible()

  // 4. Credentials that fail their test hold the guide, with the fix shown; fixed, it goes on.
  await page.getByRole('button', { name: 'Enter the credentials' }).click()
  await okta.fill(okta.sandboxInput('Northwind Okta', `00${'x'.repeat(40)}`))
  await page.getByRole('dialog').getByRole('button', { name: 'Add connection' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test credentials' }).click()
  const checks = page.getByRole('list', { name: 'Credential checks' })
  await expect(checks.locator('[data-ok="false"]').first()).toBeVisible({ timeout: 20_000 })
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-credentials-failed')
  await page.getByRole('button', { name: 'Edit the credentials' }).click()
  await okta.fill({ apiToken: oktaSandbox.credentials.apiToken })
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(steps(page).getByRole('button', { name: '4. Credentials (done)' })).toBeVisible({ timeout: 20_000 })
  await next(page).click()

  // 5. The first fetch.
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(steps(page).getByRole('button', { name: '5. First fetch (done)' })).toBeVisible({ timeout: 30_000 })
  await next(page).click()

  // 6. Mappings: nobody is imported until people have somewhere to go.
  await expect(page.getByText('Nobody would be imported yet')).toBeVisible()
  await page.getByRole('checkbox', { name: 'I have reviewed the mappings' }).check()
  await expect(next(page)).toBeDisabled()
  await page.getByRole('combobox', { name: 'Default site' }).click()
  await page.getByRole('option', { name: 'Manchester' }).click()
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Nobody would be imported yet')).toBeHidden()
  await expect(next(page)).toBeEnabled()
  await shoot(page, 'guide-mappings')
  await next(page).click()

  // 7. The first preview, explained; 8. its sync.
  await page.getByRole('button', { name: 'Build the preview' }).click()
  await expect(page.getByRole('region', { name: 'What this sync would do' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/^Create: people Halo does not have yet/)).toBeVisible()
  await shoot(page, 'guide-preview')
  await next(page).click()
  await syncThroughGuardrail(page)
  await expect(page.getByRole('region', { name: 'Sync progress' })).toContainText('Sync finished', { timeout: 90_000 })
  await expect(steps(page).getByRole('button', { name: '8. First sync (done)' })).toBeVisible()
  await next(page).click()

  // 9. Single sign-on: saved, tested in the stand-in browser, applied; then Finish.
  await expect(page.getByRole('button', { name: 'Finish' })).toBeDisabled()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByRole('switch', { name: 'Single sign-on with Okta' }).check()
  await form.getByRole('textbox', { name: 'Client ID' }).fill(oktaSandbox.credentials.oidcApp.clientId)
  await form.getByRole('radio', { name: 'A custom authorization server' }).check()
  await form.getByRole('button', { name: 'Save settings' }).click()
  oktaSandbox.settings.autoSignIn = oktaSandbox.credentials.signInUser.login
  await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
  const browser = await context.newPage()
  await browser.goto(await systemBrowser.nextOpenedUrl())
  await expect(page.getByRole('alert', { name: 'Test sign-in passed' })).toBeVisible({ timeout: 20_000 })
  await browser.close()
  const apply = page.getByRole('region', { name: 'Apply to Halo' })
  await apply.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(steps(page).getByRole('button', { name: '9. Single sign-on (done)' })).toBeVisible()
  expect((haloSandbox.store.get('control', 1) as Record<string, unknown>).okta_client_id).toBe(oktaSandbox.credentials.oidcApp.clientId)
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page.getByRole('region', { name: 'Setup complete' })).toBeVisible()

  // The dashboard: the connection is healthy, its run on the timeline.
  await page.getByRole('link', { name: 'Open the workspace home' }).click()
  const card = page.getByRole('article', { name: 'Northwind Okta' })
  await expect(card.locator('[data-health]')).toHaveAttribute('data-health', 'ok')
  await expect(card.getByRole('list', { name: 'Health of Northwind Okta' }).getByRole('listitem')).toHaveCount(5)
  await expect(page.getByRole('region', { name: 'Recent runs' })).toContainText('Northwind Okta')
  await shoot(page, 'dashboard-healthy')
})

test('the guide takes a fresh workspace to a synced Entra ID connection with single sign-on applied', async ({ openStudio, page, context, haloForm, entra, entraSandbox, haloSandbox }) => {
  test.setTimeout(240_000)
  await openStudio()

  // 1. A Halo instance whose test fails holds the guide, with the reason; edited, it passes.
  await page.getByRole('button', { name: 'Add a Halo instance' }).click()
  await haloForm.fill({ ...haloForm.sandboxInput('Northwind Halo'), clientSecret: 'not-the-secret' })
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test connection' }).click()
  const haloChecks = page.getByRole('list', { name: 'Connection checks' })
  await expect(haloChecks.locator('[data-ok="false"]').first()).toBeVisible({ timeout: 20_000 })
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-halo-failed')
  await page.getByRole('button', { name: 'Edit Northwind Halo' }).click()
  await haloForm.fill({ clientSecret: haloSandbox.credentials.clientCredentials.clientSecret })
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(steps(page).getByRole('button', { name: '1. Halo instance (done)' })).toBeVisible({ timeout: 30_000 })

  // 2. By keyboard: Next, the directory chosen with Space, Next.
  await next(page).focus()
  await page.keyboard.press('Enter')
  await expect(current(page)).toHaveAccessibleName('2. Directory (to do)')
  await page.getByRole('radio', { name: /^Microsoft Entra ID/ }).focus()
  await page.keyboard.press('Space')
  await expect(next(page)).toBeEnabled()
  await next(page).focus()
  await page.keyboard.press('Enter')

  // 3. Azure's setup, for this Halo's address; skipped, and marked so.
  await expect(page.getByRole('region', { name: '4. Redirect URIs' })).toContainText(`${haloSandbox.baseUrl}/auth/account/azureresponse`)
  await expect(page.getByText(/^Skipping: You will have to find the app/)).toBeVisible()
  await page.getByRole('button', { name: 'Skip this step' }).click()
  await expect(current(page)).toHaveAccessibleName('4. Credentials (to do)')
  await expect(steps(page).getByRole('button', { name: '3. Set up the provider (skipped)' })).toBeVisible()

  // 4. Credentials, 5. first fetch, 6. mappings.
  await page.getByRole('button', { name: 'Enter the credentials' }).click()
  await entra.fill(entra.sandboxInput('Northwind Entra ID'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add connection' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(steps(page).getByRole('button', { name: '4. Credentials (done)' })).toBeVisible({ timeout: 30_000 })
  await next(page).click()
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(steps(page).getByRole('button', { name: '5. First fetch (done)' })).toBeVisible({ timeout: 60_000 })
  await next(page).click()
  await page.getByRole('combobox', { name: 'Default site' }).click()
  await page.getByRole('option', { name: 'Manchester' }).click()
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await page.getByRole('checkbox', { name: 'I have reviewed the mappings' }).check()
  await next(page).click()

  // 7. Preview, 8. sync.
  await page.getByRole('button', { name: 'Build the preview' }).click()
  await expect(page.getByRole('region', { name: 'What this sync would do' })).toBeVisible({ timeout: 30_000 })
  await next(page).click()
  await syncThroughGuardrail(page)
  await expect(steps(page).getByRole('button', { name: '8. First sync (done)' })).toBeVisible({ timeout: 90_000 })
  await next(page).click()

  // 9. Entra single sign-on: published, the Halo Entra connection chosen, tested, applied.
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByRole('switch', { name: 'Published' }).check()
  await form.getByRole('combobox', { name: 'Halo Entra connection' }).click()
  await page.getByRole('option', { name: 'Northwind Entra ID' }).click()
  await form.getByRole('button', { name: 'Save settings' }).click()
  const person = [...entraSandbox.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
  entraSandbox.setAutoSignIn(person?.userPrincipalName ?? null)
  await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
  const browser = await context.newPage()
  await browser.goto(await systemBrowser.nextOpenedUrl())
  await expect(page.getByRole('alert', { name: 'Test sign-in passed' })).toBeVisible({ timeout: 20_000 })
  await browser.close()
  await page.getByRole('region', { name: 'Apply to Halo' }).getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(steps(page).getByRole('button', { name: '9. Single sign-on (done)' })).toBeVisible()
  expect((haloSandbox.store.get('azureadconnections', 1) as Record<string, unknown>).published).toBe(true)
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await shoot(page, 'guide-entra-sso-dark')
  await page.getByRole('button', { name: 'Finish' }).click()
  await expect(page.getByRole('region', { name: 'Setup complete' })).toBeVisible()
})
