/**
 * Opens a real workspace for tests: a fresh data folder with a real SQLite file, and the real OS
 * keychain under a test-only service name (entries are removed when the workspace is disposed).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { KeytarSecretStore } from '../../src-main/secrets/secret-store'
import { createLogger } from '../../src-main/runtime/logger'
import { openWorkspace, type Workspace } from '../../src-main/runtime/workspace'
import type { HaloSandbox } from '../../src-main/sandbox/halo'
import type { OktaSandbox } from '../../src-main/sandbox/okta'

export const testKeychainService = 'Identity Studio for Halo (tests)'
export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const migrationsFolder = path.join(repoRoot, 'drizzle')

export function tempDir(prefix = 'studio-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TempWorkspace extends Workspace {
  dataDir: string
  opened: string[]
  logLines: string[]
  dispose(): Promise<void>
}

export function openTempWorkspace(options: { oktaTimeScale?: number } = {}): TempWorkspace {
  const dataDir = tempDir()
  const opened: string[] = []
  const logLines: string[] = []
  const workspace = openWorkspace({
    dataDir,
    mode: 'browser',
    version: '0.0.0-test',
    migrationsFolder,
    openUrl: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
    log: createLogger((line) => logLines.push(line)),
    keychain: new KeytarSecretStore(testKeychainService),
    ...options
  })
  return {
    ...workspace,
    dataDir,
    opened,
    logLines,
    dispose: async () => {
      for (const secret of await workspace.services.vault.list()) await workspace.services.vault.remove(secret.id)
      workspace.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Adds an on-premise Halo instance (nothing listens there) for tests that need one to bind connections to. */
export async function addTestHaloInstance(workspace: Workspace, name = 'Production Halo'): Promise<string> {
  const saved = await workspace.services.halo.save({
    name,
    baseUrl: 'https://halo.northwind.example',
    deployment: 'on-premise',
    tenant: null,
    authServerUrl: null,
    authMode: 'client_credentials',
    clientId: 'studio',
    clientSecret: 'halo-secret',
    scope: 'all',
    rateLimitRequests: 300,
    rateLimitWindowSeconds: 300
  })
  return saved.id
}

/** Adds a Halo sandbox as an instance (client credentials), allowed `rateLimit` requests per `windowSeconds`; answers its id. */
export async function addSandboxHaloInstance(workspace: Workspace, halo: HaloSandbox, limit: { requests: number; windowSeconds: number } = { requests: 300, windowSeconds: 300 }): Promise<string> {
  const saved = await workspace.services.halo.save({
    name: 'Demo Halo',
    baseUrl: halo.baseUrl,
    deployment: 'on-premise',
    tenant: null,
    authServerUrl: null,
    authMode: 'client_credentials',
    ...halo.credentials.clientCredentials,
    scope: 'all',
    rateLimitRequests: limit.requests,
    rateLimitWindowSeconds: limit.windowSeconds
  })
  return saved.id
}

/** Adds an Okta sandbox org as a connection (its super admin's API token) importing into `haloInstanceId`; answers its id. */
export async function addSandboxOktaConnection(workspace: Workspace, okta: OktaSandbox, haloInstanceId: string, name = 'Northwind Okta'): Promise<string> {
  const saved = await workspace.services.connections.saveOkta({ name, haloInstanceId, orgUrl: okta.orgUrl, authMode: 'api_token', apiToken: okta.credentials.apiToken, clientId: null, privateKey: null, keyId: null })
  return saved.id
}
