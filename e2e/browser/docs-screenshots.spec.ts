/**
 * The five-minute tour of docs/tour.md on the demo workspace, with its images saved to docs/images/
 * (README and docs; regenerate them by running this spec). Each step checks what its image shows:
 * the demo Halo tested, the demo Okta's credentials tested and directory fetched, a person tried
 * against the mappings, everyone mapped to one site, the preview built and synced, the run listed,
 * the SSO settings checked, the demo Entra ID tested, the workspace home's health of each connection,
 * and one screen in the dark theme.
 */
import type { Locator, Page } from '@playwright/test'
import { saveDocImage as shoot } from '../fixtures/doc-images'
import { mapEveryoneToSite } from '../fixtures/mapping-steps'
import { expect, test } from '../fixtures/studio-test'

const halo = 'Demo Halo (local sandbox)'
const okta = 'Demo Okta (local sandbox)'
const entra = 'Demo Entra ID (local sandbox)'
/** The demo Okta org's sign-in app, as docs/tour.md gives it (the sandbox's seed makes it the same everywhere). */
const demoSignInClientId = '0oap3l8ojw6Pp53jEzFS'

test.use({ studioOptions: { demo: true }, viewport: { width: 1280, height: 800 } })

async function openConnection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await page.getByRole('article', { name }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)')
}

/** Scrolls `heading` to the top of the window, just below the app's fixed header. */
async function scrollBelowHeader(heading: Locator): Promise<void> {
  const box = await heading.boundingBox()
  if (!box) throw new Error('the heading to scroll to is not on screen')
  await heading.page().evaluate(`window.scrollBy(0, ${Math.round(box.y) - 90})`)
}

test('the five-minute tour, with its screenshots for the docs', async ({ openStudio, page }) => {
  test.setTimeout(120_000)
  await page.emulateMedia({ colorScheme: 'light' })

  // Halo instances: the demo Halo, tested (its look-ups cached) and its users and agents read.
  await openStudio('/halo-instances')
  await page.getByRole('article', { name: halo }).getByRole('link', { name: halo }).click()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText('All 14 checks passed')).toBeVisible({ timeout: 20_000 })
  const lookups = page.getByRole('region', { name: 'Look-ups' })
  await lookups.getByRole('button', { name: 'Refresh' }).click()
  await expect(lookups).toContainText(/Fetched (just now|\d+ seconds? ago)/, { timeout: 20_000 })
  await scrollToTop(page)
  await shoot(page, 'halo-instance-tested')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Halo instances' }).click()
  const haloCard = page.getByRole('article', { name: halo })
  await expect(haloCard.getByText('Demo sandbox')).toBeVisible()
  await shoot(page, 'halo-instances')

  // The demo Okta: credentials tested, the directory fetched.
  await openConnection(page, okta)
  await page.getByRole('button', { name: 'Test credentials' }).click()
  await expect(page.getByText('All 4 checks passed')).toBeVisible({ timeout: 20_000 })
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const snapshot = page.getByRole('region', { name: 'Directory snapshot' })
  await expect(snapshot.getByRole('button', { name: 'Browse people and groups' })).toBeVisible({ timeout: 30_000 })
  await expect(snapshot.getByRole('list', { name: 'People by status' })).toContainText('Suspended')
  await shoot(page, 'okta-details')

  await snapshot.getByRole('button', { name: 'Browse people and groups' }).click()
  const directory = page.getByRole('region', { name: 'Directory' })
  await expect(directory.getByText('340 people', { exact: true })).toBeVisible()
  await expect(directory.getByRole('list', { name: 'People' }).getByRole('listitem').first()).not.toHaveAttribute('aria-busy', 'true')
  await shoot(page, 'okta-directory')

  // Site mappings: everyone to Manchester, saved.
  await mapEveryoneToSite(page, /^Manchester/)
  const siteMappings = page.getByRole('region', { name: 'Site mappings' })
  await expect(siteMappings).toContainText('Manchester')
  const saveBar = page.getByRole('region', { name: 'Unsaved changes' })
  await saveBar.getByRole('button', { name: 'Save' }).click()
  await expect(saveBar).toBeHidden()
  await shoot(page, 'site-mappings')

  // Field mappings, and Try it on a person: what the import would make of them.
  await page.getByRole('tab', { name: 'Field mappings' }).click()
  await expect(page.getByRole('table', { name: 'User mappings' }).getByRole('combobox', { name: 'Halo field, row 1', exact: true })).toHaveValue('Name')
  const tryIt = page.getByRole('region', { name: 'Try it on a person' })
  const person = tryIt.getByRole('combobox', { name: 'Person' })
  // The panel may render afresh while the search is typed (see mapping-design.spec.ts): type again until the option shows.
  await expect(async () => {
    await person.click()
    await person.fill('')
    await person.pressSequentially('Aisha Brown')
    await page.getByRole('option', { name: /Aisha Brown/ }).click({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  const outcome = tryIt.getByLabel(/^Outcome for /)
  await expect(outcome).toContainText('Halo user')
  await expect(outcome).toContainText('Manchester (Northwind Traders)')
  await expect(outcome.getByRole('row', { name: /^Name / })).toContainText('Aisha Brown')
  await scrollToTop(page)
  await shoot(page, 'field-mappings-try-it')

  // Imports: the preview of what a sync would do.
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  const userCounts = page.getByRole('group', { name: 'User counts' })
  await expect(userCounts.getByRole('button', { name: /^Create: [1-9]/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'People per site' })).toContainText('Manchester')
  await expect(page.getByRole('table', { name: 'Preview rows' }).getByRole('row').nth(1)).toBeVisible()
  await shoot(page, 'preview')

  // The sync, to its report.
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
  const progress = page.getByRole('region', { name: 'Sync progress' })
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  await expect(progress).toContainText(/[1-9][\d,]* done · 0 failed/)
  await scrollToTop(page)
  await shoot(page, 'sync-finished')

  // Runs: every sync of the workspace.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click()
  const runs = page.getByRole('table', { name: 'Sync runs' })
  await expect(runs).toContainText(okta)
  await expect(runs).toContainText(/Completed\s*\d[\d,]* done, 0 failed/)
  await shoot(page, 'runs')

  // SSO: the demo org's sign-in app, saved and checked.
  await openConnection(page, okta)
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByRole('switch', { name: 'Single sign-on with Okta' }).check()
  await form.getByRole('textbox', { name: 'Client ID' }).fill(demoSignInClientId)
  await form.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByRole('region', { name: 'Single sign-on settings' }).getByText('Saved', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Check settings' }).click()
  const checks = page.getByRole('list', { name: 'Single sign-on checks' }).getByRole('listitem')
  await expect(checks).toHaveCount(2)
  for (const check of await checks.all()) await expect(check).toHaveAttribute('data-ok', 'true')
  await expect(checks.filter({ hasText: 'Client ID' })).toContainText(demoSignInClientId)
  await scrollBelowHeader(page.getByRole('heading', { name: 'Check and test' }))
  await shoot(page, 'sso')

  // The demo Entra ID: tested, its secret's expiry read from Graph.
  await openConnection(page, entra)
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('region', { name: 'Connection details' }).getByRole('alert')).toContainText(/Client secret expires in \d+ days/)
  await shoot(page, 'entra-details')

  // The workspace home: each connection's health, the Entra secret's days left among them, and the run.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace home' }).click()
  await expect(page.getByRole('article', { name: entra }).getByRole('list', { name: `Health of ${entra}` })).toContainText(/The client secret expires in \d+ days/)
  await expect(page.getByRole('article', { name: okta }).getByRole('list', { name: `Health of ${okta}` })).toContainText('records done, none failed')
  await expect(page.getByRole('region', { name: 'Recent runs' })).toContainText(okta)
  await page.mouse.move(1, 400)
  await shoot(page, 'workspace-home')

  // Connections in the dark theme: both directories, each importing into the demo Halo.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  for (const name of [okta, entra]) await expect(page.getByRole('article', { name })).toContainText(`Imports into ${halo}`)
  await page.mouse.move(1, 400)
  await shoot(page, 'connections-dark')
})
