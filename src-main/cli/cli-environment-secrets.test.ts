/**
 * `halo-identity` on a machine with no OS keychain (the D-Bus session address points nowhere): the
 * Halo client secret and the Okta token come from environment variables, `secrets` lists their
 * names, a missing one is said with the way out, and nothing given in the environment is written to
 * the workspace. With a keychain, a variable that is set wins over it.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliRun } from '../../test/helpers/run-cli'
import { addSandboxHaloInstance, addSandboxOktaConnection, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'

let halo: HaloSandbox
let okta: OktaSandbox
let workspace: TempWorkspace

const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/identity-studio-cli-bus' }
const haloVariable = 'HALO_IDENTITY_HALO_SECRET_DEMO_HALO'
const oktaVariable = 'HALO_IDENTITY_CONNECTION_SECRET_NORTHWIND_OKTA'

beforeAll(async () => {
  halo = await startHaloSandbox({ latencyMs: 0 })
  okta = await startOktaSandbox({ people: 40 })
  workspace = openTempWorkspace()
  const instanceId = await addSandboxHaloInstance(workspace, halo)
  await addSandboxOktaConnection(workspace, okta, instanceId)
}, 60_000)

afterAll(async () => {
  await workspace.dispose()
  await okta.close()
  await halo.close()
})

const run = (args: string[], env: Record<string, string>): Promise<CliRun> => runCli(workspace.dataDir, args, { env })

describe('secrets from environment variables', () => {
  it('lists the variables, and where each secret comes from, with no keychain', async () => {
    const listed = await run(['secrets'], { ...noKeychain, [haloVariable]: halo.credentials.clientCredentials.clientSecret })
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.stdout).toMatch(/^No keychain: No usable OS keychain/)
    expect(listed.stdout).toMatch(new RegExp(`${haloVariable} +Halo instance "Demo Halo": client secret \\(environment\\)`))
    expect(listed.stdout).toMatch(new RegExp(`${oktaVariable} +connection "Northwind Okta": Okta API token \\(not set\\)`))
    const json = JSON.parse((await run(['secrets', '--json'], {})).stdout) as { keychain: { available: boolean }; secrets: { variable: string; from: string }[] }
    expect(json.keychain.available).toBe(true)
    expect(json.secrets).toEqual([expect.objectContaining({ variable: haloVariable, from: 'keychain' }), expect.objectContaining({ variable: oktaVariable, from: 'keychain' })])
  }, 60_000)

  it('says which secret is missing and how to give it', async () => {
    const missing = await run(['preview', '--connection', 'Northwind Okta'], { ...noKeychain, [haloVariable]: halo.credentials.clientCredentials.clientSecret })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No API token is stored for Northwind Okta.')
    expect(missing.stderr).toContain('Where there is no keychain, give it in an environment variable instead: halo-identity secrets lists their names.')
  }, 60_000)

  it('previews from the environment alone, and writes none of it to the workspace', async () => {
    const env = { ...noKeychain, [haloVariable]: halo.credentials.clientCredentials.clientSecret, [oktaVariable]: okta.credentials.apiToken }
    const previewed = await run(['preview', '--connection', 'Northwind Okta', '--json'], env)
    expect(previewed.code, previewed.stderr).toBe(0)
    expect(JSON.parse(previewed.stdout)).toMatchObject({ exitCode: 0, summary: { users: { create: expect.any(Number) as number } } })
    workspace.database.sqlite.pragma('wal_checkpoint(FULL)')
    const file = path.join(workspace.dataDir, 'studio.db')
    for (const part of [file, `${file}-wal`].filter((each) => existsSync(each))) {
      const bytes = readFileSync(part)
      expect(bytes.includes(Buffer.from(okta.credentials.apiToken))).toBe(false)
      expect(bytes.includes(Buffer.from(halo.credentials.clientCredentials.clientSecret))).toBe(false)
    }
  }, 120_000)

  it('uses a variable that is set instead of the keychain', async () => {
    const wrong = await run(['preview', '--connection', 'Northwind Okta'], { [oktaVariable]: 'not-the-token' })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('Okta refused the API token (E0000011 Invalid token provided).')
  }, 60_000)
})
