/**
 * The setup guide from a fresh data folder: it opens by itself at first launch; each step's Next
 * waits for its check (the Halo instance tested, the provider's setup ticked, credentials that fail
 * their test hold the guide until fixed, the first fetch, a default site saved and the mappings
 * reviewed, a preview, a sync); quitting in the middle (the server restarted) resumes at the same
 * step; single sign-on is configured, tested in the stand-in browser and applied; Finish leads to the
 * dashboard, where the connection is healthy. Screenshots go to e2e/screenshots/ for review, and
 * the guide's image for the docs to docs/images/setup-guide.png. Then the same for Entra ID, where
 * a Halo instance whose test fails holds the guide until it is edited, the directory is chosen and
 * Next pressed by keyboard, and the provider step is skipped (marked so). The Okta sync is rehearsed
 * first on a sandbox copy of Halo (not one request to the real one). Last, the whole guide by
 * keyboard alone (Tab and keys, no clicks), where the fetch, the preview, the sync and the test
 * sign-in each fail once — Okta erring, Halo unreachable, Halo erring mid-sync, an ID token for
 * another app — and the guide holds at that step with the reason and the way on, until it is fixed.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures/entra-test'
import { saveDocImage } from '../fixtures/doc-images'
import { currentStep as current, guideNext as next, guideSteps as steps } from '../fixtures/guide-locators'
import { pressOn, tabUntilFocused, typeInto } from '../fixtures/keyboard'
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
  // A dry rehearsal first, on a sandbox copy of this Halo: nothing reaches the real one.
  const requests = haloSandbox.requestCount()
  await page.getByRole('button', { name: 'Rehearse the sync' }).click()
  await expect(page.getByRole('region', { name: 'Rehearse on a sandbox first (optional)' }).getByText('Rehearsal passed')).toBeVisible({ timeout: 60_000 })
  expect(haloSandbox.requestCount()).toBe(requests)
  await expect(steps(page).getByRole('button', { name: '8. First sync (to do)' })).toBeVisible()
  await shoot(page, 'guide-sync-rehearsed')
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

test('by keyboard alone, the guide reaches single sign-on, holding at each step that fails until it is fixed', async ({ openStudio, page, context, oktaSandbox, haloSandbox }) => {
  test.setTimeout(300_000)
  await openStudio()
  const press = (target: Locator, key?: string): Promise<void> => pressOn(page, target, key)
  const type = (target: Locator, text: string): Promise<void> => typeInto(page, target, text)
  const dialog = page.getByRole('dialog')

  // 1. Halo instance: added through its form and tested.
  await press(page.getByRole('button', { name: 'Add a Halo instance' }))
  await type(dialog.getByLabel('Name'), 'Northwind Halo')
  await type(dialog.getByLabel('Halo web address'), haloSandbox.baseUrl)
  await type(dialog.getByLabel('Client ID'), haloSandbox.credentials.clientCredentials.clientId)
  await type(dialog.getByLabel('Client secret'), haloSandbox.credentials.clientCredentials.clientSecret)
  await press(dialog.getByRole('button', { name: 'Add instance' }))
  await expect(dialog).toBeHidden()
  await press(page.getByRole('button', { name: 'Test connection' }))
  await expect(steps(page).getByRole('button', { name: '1. Halo instance (done)' })).toBeVisible({ timeout: 30_000 })
  await press(next(page))

  // 2. Okta, 3. its setup ticked.
  await press(page.getByRole('radio', { name: /^Okta/ }), 'Space')
  await press(next(page))
  await press(page.getByRole('checkbox', { name: 'I have created these' }), 'Space')
  await press(next(page))

  // 4. Credentials.
  await press(page.getByRole('button', { name: 'Enter the credentials' }))
  await type(dialog.getByLabel('Name'), 'Northwind Okta')
  await type(dialog.getByLabel('Okta org URL'), oktaSandbox.orgUrl)
  // "API token" also names the sign-in choice.
  await type(dialog.getByLabel('API token').and(dialog.locator('input[type="password"]')), oktaSandbox.credentials.apiToken)
  await press(dialog.getByRole('button', { name: 'Add connection' }))
  await expect(dialog).toBeHidden()
  await press(page.getByRole('button', { name: 'Test credentials' }))
  await expect(steps(page).getByRole('button', { name: '4. Credentials (done)' })).toBeVisible({ timeout: 20_000 })
  await press(next(page))

  // 5. The fetch fails while Okta errs: the reason is shown and the guide holds; fetched again, it goes on.
  oktaSandbox.settings.faults.error500 = 1
  await press(page.getByRole('button', { name: 'Fetch directory' }))
  await expect(page.getByRole('alert').filter({ hasText: /Okta/ })).toBeVisible({ timeout: 90_000 })
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-fetch-failed')
  oktaSandbox.settings.faults.error500 = 0
  await press(page.getByRole('button', { name: 'Fetch directory' }))
  await expect(steps(page).getByRole('button', { name: '5. First fetch (done)' })).toBeVisible({ timeout: 30_000 })
  await press(next(page))

  // 6. Mappings: a default site chosen from the list by keys, saved, reviewed.
  await tabUntilFocused(page, page.getByRole('combobox', { name: 'Default site' }), 60)
  await page.keyboard.type('Manch')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('combobox', { name: 'Default site' })).toHaveValue(/Manchester/)
  await press(page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }))
  await expect(page.getByText('Nobody would be imported yet')).toBeHidden()
  await press(page.getByRole('checkbox', { name: 'I have reviewed the mappings' }), 'Space')
  await press(next(page))

  // 7. The preview while Halo cannot be reached: built from the cache, said so, and not enough to go on.
  haloSandbox.settings.faults.drop = 1
  await press(page.getByRole('button', { name: 'Build the preview' }))
  await expect(page.getByRole('alert').filter({ hasText: 'Halo could not be reached' })).toBeVisible({ timeout: 90_000 })
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-preview-offline')
  haloSandbox.settings.faults.drop = 0
  await press(page.getByRole('button', { name: 'Build the preview again' }))
  await expect(steps(page).getByRole('button', { name: '7. First preview (done)' })).toBeVisible({ timeout: 30_000 })
  await press(next(page))

  // 8. The sync stops while Halo errs: the reason, Resume; resumed, it finishes.
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  if (await sync.getByText('Blocked by the guardrail').isVisible()) {
    const exactly = /Exactly ([\d,]+)\./.exec((await sync.getByText(/^Exactly [\d,]+\.$/).textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? ''
    await type(sync.getByRole('textbox', { name: 'Deactivations to allow' }), exactly)
  }
  haloSandbox.settings.faults.error500 = 1
  await press(sync.getByRole('button', { name: /^Sync \d/ }))
  const progress = page.getByRole('region', { name: 'Sync progress' })
  await expect(progress).toContainText('Sync stopped', { timeout: 90_000 })
  await expect(next(page)).toBeDisabled()
  await shoot(page, 'guide-sync-stopped')
  haloSandbox.settings.faults.error500 = 0
  await press(progress.getByRole('button', { name: 'Resume' }))
  await expect(progress).toContainText('Sync finished', { timeout: 90_000 })
  await expect(steps(page).getByRole('button', { name: '8. First sync (done)' })).toBeVisible()
  await press(next(page))

  // 9. Single sign-on: a test sign-in whose ID token is for another app is refused, with why; then it passes and is applied.
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await press(form.getByRole('switch', { name: 'Single sign-on with Okta' }), 'Space')
  await type(form.getByRole('textbox', { name: 'Client ID' }), oktaSandbox.credentials.oidcApp.clientId)
  // Tab enters a radio group at its chosen radio; the arrow keys choose another.
  await press(form.getByRole('radio', { name: 'The org authorization server' }), 'ArrowDown')
  await expect(form.getByRole('radio', { name: 'A custom authorization server' })).toBeChecked()
  await press(form.getByRole('button', { name: 'Save settings' }))
  oktaSandbox.settings.autoSignIn = oktaSandbox.credentials.signInUser.login
  oktaSandbox.settings.idTokenFault = 'wrong-audience'
  await press(page.getByRole('button', { name: 'Test sign-in', exact: true }))
  const refused = await context.newPage()
  await refused.goto(await systemBrowser.nextOpenedUrl())
  await expect(page.getByRole('alert', { name: 'Test sign-in failed' })).toBeVisible({ timeout: 20_000 })
  await refused.close()
  await expect(page.getByRole('button', { name: 'Finish' })).toBeDisabled()
  await shoot(page, 'guide-sso-refused')
  oktaSandbox.settings.idTokenFault = 'none'
  await page.bringToFront()
  await press(page.getByRole('button', { name: 'Test sign-in', exact: true }))
  const passed = await context.newPage()
  await passed.goto(await systemBrowser.nextOpenedUrl())
  await expect(page.getByRole('alert', { name: 'Test sign-in passed' })).toBeVisible({ timeout: 20_000 })
  await passed.close()
  await page.bringToFront()
  await press(page.getByRole('region', { name: 'Apply to Halo' }).getByRole('button', { name: 'Apply', exact: true }))
  await expect(steps(page).getByRole('button', { name: '9. Single sign-on (done)' })).toBeVisible()
  await press(page.getByRole('button', { name: 'Finish' }))
  await expect(page.getByRole('region', { name: 'Setup complete' })).toBeVisible()
})

