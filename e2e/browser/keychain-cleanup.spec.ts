/**
 * The e2e servers keep their secrets in the real keychain, under an e2e-only service, and leave none
 * behind: a keyring that grows with every run makes each later keychain write slower.
 */
import { expect, test } from '@playwright/test'
import { keychainService } from '../../src-main/runtime/workspace'
import { KeytarSecretStore } from '../../src-main/secrets/secret-store'
import { e2eKeychainService, StudioServer } from '../fixtures/studio-server'

test('a disposed demo workspace leaves no entry in the keychain, and none under the app’s own service', async () => {
  const studio = await StudioServer.onFreshDataDir({ demo: true })
  await studio.start()
  const accounts = studio.keychainAccounts()
  // The demo Halo's client secret, the demo Okta token and the demo Entra client secret at least.
  expect(accounts.length).toBeGreaterThanOrEqual(3)

  const e2eKeychain = new KeytarSecretStore(e2eKeychainService)
  const appKeychain = new KeytarSecretStore(keychainService)
  for (const account of accounts) {
    expect(await e2eKeychain.get(account), account).not.toBeNull()
    expect(await appKeychain.get(account), account).toBeNull()
  }

  await studio.dispose()
  for (const account of accounts) expect(await e2eKeychain.get(account), account).toBeNull()
})
