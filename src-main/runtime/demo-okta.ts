/**
 * The demo workspace's Okta: next to the demo Halo, the Okta sandbox (the same company, seeded the
 * same way) runs in-process and a connection "Demo Okta (local sandbox)" reads it, so the whole flow
 * (test credentials, fetch, mappings, preview) can be tried without a real Okta. Added once; a
 * deleted demo connection is not added again. Data is kept in the data folder's demo/ folder.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { startOktaSandbox, type OktaSandbox } from '../sandbox/okta'
import { startOnRememberedPort } from './demo-halo'
import type { Services } from './services'

export const demoConnectionName = 'Demo Okta (local sandbox)'
const connectionMarker = 'marker.demo.oktaConnection'
const portMarker = 'marker.demo.oktaPort'

export async function startDemoOkta(
  services: Services,
  options: { dataDir: string; haloInstanceId: string; nativeBinding?: string | undefined }
): Promise<OktaSandbox | null> {
  const { settings, connections, log } = services
  const knownId = settings.marker(connectionMarker)
  const existing = knownId === null ? null : ((await connections.list()).find((connection) => connection.id === knownId) ?? null)
  if (knownId !== null && !existing) return null

  const folder = path.join(options.dataDir, 'demo')
  mkdirSync(folder, { recursive: true })
  const sandbox = await startOnRememberedPort(settings.marker(portMarker), (port) =>
    startOktaSandbox({ port, file: path.join(folder, 'okta-sandbox.sqlite'), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  )
  settings.setMarker(portMarker, String(sandbox.port))
  try {
    if (!existing || existing.okta?.orgUrl !== sandbox.orgUrl || !existing.okta.credentialSet) {
      const saved = await connections.saveOkta({
        ...(existing ? { id: existing.id } : {}),
        name: existing?.name ?? demoConnectionName,
        haloInstanceId: existing?.haloInstanceId ?? options.haloInstanceId,
        orgUrl: sandbox.orgUrl,
        authMode: 'api_token',
        apiToken: existing?.okta?.credentialSet ? null : sandbox.credentials.apiToken,
        clientId: null,
        privateKey: null,
        keyId: null
      })
      settings.setMarker(connectionMarker, saved.id)
    }
  } catch (error) {
    log.warn('demo Okta connection not added', { reason: error instanceof Error ? error.message : String(error) })
    await sandbox.close()
    return null
  }
  log.info('demo Okta sandbox started', { orgUrl: sandbox.orgUrl })
  return sandbox
}
