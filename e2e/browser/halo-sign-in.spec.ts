/**
 * An authorization-code (+ PKCE) Halo instance signs in through the system browser: the app waits
 * while the admin approves on Halo's page (here a Playwright page stands in for the system browser,
 * see fixtures/system-browser.ts), then shows it signed in, tests it, and signs out again.
 */
import { expect, test } from '../fixtures/halo-test'
import { saveScreenshot as shoot } from '../fixtures/screenshots'
import { hasXdgOpen, recordingBrowser } from '../fixtures/system-browser'

const systemBrowser = recordingBrowser()

test.skip(!hasXdgOpen(), 'The stand-in system browser needs xdg-open (Linux).')
test.use({ studioOptions: { env: systemBrowser.env } })

test('signs in with Halo in the browser, tests the connection, and signs out', async ({ openStudio, page, context, haloSandbox, haloForm }) => {
  await openStudio('/halo-instances')
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  await haloForm.fill({
    ...haloForm.sandboxInput('Halo, signed in as me'),
    signIn: 'Authorization code + PKCE',
    clientId: haloSandbox.credentials.authorizationCode.clientId,
    clientSecret: undefined
  })
  await expect(page.getByRole('dialog').getByLabel('Client secret')).toBeHidden()
  await page.getByRole('dialog').getByRole('button', { name: 'Add instance' }).click()

  const details = page.getByRole('region', { name: 'Connection details' })
  await expect(details.getByText('Not signed in')).toBeVisible()

  // Changing one's mind: cancelling stops the wait at once, with no error shown.
  await details.getByRole('button', { name: 'Sign in with Halo' }).click()
  await systemBrowser.nextOpenedUrl()
  await details.getByRole('button', { name: 'Cancel sign-in' }).click()
  await expect(details.getByRole('button', { name: 'Sign in with Halo' })).toBeEnabled()
  await expect(details.getByRole('status')).toBeHidden()
  await expect(details.getByText('Signing in did not work')).toBeHidden()

  await details.getByRole('button', { name: 'Sign in with Halo' }).click()
  await expect(details.getByRole('status')).toContainText('Waiting for you to sign in')
  await shoot(page, 'halo-sign-in-waiting')

  const halo = await context.newPage()
  await halo.goto(await systemBrowser.nextOpenedUrl())
  await halo.getByRole('button', { name: 'Approve' }).click()
  await expect(halo.getByRole('heading', { level: 1 })).toContainText('Signed in to')
  await halo.close()

  await expect(details.getByText('Signed in', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByText('All 14 checks passed')).toBeVisible()

  await details.getByRole('button', { name: 'Sign out' }).click()
  await expect(details.getByText('Not signed in')).toBeVisible()
  await expect(details.getByRole('button', { name: 'Sign in with Halo' })).toBeVisible()
})
