/**
 * The e2e servers keep their secrets in the real keychain, under an e2e-only service, and leave none
 * behind: a keyring that grows with every run makes each later keychain write slower.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { KeytarSecretStore } from '../../src-main/secrets/secret-store'
import { StudioServer } from '../fixtures/studio-server'

test('a disposed demo workspace leaves no entry in the keychain, and none under the app’s own service', async () => {
  const studio = await StudioServer.onFreshDataDir({ demo: true })
  await studio.start()
  const database = new Database(path.join(studio.dataDir, 'studio.db'), { readonly: true })
  const accounts = (database.prepare('SELECT keychain_account AS account FROM secret_ref').all() as { account: string }[]).map((row) => row.account)
  database.close()
  // The demo Halo's client secret, the demo Okta token and the demo Entra client secret at least.
  expect(accounts.length).toBeGreaterThanOrEqual(3)

  const e2eKeychain = new KeytarSecretStore('Identity Studio for Halo (e2e)')
  const appKeychain = new KeytarSecretStore('Identity Studio for Halo')
  for (const account of accounts) {
    expect(await e2eKeychain.get(account), account).not.toBeNull()
    expect(await appKeychain.get(account), account).toBeNull()
  }

  await studio.dispose()
  for (const account of accounts) expect(await e2eKeychain.get(account), account).toBeNull()
})
