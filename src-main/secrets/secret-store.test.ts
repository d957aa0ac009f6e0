/**
 * The real OS keychain (Secret Service via gnome-keyring under dbus-run-session on CI): values
 * round-trip through it, and the workspace database never holds a secret's bytes.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from './secret-store'
import { openTempWorkspace, testKeychainService, type TempWorkspace } from '../../test/helpers/temp-workspace'

const store = new KeytarSecretStore(testKeychainService)
const account = `secret-store-test/${randomBytes(6).toString('hex')}`

describe('KeytarSecretStore against the OS keychain', () => {
  afterAll(async () => {
    await store.delete(account)
  })

  it('reports the keychain as available', async () => {
    const status = await store.status()
    expect(status, status.message).toMatchObject({ available: true })
  })

  it('sets, gets, replaces and deletes a secret', async () => {
    expect(await store.get(account)).toBeNull()
    await store.set(account, 'first value')
    expect(await store.get(account)).toBe('first value')
    await store.set(account, 'second välue ✓')
    expect(await store.get(account)).toBe('second välue ✓')
    expect(await store.delete(account)).toBe(true)
    expect(await store.get(account)).toBeNull()
    expect(await store.delete(account)).toBe(false)
  })

  it('keeps answering while another process writes and deletes entries of the same service', async () => {
    // Another workspace (or an e2e worker) churning entries once crashed this process in libsecret.
    const churn = spawn(
      process.execPath,
      ['-e', `const k=require('keytar');const s=${JSON.stringify(testKeychainService)};(async()=>{for(let i=0;i<150;i++){await k.setPassword(s,'churn',String(i));await k.deletePassword(s,'churn')}})()`],
      { cwd: process.cwd(), stdio: 'ignore' }
    )
    const finished = new Promise<number | null>((resolve) => churn.once('exit', (code) => resolve(code)))
    let answers = 0
    while (churn.exitCode === null) {
      const [status] = await Promise.all([store.status(), store.get(account), store.status()])
      expect(status.available).toBe(true)
      answers += 1
    }
    expect(await finished).toBe(0)
    expect(answers).toBeGreaterThan(5)
  }, 60_000)
})

describe('SecretVault keeps values out of SQLite', () => {
  let workspace: TempWorkspace
  beforeAll(() => {
    workspace = openTempWorkspace()
  })
  afterAll(async () => {
    await workspace.dispose()
  })

  it('stores the value in the keychain and only a reference in the database', async () => {
    const value = `halo-client-secret-${randomBytes(16).toString('hex')}`
    const summary = await workspace.services.vault.put({
      id: 'halo:demo:client-secret',
      label: 'Halo demo client secret',
      value,
      expiresAt: '2027-06-30T00:00:00.000Z'
    })
    expect(summary).toMatchObject({ isSet: true, expiresAt: '2027-06-30T00:00:00.000Z' })
    expect(await workspace.services.vault.reveal('halo:demo:client-secret')).toBe(value)

    const status = await workspace.dispatch('secrets:status', {})
    expect(JSON.stringify(status)).not.toContain(value)
    expect(status).toMatchObject({ ok: true, value: { secrets: [{ id: 'halo:demo:client-secret', isSet: true }] } })

    workspace.database.sqlite.pragma('wal_checkpoint(FULL)')
    const file = workspace.services.about.databaseFile
    for (const part of [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(part)
      expect(bytes.includes(Buffer.from(value, 'utf8'))).toBe(false)
      expect(bytes.includes(Buffer.from(value, 'utf16le'))).toBe(false)
    }
    expect(workspace.logLines.join('\n')).not.toContain(value)
  })

  it('removes both the keychain entry and the reference', async () => {
    await workspace.services.vault.put({ id: 'okta:token', label: 'Okta API token', value: 'ssws-value' })
    expect(await workspace.services.vault.remove('okta:token')).toBe(true)
    expect(await workspace.services.vault.reveal('okta:token')).toBeNull()
    expect((await workspace.services.vault.list()).map((s) => s.id)).not.toContain('okta:token')
  })

  it('refuses an empty secret', async () => {
    await expect(workspace.services.vault.put({ id: 'x', label: 'Empty', value: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
