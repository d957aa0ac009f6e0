/**
 * An Okta connection end to end against the Okta sandbox (and the Halo sandbox it imports into):
 * a wrong API token fails "Test credentials" with Okta's reason, the right one passes, the directory
 * is fetched with progress and its figures match the sandbox's truth, people are searched and
 * filtered by status and by group, and when Okta goes away the snapshot is still browsed. A help-desk
 * admin's token and service apps show what they may not read; a fetch can be cancelled.
 * Screenshots go to e2e/screenshots/ for review.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

// Big enough for the fetch to show its progress for a few seconds once latency is added.
test.use({ oktaSandboxOptions: { people: 1500 } })

const wrongToken = '00ThisIsNotTheTokenOktaIssuedForThisOrg1234'

test('a wrong token is refused, the right one fetches the directory, which is browsed online and offline', async ({ openStudio, page, oktaSandbox, okta }) => {
  // Many steps, each waiting on the app: about 50 s on a loaded 2-core machine.
  test.setTimeout(120_000)
  const truth = oktaSandbox.truth()
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection(okta.sandboxInput('Northwind Okta', wrongToken))

  // The wrong token: Okta's reason, and what to do about it; nothing else is checked.
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('Sign-in failed: nothing else could be checked')).toBeVisible()
  const checks = page.getByRole('list', { name: 'Credential checks' }).getByRole('listitem')
  await expect(checks.first()).toHaveAttribute('data-state', 'failed')
  await expect(checks.first()).toContainText('Okta refused the API token')
  await expect(checks.first()).toContainText('Security › API › Tokens')
  await expect(checks.filter({ hasText: 'Groups readable' })).toHaveAttribute('data-state', 'not-checked')
  await shoot(page, 'okta-wrong-token')

  // The right token, through Edit: the stored one is kept unless replaced.
  await page.getByRole('button', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Okta connection' })
  await expect(dialog.getByText('Stored in your keychain: leave empty to keep it')).toBeVisible()
  await okta.fill({ apiToken: oktaSandbox.credentials.apiToken })
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('All 4 checks passed')).toBeVisible()
  for (const check of await checks.all()) await expect(check).toHaveAttribute('data-ok', 'true')
  await expect(checks.first()).toContainText(`Acting as ${truth.superAdmin}`)
  await shoot(page, 'okta-details-checklist')

  // The fetch, slowed down so its progress shows: what is being read, how far, how long is left.
  oktaSandbox.settings.latencyMs = 150
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const snapshotCard = page.getByRole('region', { name: 'Directory snapshot' })
  await expect(snapshotCard.getByRole('progressbar', { name: 'Directory fetch' })).toBeVisible()
  await expect(snapshotCard.getByText(/^Reading people \([\d,]+ of [\d,]+\) and group members/)).toBeVisible()
  await expect(snapshotCard.getByText(/\d+% · (a few seconds|about \d+ seconds?) left/)).toBeVisible()
  await expect(snapshotCard.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await shoot(page, 'okta-fetch-progress')
  oktaSandbox.settings.latencyMs = 0

  // The figures are the sandbox's own.
  await expect(snapshotCard.getByRole('button', { name: 'Browse people and groups' })).toBeVisible({ timeout: 30_000 })
  await expect(figure(page, 'People')).toHaveText(truth.users.toLocaleString('en-US'))
  await expect(figure(page, 'Groups')).toHaveText(truth.groups.toLocaleString('en-US'))
  await expect(figure(page, 'Memberships')).toHaveText(truth.memberships.toLocaleString('en-US'))
  await expect(figure(page, 'Apps')).toHaveText(truth.apps.toLocaleString('en-US'))
  const byStatus = snapshotCard.getByRole('list', { name: 'People by status' }).getByRole('listitem')
  const statuses = Object.entries(truth.statusCounts).filter(([, count]) => count > 0)
  await expect(byStatus).toHaveCount(statuses.length)
  await expect(byStatus.filter({ hasText: 'Suspended' })).toHaveText(`Suspended · ${truth.statusCounts.SUSPENDED}`)
  await expect(byStatus.filter({ hasText: 'Locked out' })).toHaveText(`Locked out · ${truth.statusCounts.LOCKED_OUT}`)
  await expect(snapshotCard).toContainText(/Read with [\d,]+ requests in/)
  await shoot(page, 'okta-fetch-summary')

  // People: all of them, then a search, a status, a group.
  await snapshotCard.getByRole('button', { name: 'Browse people and groups' }).click()
  const directory = page.getByRole('region', { name: 'Directory' })
  const people = directory.getByRole('list', { name: 'People' }).getByRole('listitem')
  await expect(directory.getByText(`${truth.users.toLocaleString('en-US')} people`, { exact: true })).toBeVisible()
  await expect(directory).toContainText(/Snapshot from .+ \(just now\)/)
  await expect(people.first()).not.toHaveAttribute('aria-busy', 'true')
  await shoot(page, 'okta-people')

  await directory.getByLabel('Search people').fill('Østergaard')
  await expect(people).toHaveCount(1)
  await expect(people.first()).toContainText('Zoë-Małgorzata Ó Súilleabháin-Fernández de la Cruz Østergaard')
  await directory.getByLabel('Search people').fill('featherstonehaugh')
  await expect(people).toHaveCount(1)
  await expect(people.first()).toContainText('Maximilian-Alexander Featherstonehaugh-Montgomery-Wolfeschlegelstein')
  await directory.getByRole('button', { name: 'Clear filters' }).click()
  await expect(directory.getByLabel('Search people')).toHaveValue('')

  await directory.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: `Suspended (${truth.statusCounts.SUSPENDED})` }).click()
  await expect(directory.getByText(`${truth.statusCounts.SUSPENDED} of ${truth.users.toLocaleString('en-US')} people match`)).toBeVisible()
  // The list is virtualised: it renders the rows in view, and says how many there are.
  await expect(people.first()).toHaveAttribute('aria-setsize', String(truth.statusCounts.SUSPENDED))
  for (const person of await people.all()) await expect(person).toContainText('Suspended')
  await directory.getByRole('button', { name: 'Clear filters' }).click()

  // Groups: search, then a group's members shown in People.
  await directory.getByRole('tab', { name: /Groups/ }).click()
  const groups = directory.getByRole('list', { name: 'Groups' }).getByRole('listitem')
  await expect(directory.getByText(`${truth.groups} groups`, { exact: true })).toBeVisible()
  await shoot(page, 'okta-groups')
  await directory.getByLabel('Search groups').fill('department - finance')
  await expect(groups).toHaveText([/Department - Finance/])
  const showMembers = groups.first().getByRole('button', { name: /^Show the \d+ members of Department - Finance$/ })
  const members = Number(/Show the (\d+) members/.exec((await showMembers.getAttribute('aria-label')) ?? '')?.[1])
  expect(members).toBeGreaterThan(0)
  await showMembers.click()
  await expect(directory.getByRole('tab', { name: /People/ })).toHaveAttribute('aria-selected', 'true')
  await expect(directory.getByRole('combobox', { name: 'Group' })).toHaveValue('Department - Finance')
  await expect(directory.getByText(`${members} of ${truth.users.toLocaleString('en-US')} people match`)).toBeVisible()
  await expect(people.first()).toHaveAttribute('aria-setsize', String(members))
  for (const person of (await people.all()).slice(0, 5)) await expect(person).toContainText('Finance')

  // Okta goes away: the snapshot is read from this computer, after a reload too.
  await oktaSandbox.close()
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(directory.getByRole('tab', { name: /People/ })).toHaveAttribute('aria-selected', 'true')
  await directory.getByLabel('Search people').fill('østergaard')
  await expect(people).toHaveText([/Zoë-Małgorzata/])
  await directory.getByRole('tab', { name: /Groups/ }).click()
  await directory.getByLabel('Search groups').fill('department')
  await expect(groups.first()).toContainText('Department - ')
  await shoot(page, 'okta-offline-groups')

  // A fetch now fails, saying why, and the snapshot stays.
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(page.getByText(/The directory was not fetched\. The snapshot from .+ is kept\./)).toBeVisible({ timeout: 20_000 })
  await expect(figure(page, 'People')).toHaveText(truth.users.toLocaleString('en-US'))

  // The list and the home dashboard know about the connection and its snapshot.
  await page.getByRole('link', { name: 'Connections', exact: true }).first().click()
  const card = page.getByRole('article', { name: 'Northwind Okta' })
  await expect(card).toContainText(oktaSandbox.orgUrl)
  await expect(card).toContainText('Imports into Northwind Halo')
  await expect(card).toContainText('API token in keychain')
  await expect(card).toContainText('Credentials OK')
  await expect(card).toContainText(`${truth.users.toLocaleString('en-US')} people · ${truth.groups} groups`)
  await shoot(page, 'okta-list')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace home' }).click()
  const health = page.getByRole('article', { name: 'Northwind Okta' }).getByRole('list', { name: 'Health of Northwind Okta' })
  await expect(health.locator('[data-level="ok"]').filter({ hasText: 'Credentials' })).toBeVisible()
  await expect(health).toContainText(`${truth.users.toLocaleString('en')} people and ${truth.groups} groups, fetched`)
  await expect(page.getByRole('region', { name: 'This workspace' })).toContainText('1 connection')

  // The connection's pages in dark, and in a narrow window.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await card.getByRole('link', { name: 'Northwind Okta' }).click()
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await shoot(page, 'okta-details-dark')
  await page.getByRole('tab', { name: 'Directory' }).click()
  await directory.getByLabel('Search people').fill('de la cruz')
  await expect(people).toHaveCount(1)
  await shoot(page, 'okta-people-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 640, height: 900 })
  await directory.getByLabel('Search people').fill('featherstonehaugh')
  await expect(people).toHaveCount(1)
  await expectNoSidewaysScroll(page)
  await shoot(page, 'okta-people-narrow')
  await page.getByRole('tab', { name: 'Details' }).click()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'okta-details-narrow')
})

test("a help-desk admin's token may read users but not groups or apps", async ({ openStudio, page, oktaSandbox, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection(okta.sandboxInput('Help desk token', oktaSandbox.credentials.readOnlyToken))
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('2 of 4 checks failed')).toBeVisible()
  const checks = page.getByRole('list', { name: 'Credential checks' }).getByRole('listitem')
  await expect(checks.filter({ hasText: 'Token accepted' })).toHaveAttribute('data-state', 'passed')
  await expect(checks.filter({ hasText: 'Users readable' })).toHaveAttribute('data-state', 'passed')
  for (const what of ['groups', 'apps']) {
    const check = checks.filter({ hasText: `${what[0]?.toUpperCase()}${what.slice(1)} readable` })
    await expect(check).toHaveAttribute('data-state', 'failed')
    await expect(check).toContainText(`may not read ${what}`)
    await expect(check).toContainText('Read-only Admin')
  }
  await shoot(page, 'okta-read-only-token')
})

test('a service app signs in with its private key; one without the groups scope says which scope to grant', async ({ openStudio, page, oktaSandbox, okta }) => {
  const { serviceApp, limitedServiceApp } = oktaSandbox.credentials
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection({
    name: 'Okta service app',
    orgUrl: oktaSandbox.orgUrl,
    signIn: 'OAuth service app',
    clientId: serviceApp.clientId,
    privateKey: serviceApp.privateKeyPem,
    keyId: serviceApp.keyId
  })
  const details = page.getByRole('region', { name: 'Connection details' })
  await expect(details).toContainText('OAuth service app')
  await expect(details).toContainText(serviceApp.clientId)
  await expect(details).toContainText('Private key in keychain')
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('All 4 checks passed')).toBeVisible()
  const checks = page.getByRole('list', { name: 'Credential checks' }).getByRole('listitem')
  await expect(checks.first()).toContainText('Service app signed in')

  // The limited app, its key given as the JWK Okta generates (it carries its own key ID).
  await page.getByRole('button', { name: 'Edit' }).click()
  await okta.fill({ clientId: limitedServiceApp.clientId, privateKey: JSON.stringify(limitedServiceApp.privateJwk), keyId: '' })
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('2 of 4 checks failed')).toBeVisible()
  await expect(checks.filter({ hasText: 'Groups readable' })).toContainText('was not granted the scope okta.groups.read')
  await expect(checks.filter({ hasText: 'Groups readable' })).toContainText('Okta API Scopes')
  await shoot(page, 'okta-limited-service-app')
})

test('a fetch can be cancelled, and then keeps nothing', async ({ openStudio, page, oktaSandbox, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection(okta.sandboxInput('Northwind Okta'))
  oktaSandbox.settings.latencyMs = 1000
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const snapshotCard = page.getByRole('region', { name: 'Directory snapshot' })
  await expect(snapshotCard.getByRole('progressbar', { name: 'Directory fetch' })).toBeVisible()
  await snapshotCard.getByRole('button', { name: 'Cancel' }).click()
  await expect(snapshotCard.getByText('Fetch cancelled')).toBeVisible()
  await expect(snapshotCard.getByText('No snapshot was kept.')).toBeVisible()
  await expect(snapshotCard.getByRole('progressbar')).toBeHidden()
  await page.getByRole('tab', { name: 'Directory' }).click()
  await expect(page.getByText('No snapshot yet')).toBeVisible()
})

/** A figure of the snapshot summary ("People", "Groups", …). */
function figure(page: Page, label: string): ReturnType<Page['locator']> {
  return page.locator(`dl[aria-label="Snapshot figures"] div:has(> dt:text-is("${label}")) > dd`)
}
