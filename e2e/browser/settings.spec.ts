/** Settings reports the keychain the server found (the test run provides one) and the data folder. */
import { expect, test } from '../fixtures/studio-test'

test('Settings shows the keychain as available, with no secrets stored', async ({ openStudio, studio, page }) => {
  await openStudio('/settings')
  const keychain = page.getByRole('region', { name: 'Keychain' })
  await expect(keychain.getByText('Available', { exact: true })).toBeVisible()
  await expect(keychain).toContainText('Secrets are kept in the')
  await expect(keychain.getByText('No secrets stored yet')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Data folder' })).toContainText(studio.dataDir)
})
