/**
 * The demo workspace's Entra ID: next to the demo Halo, the Entra sandbox (the same company, seeded
 * the same way) runs in-process and a connection "Demo Entra ID (local sandbox)" reads it with the
 * app's own permissions, delta on — so Test connection (with its secret-expiry warning: the demo
 * app's secret runs out 25 days after the sandbox starts), fetch, delta and the whole pipeline can be
 * tried without a real tenant. Added once; a deleted demo connection is not added again. The tenant
 * is the seed's, so it is the same on every launch, on the same port when it is free (a new port is
 * a new Graph host: the next fetch reads everything).
 */
import { startEntraSandbox, type EntraSandbox } from '../sandbox/entra'
import { startOnRememberedPort } from './demo-halo'
import type { Services } from './services'

export const demoEntraConnectionName = 'Demo Entra ID (local sandbox)'
const connectionMarker = 'marker.demo.entraConnection'
const portMarker = 'marker.demo.entraPort'

export async function startDemoEntra(services: Services, options: { haloInstanceId: string }): Promise<EntraSandbox | null> {
  const { settings, connections, log } = services
  const knownId = settings.marker(connectionMarker)
  const existing = knownId === null ? null : ((await connections.list()).find((connection) => connection.id === knownId) ?? null)
  if (knownId !== null && !existing) return null

  const sandbox = await startOnRememberedPort(settings.marker(portMarker), (port) => startEntraSandbox({ port }))
  settings.setMarker(portMarker, String(sandbox.port))
  const entra = existing?.entra ?? null
  try {
    // The sandbox's secret runs out 25 days after each start: the saved expiry follows it.
    const expiresOn = sandbox.credentials.app.secretExpiresAt.slice(0, 10)
    if (!existing || !entra || entra.authorityHost !== sandbox.baseUrl || !entra.secretSet || entra.secretExpiresAt?.slice(0, 10) !== expiresOn) {
      const saved = await connections.saveEntra({
        ...(existing ? { id: existing.id } : {}),
        name: existing?.name ?? demoEntraConnectionName,
        haloInstanceId: existing?.haloInstanceId ?? options.haloInstanceId,
        tenantType: entra?.tenantType ?? 'single',
        signIn: entra?.signIn ?? 'application',
        tenantId: sandbox.tenantId,
        clientId: sandbox.credentials.app.clientId,
        clientSecret: sandbox.credentials.app.clientSecret,
        // As an admin would enter it from Azure, so the warning shows before the first test.
        secretExpiresOn: expiresOn,
        authorityHost: sandbox.baseUrl,
        graphHost: sandbox.baseUrl,
        delta: entra?.delta ?? true,
        devices: entra?.devices ?? true
      })
      settings.setMarker(connectionMarker, saved.id)
    }
  } catch (error) {
    log.warn('demo Entra ID connection not added', { reason: error instanceof Error ? error.message : String(error) })
    await sandbox.close()
    return null
  }
  log.info('demo Entra sandbox started', { baseUrl: sandbox.baseUrl })
  return sandbox
}
