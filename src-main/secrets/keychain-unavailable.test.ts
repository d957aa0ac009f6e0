/**
 * With no reachable keychain (the D-Bus session address points nowhere, as on a server without a
 * desktop session), the app says so in plain words and refuses to store a secret: no plaintext
 * fallback, and nothing written to the database. This file runs in its own process (vitest forks).
 */
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appInfoSchema } from '../../src-shared/contract'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'

process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/identity-studio-test-bus'

let workspace: TempWorkspace
beforeAll(() => {
  workspace = openTempWorkspace()
})
afterAll(async () => {
  await workspace.dispose()
})

describe.runIf(process.platform === 'linux')('without a keychain', () => {
  it('reports the keychain as unavailable with a clear reason', async () => {
    const result = await workspace.dispatch('app:info', {})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { keychain } = appInfoSchema.parse(result.value)
    expect(keychain.available).toBe(false)
    expect(keychain.message).toMatch(/No usable OS keychain/)
    expect(keychain.message).toMatch(/never stored in plain text/)
  })

  it('refuses to store a secret and writes nothing', async () => {
    const value = 'would-be-plaintext-secret-4242'
    await expect(workspace.services.vault.put({ id: 'halo:x', label: 'Halo secret', value })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE'
    })
    expect(workspace.database.sqlite.prepare('SELECT count(*) FROM secret_ref').pluck().get()).toBe(0)
    workspace.database.sqlite.pragma('wal_checkpoint(FULL)')
    const file = workspace.services.about.databaseFile
    for (const part of [file, `${file}-wal`].filter((f) => existsSync(f))) {
      expect(readFileSync(part).includes(Buffer.from(value))).toBe(false)
    }
  })

  it('lists stored secrets as not set rather than failing', async () => {
    const result = await workspace.dispatch('secrets:status', {})
    expect(result).toMatchObject({ ok: true, value: { keychain: { available: false }, secrets: [] } })
  })
})
