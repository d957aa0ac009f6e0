/**
 * Preview and sync in the browser against the sandboxes: a Halo user duplicated (a conflict) and a
 * guardrail of zero deactivations; "Import users" builds the preview — counts per action and site,
 * the virtualised table, filters, a row's field changes — the conflict is resolved by picking a
 * record, a rehearsal on a sandbox copy passes without touching Halo, the guardrail blocks the sync
 * until its number is typed, the sync runs with its progress to a finished report, and the Imports
 * tab and the Runs area list the run. Then, Halo stopped, a rebuild uses the cache (read again when
 * the sync finished: nothing left to create), says so, and cannot be synced. Screenshots go to
 * e2e/screenshots/ for review.
 */
import { readFileSync } from 'node:fs'
import { expect, test } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { mapEveryoneToSite } from '../fixtures/mapping-steps'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

test('a preview is inspected, a conflict resolved, the guardrail overridden, and the sync run to its report', async ({ openStudio, page, okta, haloSandbox }) => {
  test.setTimeout(180_000)
  // Two Halo users with one email: the person who has it is a conflict.
  const twin = haloSandbox.store.all('users').find((user) => typeof user.emailaddress === 'string' && user.inactive !== true && user.emailaddress.startsWith('a'))
  if (!twin) throw new Error('the demo Halo has no user to duplicate')
  haloSandbox.store.put('users', { ...twin, id: 90_001, okta_id: null, oktaid: null, azureoid: null, azure_id: null })

  await openStudio()
  await okta.connectAndFetch()
  await page.setViewportSize({ width: 1440, height: 1000 })

  // Everyone to Manchester; no deactivation allowed without an override.
  await mapEveryoneToSite(page, /^Manchester/)
  await page.getByRole('tab', { name: 'Imports' }).click()
  await expect(page.getByRole('button', { name: 'Import users' })).toBeDisabled()
  await page.getByRole('textbox', { name: 'At most this many deactivations' }).fill('0')
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()

  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('and Halo read just before.')).toBeVisible()
  const userCounts = page.getByRole('group', { name: 'User counts' })
  await expect(userCounts.getByRole('button', { name: /^Create: [1-9]/ })).toBeVisible()
  await expect(userCounts.getByRole('button', { name: /^Conflict: 1 users/ })).toBeVisible()
  await expect(page.getByRole('list', { name: 'People per site' })).toContainText('Manchester')
  await shoot(page, 'preview')

  // Updates only: a row's field changes, old → new.
  await userCounts.getByRole('button', { name: /^Update:/ }).click()
  const table = page.getByRole('table', { name: 'Preview rows' })
  await expect(table.getByRole('row').nth(1)).toContainText('Update')
  await table.getByRole('row').nth(1).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByRole('table', { name: 'Field changes' })).toBeVisible()
  await expect(drawer).toContainText('What changes')
  await shoot(page, 'preview-row', { fullPage: false })
  await page.keyboard.press('Escape')
  await userCounts.getByRole('button', { name: /^Update:/ }).click()

  // The conflict: pick the record that has the person's Okta id… none does, so the first of the two.
  await userCounts.getByRole('button', { name: /^Conflict:/ }).click()
  await expect(table.getByRole('row')).toHaveCount(2)
  await table.getByRole('row').nth(1).click()
  await expect(drawer).toContainText('2 Halo users match by emailaddress')
  await shoot(page, 'preview-conflict', { fullPage: false })
  await drawer.getByRole('button', { name: 'Use this record' }).first().click()
  await expect(drawer).toBeHidden()
  // The preview was rebuilt with the choice (and its filters start afresh).
  await expect(userCounts.getByRole('button', { name: /^Conflict: 0 users/ })).toBeVisible()

  // A rehearsal on a sandbox copy first: everything goes through there, and the real Halo is untouched.
  const usersBefore = JSON.stringify(haloSandbox.store.all('users'))
  const rehearsal = page.getByRole('region', { name: 'Rehearse on a sandbox first (optional)' })
  await rehearsal.getByRole('button', { name: 'Rehearse the sync' }).click()
  await expect(rehearsal.getByText('Rehearsal passed')).toBeVisible({ timeout: 60_000 })
  await expect(rehearsal).toContainText('Nothing was written to your Halo.')
  expect(JSON.stringify(haloSandbox.store.all('users'))).toBe(usersBefore)
  await shoot(page, 'preview-rehearsed', { fullPage: false })

  // The guardrail blocks until its exact number is typed.
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  await expect(sync.getByRole('alert')).toContainText('Blocked by the guardrail')
  const syncButton = sync.getByRole('button', { name: /^Sync \d/ })
  await expect(syncButton).toBeDisabled()
  const exactly = Number(/Exactly ([\d,]+)\./.exec((await sync.getByText(/^Exactly [\d,]+\.$/).textContent()) ?? '')?.[1]?.replace(/,/g, ''))
  await sync.getByRole('textbox', { name: 'Deactivations to allow' }).fill(String(exactly + 1))
  await expect(sync).toContainText(`Type ${exactly} to allow`)
  await expect(syncButton).toBeDisabled()
  await sync.getByRole('textbox', { name: 'Deactivations to allow' }).fill(String(exactly))
  await expect(syncButton).toBeEnabled()
  await shoot(page, 'preview-guardrail')
  await syncButton.click()
  const progress = page.getByRole('region', { name: 'Sync progress' })
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  await expect(progress).toContainText(/[1-9][\d,]* done · 0 failed/)
  await shoot(page, 'preview-synced')
  const download = page.waitForEvent('download')
  await progress.getByRole('button', { name: 'Report (CSV)' }).click()
  const report = readFileSync(await (await download).path(), 'utf8')
  expect(report.split('\n')[0]).toBe('Order,Phase,Record,Name,Action,Result,Halo id,Halo said / why,Attempts,Site mappings matched,Fields written')
  expect(report).toContain(',users,user:')

  // The synced preview is stale; the Imports tab lists the run.
  await expect(progress).toContainText('To sync again, rebuild the preview')
  await page.getByRole('link', { name: 'Northwind Okta', exact: true }).click()
  await page.getByRole('tab', { name: 'Imports' }).click()
  await expect(page.getByRole('table', { name: 'Recent syncs' })).toContainText('Completed')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click()
  const runs = page.getByRole('table', { name: 'Sync runs' })
  await expect(runs).toContainText('Northwind Okta')
  await expect(runs).toContainText(/Completed\s*\d[\d,]* done, 0 failed/)
  await shoot(page, 'runs')
  await runs.getByRole('link', { name: 'Northwind Okta' }).click()
  await page.getByRole('link', { name: 'Northwind Okta', exact: true }).click()
  await page.getByRole('tab', { name: 'Imports' }).click()

  // Halo gone: a rebuild compares with the cache, and says so.
  await haloSandbox.close()
  await page.getByRole('link', { name: 'Open it' }).click()
  await page.getByRole('button', { name: 'Rebuild', exact: true }).click()
  await expect(page.getByRole('alert', { name: 'From Halo’s cached state' })).toBeVisible({ timeout: 30_000 })
  // The cache was read again when the sync finished: nothing is left to create.
  await expect(page.getByRole('group', { name: 'User counts' }).getByRole('button', { name: /^Create: 0 users/ })).toBeVisible()
  // Nothing left to send: no rehearsal is offered.
  await expect(page.getByRole('region', { name: 'Rehearse on a sandbox first (optional)' })).toBeHidden()
  // Preview only: a sync needs Halo as it is now.
  await expect(page.getByRole('region', { name: 'Sync', exact: true })).toContainText('a sync needs a preview of Halo as it is now')
  await expect(page.getByRole('region', { name: 'Sync', exact: true }).getByRole('button', { name: /^Sync \d/ })).toBeDisabled()
  await shoot(page, 'preview-offline')
  await page.setViewportSize({ width: 640, height: 1000 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'preview-narrow')
})
