/**
 * Designing mappings with the network off: the Halo look-ups are cached and the directory fetched,
 * then both sandboxes stop. The Field Mappings tab shows the defaults; a Halo field chosen twice is
 * an error under its row and Save is refused with a link to it; a transform changes what Try it on a
 * person shows; a new row is checked until finished; the draft survives leaving the connection; the
 * Imports tab reorders matching and changes statuses; the configuration is saved, exported, and
 * imported into a second connection, which then exports the same. Screenshots go to e2e/screenshots/ for review.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, haloInstanceName, test, type OktaFixtures } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

async function prepare(page: Page, okta: OktaFixtures['okta']): Promise<void> {
  await okta.addHaloInstance()
  // Test connection caches Halo's look-ups (sites, roles, custom fields…).
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible()
  // Refresh also reads Halo's users and agents, which Try it on a person matches against.
  await page.getByRole('region', { name: 'Look-ups' }).getByRole('button', { name: 'Refresh' }).click()
  await expect(page.getByRole('region', { name: 'Look-ups' })).toContainText(/Fetched (just now|\d+ seconds? ago)/)
  for (const name of ['Northwind Okta', 'Second Okta']) {
    await okta.addConnection(okta.sandboxInput(name))
    await page.getByRole('button', { name: 'Fetch directory' }).click()
    await expect(page.getByRole('button', { name: 'Browse people and groups' })).toBeVisible({ timeout: 30_000 })
  }
}

async function pickPerson(page: Page, search: string): Promise<void> {
  const person = page.getByRole('region', { name: 'Try it on a person' }).getByRole('combobox', { name: 'Person' })
  // Just after a save and a tab switch the panel is sometimes rendered afresh while the search is typed, which empties it
  // (a known race, to be fixed in the app): type again until the option shows.
  await expect(async () => {
    await person.click()
    await person.fill('')
    await person.pressSequentially(search)
    await page.getByRole('option', { name: new RegExp(search, 'i') }).click({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
}

async function openConnection(page: Page, name: string, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await page.getByRole('link', { name, exact: true }).click()
  await page.getByRole('tab', { name: tab }).click()
}

test('mappings are designed, checked, tried, saved, exported and imported with the network off', async ({ openStudio, page, okta, oktaSandbox, haloSandbox }) => {
  test.setTimeout(240_000)
  await openStudio()
  await prepare(page, okta)
  await oktaSandbox.close()
  await haloSandbox.close()
  await page.setViewportSize({ width: 1440, height: 1000 })

  await openConnection(page, 'Northwind Okta', 'Field mappings')
  const users = page.getByRole('table', { name: 'User mappings' })
  await expect(users.getByRole('combobox', { name: 'Halo field, row 1', exact: true })).toHaveValue('Name')
  await expect(users).toContainText('okta_id')
  await shoot(page, 'mapping-fields')

  // Try it on a person, before any change.
  const tryIt = page.getByRole('region', { name: 'Try it on a person' })
  await pickPerson(page, 'featherstonehaugh')
  const outcome = tryIt.getByLabel(/^Outcome for /)
  await expect(outcome).toContainText('Not imported')
  await expect(outcome).toContainText('There are no site mappings yet')

  // A Halo field chosen twice: an error under the row, and Save refused with a link to it.
  await users.getByRole('combobox', { name: 'Halo field, row 2', exact: true }).click()
  await page.getByRole('option', { name: 'Surname', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('1 error to fix')
  await expect(users.getByRole('row', { name: 'User mappings row 3', exact: true })).toContainText('Surname is already filled by user mapping 2')
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  const refused = page.getByRole('region', { name: 'Unsaved changes' }).getByRole('alert')
  await expect(refused).toContainText('Not saved: one problem needs fixing first.')
  await expect(refused).toContainText('Field Mappings: User mapping 3: Surname is already filled by user mapping 2. Each Halo field takes one row.')
  await shoot(page, 'mapping-save-refused')

  // Fixed; and a transform on Name: upper case, seen in Try it on a person.
  await users.getByRole('combobox', { name: 'Halo field, row 2', exact: true }).click()
  await page.getByRole('option', { name: 'First name', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('No errors')
  await users.getByRole('button', { name: 'Edit the transforms of row 1', exact: true }).click()
  const editor = page.getByRole('dialog')
  await editor.getByRole('button', { name: 'Add a step' }).click()
  await page.getByRole('menuitem', { name: /Change case/ }).click()
  await editor.getByRole('combobox', { name: 'Change the case to' }).click()
  await page.getByRole('option', { name: 'UPPER CASE' }).click()
  await shoot(page, 'mapping-transform-editor', { fullPage: false })
  await editor.getByRole('button', { name: 'Done' }).click()
  await expect(users.getByRole('row', { name: 'User mappings row 1', exact: true })).toContainText('UPPER CASE')

  // A new row is checked like the others until it is finished, then deleted.
  await page.getByRole('button', { name: 'Add user mapping' }).click()
  await expect(users.getByRole('row', { name: 'User mappings row 11', exact: true })).toContainText('User mapping 11: no Halo field is chosen.')
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('1 error to fix')
  await users.getByRole('button', { name: 'Delete row 11', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('No errors')

  // The draft survives leaving the connection.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace home' }).click()
  await openConnection(page, 'Northwind Okta', 'Details')
  await expect(page.getByRole('alert').filter({ hasText: 'Unsaved mapping changes' })).toBeVisible()
  await page.getByRole('tab', { name: 'Imports' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeVisible()

  // Imports: email after login, SUSPENDED counted active.
  const userMatching = page.getByRole('group', { name: 'User matching fields' })
  await userMatching.getByRole('button', { name: 'Try Login earlier' }).click()
  await expect(userMatching).toContainText(/1\. Login\s*.*2\. Email address/s)
  await page.getByRole('checkbox', { name: 'Suspended' }).check()
  await page.getByRole('combobox', { name: 'Default site' }).click()
  await page.getByRole('option', { name: 'Manchester (Northwind Traders)' }).click()
  await shoot(page, 'mapping-imports')
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()

  // Back on Field mappings, Try it shows the saved design: the default site, Name in upper case.
  await page.getByRole('tab', { name: 'Field mappings' }).click()
  await pickPerson(page, 'featherstonehaugh')
  await expect(outcome).toContainText('Halo user')
  await expect(outcome).toContainText('Manchester (Northwind Traders) — the default site')
  await expect(outcome.getByRole('row', { name: /^Name / })).toContainText('MAXIMILIAN-ALEXANDER FEATHERSTONEHAUGH-MONTGOMERY-WOLFESCHLEGELSTEIN')
  await expect(outcome.getByLabel('Matching')).toContainText(/Matches Halo user #\d+ by |No Halo user matches: a new user would be created\./)
  await expect(outcome.getByLabel('Matching')).toContainText('Halo’s users and agents as read')
  await shoot(page, 'mapping-try-it')

  // Export, then import into the second connection.
  await page.getByRole('tab', { name: 'Imports' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export configuration' }).click()
  const exported = await download
  expect(exported.suggestedFilename()).toBe('northwind-okta.identity-studio.json')
  const text = readFileSync(await exported.path(), 'utf8')
  expect(JSON.parse(text)).toMatchObject({ version: 2, source: 'okta', imports: { userMatching: ['login', 'emailaddress'] } })

  await openConnection(page, 'Second Okta', 'Imports')
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import configuration…' }).click()
  await (await chooser).setFiles({ name: 'northwind-okta.identity-studio.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  const dialog = page.getByRole('dialog', { name: 'Import a configuration' })
  await expect(dialog.getByRole('list', { name: 'What importing changes' })).toContainText('User field mappings: 1 changed')
  await expect(dialog).toContainText('Imports: user matching fields emailaddress, login → login, emailaddress')
  await shoot(page, 'mapping-import-preview', { fullPage: false })
  await dialog.getByRole('button', { name: 'Use this configuration' }).click()
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()
  const second = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export configuration' }).click()
  expect(readFileSync(await (await second).path(), 'utf8')).toBe(text)

  // A file that is not a configuration is refused, saying why.
  const wrong = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import configuration…' }).click()
  await (await wrong).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
  await expect(page.getByRole('dialog', { name: 'Import a configuration' }).getByRole('alert')).toContainText('no version number')
  await page.keyboard.press('Escape')

  // Narrow window and dark mode.
  await page.setViewportSize({ width: 640, height: 900 })
  await page.getByRole('tab', { name: 'Field mappings' }).click()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'mapping-fields-narrow')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1440, height: 1000 })
  await shoot(page, 'mapping-fields-dark')
  expect(haloInstanceName).toBe('Northwind Halo')
})
