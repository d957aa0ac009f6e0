/**
 * The SSO tab against the Okta and Halo sandboxes, with the system browser stood in for: a wrong
 * client ID is refused under its field (nothing saved); saved settings pass "Check settings"; Apply
 * waits for a passing test; "Test sign-in" (the sandbox signs in by itself) says who signed in; the
 * preview shows Halo's fields before and after, and Apply writes them into Halo's Control record.
 * Then Entra ID, single tenant: a wrong application ID refused, the Halo Entra connection chosen,
 * "Apply without a passing test…" confirmed and recorded (Halo's Entra connection and Control
 * written), then a test sign-in that names the person's object ID (dark theme shot). And Entra ID
 * multi-tenant: the check kept across tabs, people of the home and a partner tenant signed in (the
 * partner only once allowed), a token changed on the way refused, and both tenants applied to Halo.
 * Screenshots go to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/entra-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'
import { hasXdgOpen, recordingBrowser } from '../fixtures/system-browser'

const systemBrowser = recordingBrowser()

test.skip(!hasXdgOpen(), 'The stand-in system browser needs xdg-open (Linux).')
test.use({ studioOptions: { env: systemBrowser.env } })

test('Okta single sign-on is checked, tested in the browser and applied to Halo', async ({ openStudio, page, context, okta, oktaSandbox, haloSandbox }) => {
  test.setTimeout(120_000)
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection(okta.sandboxInput('Northwind Okta'))
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  const settings = page.getByRole('region', { name: 'Single sign-on settings' })
  await expect(settings.getByText('Not saved yet')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Check settings' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Test sign-in', exact: true })).toBeDisabled()
  await expect(page.getByRole('switch', { name: 'Automatically redirect to Okta' })).toBeDisabled()
  await expect(page.getByRole('list', { name: 'Redirect URIs' })).toContainText(`${haloSandbox.baseUrl}/auth/account/openidresponse`)
  await expect(page.getByRole('list', { name: 'Redirect URIs' })).toContainText('http://localhost/callback')

  // A wrong client ID: refused under its field, nothing saved.
  await form.getByRole('switch', { name: 'Single sign-on with Okta' }).check()
  await form.getByRole('textbox', { name: 'Client ID' }).fill('abc123')
  await form.getByRole('radio', { name: 'A custom authorization server' }).check()
  await expect(form.getByRole('textbox', { name: 'Authorization server ID' })).toHaveValue('default')
  await expect(form).toContainText(`${oktaSandbox.orgUrl}/oauth2/default`)
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(form.getByText('An Okta client ID is 20 letters and digits starting with 0oa')).toBeVisible()
  await expect(form.getByRole('textbox', { name: 'Client ID' })).toBeFocused()
  await expect(settings.getByText('Not saved yet')).toBeVisible()
  await shoot(page, 'sso-okta-form')

  await form.getByRole('textbox', { name: 'Client ID' }).fill(oktaSandbox.credentials.oidcApp.clientId)
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(settings.getByText('Saved', { exact: true })).toBeVisible()

  // The checks pass; Apply needs a passing test first.
  await page.getByRole('button', { name: 'Check settings' }).click()
  await expect(page.getByRole('list', { name: 'Single sign-on checks' }).getByRole('listitem')).toHaveCount(2)
  for (const check of await page.getByRole('list', { name: 'Single sign-on checks' }).getByRole('listitem').all()) await expect(check).toHaveAttribute('data-ok', 'true')
  const apply = page.getByRole('region', { name: 'Apply to Halo' })
  await expect(apply.getByRole('table', { name: 'Changes in Halo' })).toBeVisible()
  await expect(apply.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0)
  await expect(apply.getByRole('button', { name: 'Apply without a passing test…' })).toBeEnabled()

  // Test sign-in, in the stand-in browser, signed in by the sandbox.
  const login = oktaSandbox.credentials.signInUser.login
  oktaSandbox.settings.autoSignIn = login
  await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for you to sign in' })).toBeVisible()
  const browser = await context.newPage()
  await browser.goto(await systemBrowser.nextOpenedUrl())
  const result = page.getByRole('alert', { name: 'Test sign-in passed' })
  await expect(result).toBeVisible({ timeout: 20_000 })
  await expect(result).toContainText(login)
  await browser.close()
  await expect(page.getByRole('switch', { name: 'Automatically redirect to Okta' })).toBeEnabled()
  await expect(apply.getByRole('button', { name: 'Apply without a passing test…' })).toHaveCount(0)
  await shoot(page, 'sso-okta-tested')
  await page.setViewportSize({ width: 760, height: 1000 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'sso-okta-narrow')
  await page.setViewportSize({ width: 1280, height: 840 })

  // Before and after, then Apply: Halo's Control record has Okta switched on with the client ID.
  const changes = apply.getByRole('table', { name: 'Changes in Halo' })
  await expect(changes.getByRole('columnheader')).toHaveText(['Where', 'Field', 'In Halo now', 'After apply'])
  await expect(changes).toContainText(oktaSandbox.credentials.oidcApp.clientId)
  await apply.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(apply.getByText(/fields? written/)).toBeVisible()
  await expect(apply.getByText('Apply would change nothing')).toBeVisible()
  await expect(apply.getByText('Applied without a passing test')).toHaveCount(0)
  const control = haloSandbox.store.get('control', 1) as Record<string, unknown>
  expect(control.enableoktasinglesignon).toBe(true)
  expect(control.okta_client_id).toBe(oktaSandbox.credentials.oidcApp.clientId)
  await expectNoSidewaysScroll(page)
  await shoot(page, 'sso-okta-applied')
})

test('Entra ID single sign-on (single tenant) is tested and applied to Halo’s Entra connection', async ({ openStudio, page, context, okta, entra, entraSandbox, haloSandbox }) => {
  test.setTimeout(120_000)
  await openStudio()
  await okta.addHaloInstance()
  await entra.addConnection(entra.sandboxInput('Northwind Entra ID'))
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await expect(form.getByRole('textbox', { name: 'Application (client) ID' })).toHaveValue(entraSandbox.credentials.app.clientId)
  await expect(form.getByRole('switch', { name: /^Automatically redirect agents and users to Azure/ })).toBeDisabled()
  await form.getByRole('switch', { name: 'Published' }).check()
  await form.getByRole('textbox', { name: 'Application (client) ID' }).fill('1234')
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(form.getByText('The Application (client) ID is a GUID')).toBeVisible()
  await form.getByRole('textbox', { name: 'Application (client) ID' }).fill(entraSandbox.credentials.app.clientId)
  const apply = page.getByRole('region', { name: 'Apply to Halo' })
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(apply.getByText('Choose the Halo Entra connection')).toBeVisible()
  await form.getByRole('combobox', { name: 'Halo Entra connection' }).click()
  await page.getByRole('option', { name: 'Northwind Entra ID' }).click()
  await expect(page.getByRole('region', { name: 'Single sign-on settings' }).getByText('Unsaved changes')).toBeVisible()
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(apply.getByRole('table', { name: 'Changes in Halo' })).toContainText('Entra connection Northwind Entra ID')
  await expect(apply.getByRole('button', { name: 'Apply without a passing test…' })).toBeVisible()

  // Applied without a passing test: confirmed, and recorded as such.
  await apply.getByRole('button', { name: 'Apply without a passing test…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Apply without a passing test?' })
  await expect(confirm).toContainText('Applying anyway is recorded')
  await shoot(page, 'sso-entra-override-confirm', { fullPage: false })
  await confirm.getByRole('button', { name: 'Apply anyway' }).click()
  await expect(confirm).toBeHidden()
  await expect(apply.getByText('Applied without a passing test')).toBeVisible()
  await expect(apply.getByText(/fields? written/)).toBeVisible()
  const connection = haloSandbox.store.get('azureadconnections', 1) as Record<string, unknown>
  expect(connection.published).toBe(true)
  expect(connection.applicationid).toBe(entraSandbox.credentials.app.clientId.toLowerCase())
  expect((haloSandbox.store.get('control', 1) as Record<string, unknown>).enableazuresinglesignon).toBe(true)

  // A test sign-in cancelled while it waits, then one that names the person's object ID.
  await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
  await systemBrowser.nextOpenedUrl()
  await page.getByRole('status').filter({ hasText: 'Waiting for you to sign in' }).getByRole('button', { name: 'Cancel sign-in' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Test sign-in cancelled: the last result stays.' })).toBeVisible()
  const person = [...entraSandbox.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
  entraSandbox.setAutoSignIn(person?.userPrincipalName ?? null)
  await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
  const browser = await context.newPage()
  await browser.goto(await systemBrowser.nextOpenedUrl())
  const result = page.getByRole('alert', { name: 'Test sign-in passed' })
  await expect(result).toBeVisible({ timeout: 20_000 })
  await expect(result).toContainText(person?.id ?? '')
  await browser.close()
  await expect(form.getByRole('switch', { name: /^Automatically redirect agents and users to Azure/ })).toBeEnabled()
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.mouse.move(1, 400)
  await shoot(page, 'sso-entra-applied-dark')
})

test('Entra ID single sign-on (multi-tenant) signs in people of two tenants, refuses a changed token, and applies the allowed tenants', async ({ openStudio, page, context, okta, entra, entraSandbox, haloSandbox }) => {
  test.setTimeout(150_000)
  await openStudio()
  await okta.addHaloInstance()
  await entra.addConnection(entra.sandboxInput('Northwind Entra ID'))
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByRole('switch', { name: 'Published' }).check()
  await form.getByText('Multi-tenant', { exact: true }).click()
  await expect(form.getByRole('radio', { name: 'Multi-tenant' })).toBeChecked()
  const tenants = form.getByRole('combobox', { name: 'Allowed tenant IDs' })
  await tenants.fill(entraSandbox.tenantId)
  await tenants.press('Enter')
  await form.getByRole('combobox', { name: 'Halo Entra connection' }).click()
  await page.getByRole('option', { name: 'Northwind Entra ID' }).click()
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('region', { name: 'Single sign-on settings' }).getByText('Saved', { exact: true })).toBeVisible()

  // The check passes at /organizations, and is still there after another tab.
  await page.getByRole('button', { name: 'Check settings' }).click()
  const checks = page.getByRole('list', { name: 'Single sign-on checks' })
  await expect(checks.getByRole('listitem')).toHaveCount(2)
  await expect(checks).toContainText(`${entraSandbox.baseUrl}/organizations/v2.0`)
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByRole('tab', { name: 'SSO' }).click()
  await expect(checks.getByRole('listitem')).toHaveCount(2)

  const signIn = async (upn: string | undefined): Promise<void> => {
    entraSandbox.setAutoSignIn(upn ?? null)
    await page.getByRole('button', { name: 'Test sign-in', exact: true }).click()
    const browser = await context.newPage()
    await browser.goto(await systemBrowser.nextOpenedUrl())
    await expect(page.getByRole('button', { name: 'Test sign-in', exact: true })).toBeEnabled({ timeout: 20_000 })
    await browser.close()
  }
  const passed = page.getByRole('alert', { name: 'Test sign-in passed' })
  const failed = page.getByRole('alert', { name: 'Test sign-in failed' })

  // A person of the home tenant signs in; one of the partner tenant is refused until it is allowed.
  const home = [...entraSandbox.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
  const partner = [...entraSandbox.partnerTenant.users.values()][0]
  await signIn(home?.userPrincipalName)
  await expect(passed).toContainText(entraSandbox.tenantId)
  await signIn(partner?.userPrincipalName)
  await expect(failed).toContainText(`The person signed in from tenant ${entraSandbox.partnerTenant.tenantId}, which is not in the list of tenants allowed to use this app.`)
  await tenants.fill(entraSandbox.partnerTenant.tenantId)
  await tenants.press('Enter')
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('region', { name: 'Single sign-on settings' }).getByText('Saved', { exact: true })).toBeVisible()

  // A token changed on the way is refused for its signature; then the partner's person signs in.
  entraSandbox.settings.idTokenFault = 'bad-signature'
  await signIn(partner?.userPrincipalName)
  entraSandbox.settings.idTokenFault = 'none'
  await expect(failed).toContainText("The ID token's signature does not match the keys")
  await shoot(page, 'sso-entra-bad-signature')
  await signIn(partner?.userPrincipalName)
  await expect(passed).toContainText(entraSandbox.partnerTenant.tenantId)
  await expect(passed).toContainText(partner?.userPrincipalName ?? '')

  // Apply: Halo's Entra connection is multi-tenant with both tenants allowed.
  const apply = page.getByRole('region', { name: 'Apply to Halo' })
  await expect(apply.getByRole('table', { name: 'Changes in Halo' })).toContainText(`${entraSandbox.tenantId}, ${entraSandbox.partnerTenant.tenantId}`)
  await expect(apply.getByRole('row', { name: /Tenant type/ })).toContainText('Multi-tenant')
  await apply.getByRole('button', { name: 'Apply', exact: true }).click()
  await expect(apply.getByText(/fields? written/)).toBeVisible()
  const connection = haloSandbox.store.get('azureadconnections', 1) as Record<string, unknown>
  expect(connection.tenant_type).toBe('multi')
  expect(connection.tenants).toEqual([{ tenant_id: entraSandbox.tenantId }, { tenant_id: entraSandbox.partnerTenant.tenantId }])
  await expectNoSidewaysScroll(page)
  await shoot(page, 'sso-entra-multi-tenant-applied')
})
