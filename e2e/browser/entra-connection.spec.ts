/**
 * An Entra ID connection in the browser against the Entra and Halo sandboxes: the form refuses
 * what Azure would (each error under its field, nothing saved); a saved connection's Details tab
 * shows the redirect URIs to register with copy buttons, "Test connection" passes every check and
 * reads the secret's expiry from Graph — inside 30 days, so the warning shows there and on the list;
 * the directory is fetched with its Intune devices, browsed (people, then devices, searched), then
 * fetched again after a 1 % change as a delta read; a
 * preview and sync put its people into the Halo sandbox; after a 1 % change a delta fetch and a sync
 * with only the changes to do; with Entra gone the snapshot is still browsed. A second test reads as a signed-in admin:
 * "Authorize" in the (stand-in) system browser with the sandbox's automatic sign-in, then a test and
 * a fetch with the admin's rights, its Devices list saying how to turn devices on. Screenshots go to e2e/screenshots/ for review.
 */
import { expect, test } from '../fixtures/entra-test'
import { openAddConnection } from '../fixtures/add-connection'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { mapEveryoneToSite } from '../fixtures/mapping-steps'
import { saveScreenshot as shoot } from '../fixtures/screenshots'
import { hasXdgOpen, recordingBrowser } from '../fixtures/system-browser'

test('an Entra connection is checked, tested, fetched with delta, and synced into Halo', async ({ openStudio, page, okta, entra, entraSandbox, haloSandbox }) => {
  test.setTimeout(180_000)
  await openStudio()
  await okta.addHaloInstance()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText(/All \d+ checks passed/)).toBeVisible()
  await page.setViewportSize({ width: 1440, height: 1100 })

  // What Azure would refuse is refused here, under its field.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await openAddConnection(page, 'Entra ID')
  const dialog = page.getByRole('dialog', { name: 'Add Entra ID connection' })
  await entra.fill({ name: 'Northwind Entra ID', tenantId: 'common', clientId: '1234', clientSecret: '0f8fad5b-d9cb-469f-a165-70867728950e', host: 'http://login.example.com' })
  await dialog.getByRole('button', { name: 'Add connection' }).click()
  await expect(dialog.getByText('"common" is not one tenant')).toBeVisible()
  await expect(dialog.getByText('The Application (client) ID is a GUID')).toBeVisible()
  await expect(dialog.getByText("This looks like the secret's ID: paste its Value instead")).toBeVisible()
  await expect(dialog.getByText('The login address must use https')).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Directory (tenant) ID' })).toBeFocused()
  await shoot(page, 'entra-form-errors')
  await entra.fill(entra.sandboxInput('Northwind Entra ID'))
  const devicesSwitch = dialog.getByRole('switch', { name: "Read Intune's managed devices" })
  await expect(devicesSwitch).not.toBeChecked()
  await devicesSwitch.check()
  await devicesSwitch.scrollIntoViewIfNeeded()
  await shoot(page, 'entra-form-devices', { fullPage: false })
  await dialog.getByRole('button', { name: 'Add connection' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Entra ID' })).toBeVisible()

  // Details: settings, the redirect URIs to register, the test.
  const details = page.getByRole('region', { name: 'Connection details' })
  await expect(details).toContainText(entraSandbox.tenantId)
  await expect(details).toContainText('Client secret in keychain')
  await expect(details).toContainText('Unknown: enter it in Edit')
  await expect(details).toContainText('On: Intune devices are read with the directory')
  const uris = page.getByRole('list', { name: 'Redirect URIs' })
  await expect(uris).toContainText(`${haloSandbox.baseUrl}/auth/account/azureresponse`)
  await expect(uris).toContainText(`${haloSandbox.baseUrl}/portal/auth/account/azureresponse`)
  await expect(uris.getByRole('button', { name: 'Copy Agent single sign-on redirect URI' })).toBeVisible()
  await expect(uris).not.toContainText('http://localhost/identity-studio')
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText('All 7 checks passed')).toBeVisible({ timeout: 30_000 })
  const checks = page.getByRole('list', { name: 'Connection checks' })
  await expect(checks.locator('[data-check="permission:GroupMember.Read.All"]')).toHaveAttribute('data-state', 'passed')
  await expect(checks.locator('[data-check="permission:DeviceManagementManagedDevices.Read.All"]')).toHaveAttribute('data-state', 'passed')
  await expect(checks.locator('[data-check="secret-expiry"]')).toContainText(/in 2[45] days/)
  await expect(details.getByRole('alert')).toContainText(/Client secret expires in 2[45] days/)
  await expect(details).toContainText('(read from Graph)')
  await shoot(page, 'entra-details-tested')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await shoot(page, 'entra-details-tested-dark')
  await page.getByRole('button', { name: 'Switch to light theme' }).click()

  // Fetch, browse, then only the changes.
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  const snapshot = page.getByRole('region', { name: 'Directory snapshot' })
  await expect(snapshot).toContainText('Everything was read', { timeout: 30_000 })
  await expect(snapshot.getByRole('list', { name: 'People by status' })).toContainText('Disabled')
  await expect(snapshot).toContainText('The next fetch reads only what changed since the last one.')
  const devices = entraSandbox.tenant.devices
  await expect(snapshot.getByLabel('Snapshot figures')).toContainText(`Devices${devices.length.toLocaleString('en-US')}`)
  await snapshot.getByRole('button', { name: 'Browse people and groups' }).click()
  const directory = page.getByRole('region', { name: 'Directory' })
  await expect(directory.getByText(`${entraSandbox.tenant.users.size.toLocaleString('en-US')} people`, { exact: true })).toBeVisible()
  await expect(directory.getByRole('list', { name: 'People' }).getByRole('listitem').first()).toContainText('@')
  await shoot(page, 'entra-people')
  await directory.getByRole('tab', { name: /^Devices/ }).click()
  await expect(directory.getByText(`${devices.length.toLocaleString('en-US')} devices`, { exact: true })).toBeVisible()
  const deviceList = directory.getByRole('list', { name: 'Devices' })
  await expect(deviceList.getByRole('listitem').first()).toContainText(/Compliant|Not compliant/)
  const [first] = [...devices].sort((a, b) => a.deviceName.localeCompare(b.deviceName))
  await expect(deviceList.locator(`[data-device="${first?.id ?? ''}"]`)).toContainText(first?.userPrincipalName ?? '')
  // A device Intune finds not compliant, by its serial number.
  const device = devices.find((each) => each.complianceState === 'noncompliant')
  if (!device) throw new Error('the sandbox tenant has no device that is not compliant')
  const search = directory.getByRole('searchbox', { name: 'Search devices' })
  await search.fill(device.serialNumber.toLowerCase())
  await expect(directory.getByText(`1 of ${devices.length.toLocaleString('en-US')} devices match “${device.serialNumber.toLowerCase()}”`)).toBeVisible()
  await expect(deviceList.getByRole('listitem')).toHaveCount(1)
  await expect(deviceList).toContainText(device.deviceName)
  await expect(deviceList).toContainText(`Serial ${device.serialNumber}`)
  await expect(deviceList).toContainText('Not compliant')
  await shoot(page, 'entra-devices-search')
  await search.fill('')
  await expect(directory.getByText(`${devices.length.toLocaleString('en-US')} devices`, { exact: true })).toBeVisible()
  await shoot(page, 'entra-devices')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await shoot(page, 'entra-devices-dark')
  await page.getByRole('button', { name: 'Switch to light theme' }).click()
  await page.getByRole('tab', { name: 'Details' }).click()
  entraSandbox.mutate(0.01)
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(snapshot).toContainText('Only the changes since the last fetch were read', { timeout: 30_000 })
  await shoot(page, 'entra-delta-fetched')

  // The list shows the secret's warning too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  const card = page.getByRole('article', { name: 'Northwind Entra ID' })
  await expect(card).toContainText(`Tenant ${entraSandbox.tenantId}`)
  await expect(card.locator('[data-secret-expiry="soon"]')).toContainText(/Client secret expires in 2[45] days/)
  await shoot(page, 'entra-connection-list')

  // Preview and sync, exactly as for Okta: everyone to Manchester.
  await card.getByRole('link', { name: 'Northwind Entra ID' }).click()
  await mapEveryoneToSite(page, /^Manchester/)
  await page.getByRole('tab', { name: 'Imports' }).click()
  await expect(page.getByRole('region', { name: 'Active accounts' })).toBeVisible()
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  const userCounts = page.getByRole('group', { name: 'User counts' })
  await expect(userCounts.getByRole('button', { name: /^Create: [1-9]/ })).toBeVisible()
  const sync = page.getByRole('region', { name: 'Sync', exact: true })
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
  const progress = page.getByRole('region', { name: 'Sync progress' })
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  await expect(progress).toContainText(/[1-9][\d,]* done · 0 failed/)
  await shoot(page, 'entra-synced')
  const inManchester = haloSandbox.store.all('users').filter((user) => typeof user.azureoid === 'string' && entraSandbox.tenant.users.has(user.azureoid) && user.site_id === 2)
  expect(inManchester.length).toBeGreaterThan(200)

  // A day later: 1 % of the tenant changed. Only the changes are read, and the next sync has only them to do.
  const changed = entraSandbox.mutate(0.01)
  const changes = changed.updated.length + changed.disabled.length + changed.removed.length + changed.added.length
  await page.getByRole('link', { name: 'Northwind Entra ID', exact: true }).click()
  await expect(page.getByRole('region', { name: 'Delta queries' }).getByRole('button', { name: 'Reset delta' })).toBeVisible()
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByRole('button', { name: 'Fetch directory' }).click()
  await expect(snapshot).toContainText('Only the changes since the last fetch were read', { timeout: 30_000 })
  await page.getByRole('tab', { name: 'Imports' }).click()
  await page.getByRole('button', { name: 'Import users' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: users' })).toBeVisible({ timeout: 30_000 })
  // Each count button reads its number, then its action ("3Update").
  const planned = async (action: string): Promise<number> => Number(/^([\d,]+)/.exec((await userCounts.getByRole('button', { name: new RegExp(`^${action}:`) }).textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? NaN)
  const todo = (await planned('Create')) + (await planned('Update')) + (await planned('Deactivate'))
  expect(todo).toBeGreaterThan(0)
  expect(todo).toBeLessThanOrEqual(changes)
  await sync.getByRole('button', { name: /^Sync \d/ }).click()
  await expect(progress).toContainText('Sync finished', { timeout: 60_000 })
  await shoot(page, 'entra-delta-synced')

  // Entra gone: the snapshot is still browsed.
  await entraSandbox.close()
  await page.getByRole('link', { name: 'Northwind Entra ID', exact: true }).click()
  await page.getByRole('tab', { name: 'Directory' }).click()
  await expect(directory.getByText(`${entraSandbox.tenant.users.size.toLocaleString('en-US')} people`, { exact: true })).toBeVisible()
  await page.setViewportSize({ width: 640, height: 1000 })
  await expectNoSidewaysScroll(page)
  await directory.getByRole('tab', { name: /^Devices/ }).click()
  await expect(directory.getByRole('list', { name: 'Devices' }).getByRole('listitem').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'entra-devices-narrow')
})

const systemBrowser = recordingBrowser()

test.describe('read as a signed-in admin', () => {
  test.skip(!hasXdgOpen(), 'The stand-in system browser needs xdg-open (Linux).')
  test.use({ studioOptions: { env: systemBrowser.env } })

  test('is authorized in the browser, then tests and fetches with the admin’s rights', async ({ openStudio, page, context, okta, entra, entraSandbox }) => {
    test.setTimeout(120_000)
    await openStudio()
    await okta.addHaloInstance()
    await entra.addConnection({ ...entra.sandboxInput('Northwind (delegated)'), readsAs: 'A signed-in admin' })
    const details = page.getByRole('region', { name: 'Connection details' })
    await expect(details).toContainText('Not authorized yet')
    await expect(page.getByRole('list', { name: 'Redirect URIs' })).toContainText('http://localhost/identity-studio')

    const admin = [...entraSandbox.tenant.users.values()].find((user) => user.userType === 'Member' && user.accountEnabled)
    entraSandbox.setAutoSignIn(admin?.userPrincipalName ?? null)
    await details.getByRole('button', { name: 'Authorize', exact: true }).click()
    await expect(details.getByRole('status')).toContainText('Waiting for you to sign in')
    const browser = await context.newPage()
    await browser.goto(await systemBrowser.nextOpenedUrl())
    await expect(browser.getByRole('heading', { level: 1 })).toContainText('Signed in to')
    await browser.close()
    await expect(details).toContainText(`Authorized by ${admin?.userPrincipalName ?? ''}`)
    await expect(details.getByRole('button', { name: 'Authorize again' })).toBeVisible()

    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect(page.getByText('All 4 checks passed')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('list', { name: 'Connection checks' })).toContainText(`as ${admin?.userPrincipalName ?? ''}`)
    await page.getByRole('button', { name: 'Fetch directory' }).click()
    await expect(page.getByRole('region', { name: 'Directory snapshot' })).toContainText('Everything was read', { timeout: 30_000 })
    await shoot(page, 'entra-delegated-authorized')
    await page.getByRole('tab', { name: 'Directory' }).click()
    await page.getByRole('region', { name: 'Directory' }).getByRole('tab', { name: 'Devices' }).click()
    await expect(page.getByText('Devices are not read for this connection')).toBeVisible()
    await expect(page.getByText(/turn on “Read Intune's managed devices” with Edit on the Details tab/)).toBeVisible()
    await shoot(page, 'entra-devices-off')
  })
})
