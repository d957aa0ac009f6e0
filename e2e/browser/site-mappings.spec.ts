/**
 * The Site Mappings tab against the sandboxes: with Halo's look-ups cached and the directory
 * fetched, the empty state offers both kinds; the editor refuses a mapping without a site and a
 * criterion without its value; a mapping of each kind is added (one sends a group to *agent*), the
 * counts show, Move up reorders and renumbers, one is deleted after a confirmation, and the
 * configuration is saved through the save bar; a drag then reorders. Screenshots go to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

test('site mappings are added, checked, counted, reordered, deleted and saved', async ({ openStudio, page, okta }) => {
  test.setTimeout(120_000)
  await openStudio()
  await okta.connectAndFetch()
  await page.setViewportSize({ width: 1440, height: 1000 })
  await page.getByRole('tab', { name: 'Site mappings' }).click()

  const section = page.getByRole('region', { name: 'Site mappings' })
  await expect(section).toContainText('No site mappings yet')
  await shoot(page, 'site-mappings-empty')

  // An existing site: refused without a site, and a criterion without a value.
  await section.getByRole('button', { name: 'Map to an existing site' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a site mapping' })
  await dialog.getByRole('button', { name: 'Add criterion' }).click()
  await dialog.getByRole('button', { name: 'Add mapping' }).click()
  await expect(dialog).toContainText('Pick a site, or *agent* to make them agents.')
  await expect(dialog).toContainText('Enter the value to compare with.')
  await shoot(page, 'site-mappings-editor-errors')
  await dialog.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: /^Manchester/ }).click()
  await dialog.getByRole('combobox', { name: 'Attribute, criterion 1' }).click()
  await dialog.getByRole('combobox', { name: 'Attribute, criterion 1' }).fill('city')
  await page.getByRole('option', { name: 'city', exact: true }).click()
  await dialog.getByRole('textbox', { name: 'Value, criterion 1' }).fill('Manchester')
  await dialog.getByRole('button', { name: 'Add mapping' }).click()
  await expect(dialog).toBeHidden()

  // *agent* for a group.
  await section.getByRole('button', { name: 'Add site mapping' }).click()
  await page.getByRole('menuitem', { name: 'Map to an existing site' }).click()
  await dialog.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: '*agent* (make them agents)' }).click()
  await dialog.getByRole('combobox', { name: 'Agent role' }).click()
  await page.getByRole('option', { name: 'Second Line Support' }).click()
  await dialog.getByRole('combobox', { name: 'Group' }).fill('Department - IT')
  await page.getByRole('option', { name: 'Department - IT', exact: true }).click()
  await dialog.getByRole('button', { name: 'Add mapping' }).click()
  await expect(dialog).toBeHidden()

  // An organisation by a field.
  await section.getByRole('button', { name: 'Add site mapping' }).click()
  await page.getByRole('menuitem', { name: 'Map to an organisation by a field' }).click()
  await dialog.getByRole('button', { name: 'Add mapping' }).click()
  await expect(dialog).toContainText('Pick the client the sites are under.')
  await dialog.getByRole('combobox', { name: 'Client' }).click()
  await page.getByRole('option', { name: 'Fabrikam Logistics' }).click()
  await dialog.getByRole('combobox', { name: 'Site name from' }).fill('department')
  await page.getByRole('option', { name: 'department', exact: true }).click()
  await dialog.getByRole('combobox', { name: 'Okta statuses' }).click()
  await page.getByRole('option', { name: 'Active', exact: true }).click()
  await dialog.getByRole('button', { name: 'Add mapping' }).click()
  await expect(dialog).toBeHidden()

  const rows = section.getByRole('listitem')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('Manchester')
  await expect(rows.nth(0)).toContainText('city equals “Manchester”')
  await expect(rows.nth(1)).toContainText('*agent* with the role Second Line Support')
  await expect(rows.nth(1)).toContainText('Members of Department - IT')
  await expect(rows.nth(2)).toContainText('Sites under Fabrikam Logistics named by department')
  for (const row of await rows.all()) await expect(row.getByLabel('People counts')).toContainText(/Matches [\d,]+ (person|people) · wins for [\d,]+/)
  await shoot(page, 'site-mappings-list')

  // *agent* first: Move up twice renumbers 1, 2, 3.
  await section.getByRole('button', { name: 'Move site mapping 2 up' }).click()
  await expect(rows.nth(0)).toContainText('*agent*')
  await expect(rows.nth(0).getByLabel('Sequence 1')).toBeVisible()
  await expect(rows.nth(1).getByLabel('Sequence 2')).toContainText('2')
  await expect(rows.nth(1)).toContainText('Manchester')

  // Edit keeps what was there; cancel discards.
  await section.getByRole('button', { name: 'Edit site mapping 3' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit site mapping' })
  await expect(edit.getByRole('combobox', { name: 'Site name from' })).toHaveValue('department')
  await edit.getByRole('button', { name: 'Cancel' }).click()
  await expect(edit).toBeHidden()

  // Delete after a confirmation.
  await section.getByRole('button', { name: 'Delete site mapping 2' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(2)

  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()
  await expect(rows).toHaveCount(2)
  await shoot(page, 'site-mappings-saved')

  // Drag the last mapping onto the first: it is tried first.
  await rows.nth(1).dragTo(rows.nth(0))
  await expect(rows.nth(0)).toContainText('Sites under Fabrikam Logistics')
  await expect(rows.nth(0).getByLabel('Sequence 1')).toBeVisible()

  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(page, 'site-mappings-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 640, height: 1000 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'site-mappings-narrow', { fullPage: true })
})
