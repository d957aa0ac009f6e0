/**
 * The Okta connection form and the connections list: a workspace without a Halo instance is told to
 * add one first; an -admin address, an http address and a missing token are refused under their
 * fields and nothing is saved; a custom domain is accepted with its single sign-on warning, shown as
 * it is typed; a very long name wraps; deleting asks first and takes the token out of the keychain.
 * Screenshots go to e2e/screenshots/ for review.
 */
import type { Page } from '@playwright/test'
import { expect, haloInstanceName, test } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'
import { openAddConnection } from '../fixtures/add-connection'

/** 80 characters, the most a name may have, and no space to break at. */
const longName = 'Northwind-Traders-Okta-Production-Workforce-Identity-EMEA-APAC-Americas-Tenant-1'.slice(0, 80)

test('without a Halo instance, Connections says to add one first', async ({ openStudio, page }) => {
  await openStudio('/connections')
  await expect(page.getByText('No connections yet')).toBeVisible()
  await expect(page.getByText('this workspace has none yet: add the Halo instance first')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add Okta connection' })).toBeHidden()
  await shoot(page, 'okta-needs-halo')
  await page.getByRole('main').getByRole('link', { name: 'Go to Halo instances' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Halo instances' })).toBeVisible()
})

test('the form shows each error under its field and saves nothing', async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await expect(page.getByRole('button', { name: 'Add Entra ID connection' })).toBeEnabled()
  await page.setViewportSize({ width: 1280, height: 1100 })
  await page.getByRole('button', { name: 'Add Okta connection' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Okta connection' })
  // The only Halo instance is chosen already.
  await expect(dialog.getByRole('combobox', { name: 'Halo instance' })).toHaveValue(haloInstanceName)

  await okta.fill({ orgUrl: 'https://northwind-admin.okta.com' })
  await dialog.getByRole('button', { name: 'Add connection' }).click()
  await expectFieldError(page, 'Name', 'Give the connection a name')
  await expectFieldError(page, 'Okta org URL', 'northwind-admin.okta.com is the Admin Console address. Use your org URL without "-admin": https://northwind.okta.com.')
  await expectFieldError(page, 'API token', 'Enter the API token (Okta Admin Console › Security › API › Tokens › Create token).')
  await expect(dialog.getByLabel('Name')).toBeFocused()
  await shoot(page, 'okta-form-errors', { fullPage: false })

  // Fixing a field clears its error; an http address and a token pasted with "SSWS" are refused too.
  await okta.fill({ name: 'Northwind Okta', orgUrl: 'http://northwind.okta.com', apiToken: 'SSWS 00abc' })
  await expect(dialog.getByRole('textbox', { name: 'Name' })).not.toHaveAttribute('aria-invalid', 'true')
  await dialog.getByRole('button', { name: 'Add connection' }).click()
  await expectFieldError(page, 'Okta org URL', 'Okta is only reached over https. Use https://northwind.okta.com.')
  await expectFieldError(page, 'API token', 'An Okta API token has no spaces: paste only the token, without "SSWS".')

  // A custom domain: warned about as it is typed, not refused.
  await okta.fill({ orgUrl: 'login.northwind.example' })
  await expect(dialog.getByText('Connects to https://login.northwind.example')).toBeVisible()
  await expect(dialog.getByText(/login\.northwind\.example is not an Okta domain\. .*single sign-on needs your primary Okta domain/)).toBeVisible()
  await shoot(page, 'okta-form-custom-domain', { fullPage: false })

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByText('No connections yet')).toBeVisible()
})

test('a custom domain is saved with its warning; a very long name wraps; deleting asks first and empties the keychain', async ({ openStudio, page, oktaSandbox, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection({ ...okta.sandboxInput(longName), orgUrl: 'https://login.northwind-traders-workforce-identity.example' })
  await expect(page.getByRole('region', { name: 'Connection details' })).toContainText('single sign-on needs your primary Okta domain')
  await expectNoSidewaysScroll(page)
  await shoot(page, 'okta-long-name-details')

  await page.getByRole('link', { name: 'Connections', exact: true }).first().click()
  await openAddConnection(page, 'Okta')
  await okta.fill(okta.sandboxInput('Northwind Okta'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add connection' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Okta' })).toBeVisible()
  await page.getByRole('link', { name: 'Connections', exact: true }).first().click()
  await expect(page.getByRole('list', { name: 'Connections' }).getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: longName })).toContainText('is not an Okta domain')
  await expect(page.getByRole('article', { name: 'Northwind Okta' })).toContainText(oktaSandbox.orgUrl)
  await expectNoSidewaysScroll(page)
  await shoot(page, 'okta-long-name-list')

  await page.getByRole('button', { name: `Delete ${longName}` }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete connection?' })
  await expect(confirm).toContainText('its API token, deleted from your keychain')
  await expect(confirm).toContainText('its directory snapshot')
  await expect(confirm).toContainText('Nothing changes in Okta or in Halo')
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await shoot(page, 'okta-delete-confirm', { fullPage: false })
  await confirm.getByRole('button', { name: 'Delete connection' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByRole('article')).toHaveCount(1)

  // From its own page, deleting goes back to the list; only Halo's secret is left in the keychain.
  await page.getByRole('link', { name: 'Northwind Okta', exact: true }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete connection' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible()
  await expect(page.getByText('No connections yet')).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const keychain = page.getByRole('region', { name: 'Keychain' })
  await expect(keychain.getByRole('row')).toHaveCount(2)
  await expect(keychain).not.toContainText('Okta')
})

async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  const dialog = page.getByRole('dialog')
  // "API token" also names a sign-in choice; the token field is a password box.
  const field = label === 'API token' ? dialog.getByLabel(label).and(dialog.locator('input[type="password"]')) : dialog.getByRole('textbox', { name: label, exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
