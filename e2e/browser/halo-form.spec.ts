/**
 * The Halo instance form and list: the empty state, errors under their fields (and nothing saved),
 * a very long name that must not break the layout, editing that keeps the stored secret, deleting
 * with a confirmation (keychain entries go too), the home checklist, and the demo workspace's
 * labelled sandbox instance. Screenshots go to e2e/screenshots/ for review.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/halo-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

/** 80 characters, the most a name may have, and no space to break at. */
const longName = 'Northwind-Traders-Production-HaloITSM-EMEA-and-APAC-Service-Desk-Main-Instance-1'.slice(0, 80)

test('the form shows each error under its field and saves nothing', async ({ openStudio, page }) => {
  await openStudio('/halo-instances')
  await expect(page.getByText('Have this ready in Halo')).toBeVisible()
  await shoot(page, 'halo-empty')

  await page.setViewportSize({ width: 1280, height: 1320 })
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Halo instance' })
  await dialog.getByLabel('Halo web address').fill('not a URL')
  await dialog.getByRole('radiogroup', { name: 'Deployment' }).getByText('Halo-hosted').click()
  await dialog.getByLabel('Client ID').fill('identity-studio')
  await dialog.getByLabel('Client secret').fill('s3cret')
  await dialog.getByRole('button', { name: 'Add instance' }).click()

  await expectFieldError(page, 'Name', 'Give the instance a name')
  await expectFieldError(page, 'Halo web address', '"not a URL" is not a web address')
  await expectFieldError(page, 'Tenant', 'Halo-hosted instances need a tenant')
  await expect(dialog.getByLabel('Name')).toBeFocused()
  await shoot(page, 'halo-form-errors', { fullPage: false })

  // Fixing a field clears its error; the others stay until the next try.
  await dialog.getByLabel('Tenant').fill('northwind')
  await expect(dialog.getByRole('textbox', { name: 'Tenant' })).not.toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true')

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.getByText('No Halo instances yet')).toBeVisible()
})

test('a hosted address suggests the deployment and tenant', async ({ openStudio, page }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Halo web address').fill('https://acme.halopsa.com/api')
  await dialog.getByLabel('Client ID').focus()
  await expect(dialog.getByRole('radio', { name: 'Halo-hosted' })).toBeChecked()
  await expect(dialog.getByLabel('Tenant')).toHaveValue('acme')
})

test('a very long name wraps, editing keeps the stored secret, and deleting asks first', async ({ openStudio, page, haloForm }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill(haloForm.sandboxInput(longName))
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: longName })).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'halo-long-name-detail')

  await page.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Halo instance' })
  await expect(dialog.getByText('Stored in your keychain: leave empty to keep it')).toBeVisible()
  await expect(dialog.getByLabel('Client secret')).toHaveValue('')
  await dialog.getByLabel('Name').fill('Northwind Halo')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo' })).toBeVisible()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText('All 14 checks passed')).toBeVisible()

  // A second instance with the long name, for the list.
  await page.getByRole('link', { name: 'Halo instances', exact: true }).first().click()
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill({ ...haloForm.sandboxInput(longName), baseUrl: 'https://halo-service-desk-production.internal.northwind-traders.example/halo' })
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: longName })).toBeVisible()
  await page.getByRole('link', { name: 'Halo instances', exact: true }).first().click()
  await expect(page.getByRole('list', { name: 'Halo instances' }).getByRole('article')).toHaveCount(2)
  await expectNoSidewaysScroll(page)
  await shoot(page, 'halo-long-name-list')

  await page.getByRole('button', { name: `Delete ${longName}` }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete Halo instance?' })
  await expect(confirm).toContainText('client secret and sign-in tokens, deleted from your keychain')
  await expect(confirm).toContainText('cached look-ups')
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await shoot(page, 'halo-delete-confirm', { fullPage: false })
  await confirm.getByRole('button', { name: 'Delete instance' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect(page.getByRole('article', { name: 'Northwind Halo' })).toBeVisible()

  // From its own page, deleting goes back to the list; the keychain keeps nothing of it.
  await page.getByRole('link', { name: 'Northwind Halo', exact: true }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Halo instances' })).toBeVisible()
  await expect(page.getByText('No Halo instances yet')).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('region', { name: 'Keychain' }).getByText('No secrets stored yet')).toBeVisible()
})

test('a Halo instance added from Halo instances is offered by the setup guide', async ({ openStudio, page, haloForm }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill(haloForm.sandboxInput('Northwind Halo'))
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Halo' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace home' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up a connection' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Halo instance' }).click()
  await page.getByRole('option', { name: 'Northwind Halo' }).click()
  await expect(page.getByRole('region', { name: 'Test Northwind Halo' })).toContainText('Not tested yet')
})

test.describe('the demo workspace', () => {
  test.use({ studioOptions: { demo: true } })

  test('shows its sandbox Halo as a labelled demo instance that works', async ({ openStudio, page }) => {
    await openStudio('/halo-instances')
    const card = page.getByRole('article', { name: 'Demo Halo (local sandbox)' })
    await expect(card.getByText('Demo sandbox')).toBeVisible()
    await card.getByRole('link', { name: 'Demo Halo (local sandbox)' }).click()
    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByText('All 14 checks passed')).toBeVisible({ timeout: 30_000 })
    await shoot(page, 'halo-demo-detail')
  })
})

async function expectFieldError(page: Page, label: string, message: string): Promise<void> {
  const field = page.getByRole('dialog').getByRole('textbox', { name: label, exact: true })
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
