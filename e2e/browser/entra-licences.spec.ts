/**
 * Entra licence import in the browser, against the Entra and Halo sandboxes: turned on on the
 * Advanced tab (the client is required before it saves), the connection's test then asks for the
 * permission to read licences, the preview says which software licences the sync creates and how
 * many users it links, and the sync makes them in the Halo sandbox with the users linked. With
 * "manage from Halo" on, a licence linked to a user in Halo is previewed as assigned in Entra, and
 * the sync assigns it there. Screenshots go to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/entra-test'
import { mapEveryoneToSite } from '../fixtures/mapping-steps'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

test('Entra licences are imported into a Halo client, users linked, and managed from Halo', async ({ openStudio, page, okta, entra, entraSandbox, haloSandbox }) => {
  test.setTimeout(180_000)
  await openStudio()
  await okta.addHaloInstance()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible()
  await page.setViewportSize({ width: 1440, height: 1100 })
  await entra.addConnection(entra.sandboxInput('Northwind Entra ID'))
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByRole('region', { name: 'Directory snapshot' })).toContainText('Everything was read', { timeout: 30_000 })

  // Everyone to Manchester; licences into its client, which must be chosen before saving.
  await mapEveryoneToSite(page, /^Manchester/)
  await page.getByRole('tab', { name: 'Advanced' }).click()
  const section = page.getByRole('region', { name: 'Entra licences' })
  await section.getByRole('switch', { name: 'Import licences from Entra ID' }).check()
  const save = page.getByRole('region', { name: 'Unsaved changes' })
  await save.getByRole('button', { name: 'Save' }).click()
  await expect(section.getByText('Licence import is on, but no client is chosen for the licences.')).toBeVisible()
  await shoot(page, 'entra-licences-client-missing')
  await section.getByRole('combobox', { name: 'Client the licences belong to' }).click()
  await page.getByRole('option', { name: 'Northwind Traders' }).click()
  await save.getByRole('button', { name: 'Save' }).click()
  await expect(save).toBeHidden()
  await shoot(page, 'entra-licences-advanced')

  // The test now asks for the permission to read the tenant's licences.
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  const checks = page.getByRole('list', { name: 'Connection checks' })
  await expect(checks.locator('[data-check="permission:Organization.Read.All"]')).toHaveAttribute('data-state', 'passed', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByRole('region', { name: 'Directory snapshot' })).toContainText('Everything was read', { timeout: 30_000 })

  // Preview: the licences the sync creates and the users it links; then the sync.
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  const licences = page.getByRole('list', { name: 'Entra licences' })
  await expect(licences).toContainText('Microsoft 365 E3')
  await expect(licences).toContainText('Enterprise Mobility + Security E3')
  await expect(licences).toContainText(/In Halo: [\d,]+ licence links added\./)
  await shoot(page, 'entra-licences-preview')
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
  const progress = page.getByRole('region', { name: 'Sync progress' })
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  await expect(progress).toContainText(/[1-9][\d,]* done · 0 failed/)
  const imported = haloSandbox.store.all('licences').filter((licence) => typeof licence.product_sku === 'string' && licence.product_sku !== '')
  expect(imported.map((licence) => licence.product_sku).sort()).toEqual(entraSandbox.tenant.skus.map((sku) => sku.skuId).sort())
  const linked = haloSandbox.store.all('users').filter((user) => Array.isArray(user.licences) && user.licences.length > 0)
  expect(linked.length).toBeGreaterThan(200)

  // Managed from Halo: EMS linked to one user in Halo is assigned to them in Entra by the next sync.
  await page.getByRole('link', { name: 'Northwind Entra ID', exact: true }).click()
  await page.getByRole('tab', { name: 'Advanced' }).click()
  await section.getByRole('switch', { name: 'Allow licences to be managed from within Halo' }).check()
  await expect(section.getByText('Never turn this on for both the CSP integration and Entra ID')).toBeVisible()
  await save.getByRole('button', { name: 'Save' }).click()
  await expect(save).toBeHidden()
  const ems = entraSandbox.tenant.skus.find((sku) => sku.skuPartNumber === 'EMS')
  const emsInHalo = imported.find((licence) => licence.product_sku === ems?.skuId)
  const person = [...entraSandbox.tenant.users.values()].find((user) => user.accountEnabled && user.usageLocation && user.assignedLicenses.length === 1 && user.assignedLicenses[0]?.skuId !== ems?.skuId && haloSandbox.store.all('users').some((record) => record.azureoid === user.id))
  const record = haloSandbox.store.all('users').find((user) => user.azureoid === person?.id)
  if (!person || !record || !emsInHalo) throw new Error('the sandboxes have no licensed user to give EMS to')
  // As an agent would on the user's record in Halo.
  haloSandbox.store.put('users', { ...record, licences: [...(record.licences as Array<{ id: number }>), { id: Number(emsInHalo.id), name: String(emsInHalo.name) }] })
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByRole('region', { name: 'Directory snapshot' })).toContainText('Only the changes since the last fetch were read', { timeout: 30_000 })
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(licences).toContainText('In Entra ID (managed from Halo): 1 licence assigned.', { timeout: 30_000 })
  await page.getByRole('textbox', { name: 'Search' }).fill(person.displayName)
  await page.getByRole('table', { name: 'Preview rows' }).getByRole('row', { name: `${person.displayName}: Update` }).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('Licences in Entra ID: adds Enterprise Mobility + Security E3')
  await shoot(page, 'entra-licences-managed-row')
  await page.keyboard.press('Escape')
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  expect(entraSandbox.tenant.users.get(person.id)?.assignedLicenses.map((licence) => licence.skuId)).toContain(ems?.skuId)
})
