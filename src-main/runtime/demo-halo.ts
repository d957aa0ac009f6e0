/**
 * The demo workspace's Halo: on first launch of an empty workspace, the Halo sandbox is started
 * in-process (its data kept in the data folder) and added as a Halo instance marked as the demo, so
 * an admin can try everything without a real Halo. On later launches the sandbox starts again on the
 * same port when it can, and the instance's address follows it. Deleting the demo instance is
 * respected: it is not added again. STUDIO_DEMO=0 turns this off (the e2e tests start empty).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { HaloInstance } from '../../src-shared/contract'
import { startHaloSandbox, type HaloSandbox } from '../sandbox/halo'
import type { Services } from './services'

export const demoInstanceName = 'Demo Halo (local sandbox)'
const createdMarker = 'marker.demo.created'
const portMarker = 'marker.demo.haloPort'

export interface DemoHalo {
  sandbox: HaloSandbox
  instanceId: string
  close(): Promise<void>
}

export function demoEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.STUDIO_DEMO !== '0'
}

/** Starts the demo Halo when this workspace has (or should get) the demo instance; null otherwise. */
export async function startDemoHalo(services: Services, options: { dataDir: string; nativeBinding?: string | undefined }): Promise<DemoHalo | null> {
  const { settings, halo, log } = services
  const instances = await halo.list()
  const existing = instances.find((instance) => instance.isDemo) ?? null
  if (!existing && (settings.marker(createdMarker) !== null || instances.length > 0)) return null

  const folder = path.join(options.dataDir, 'demo')
  mkdirSync(folder, { recursive: true })
  const sandbox = await startOnRememberedPort(settings.marker(portMarker), (port) =>
    startHaloSandbox({ port, file: path.join(folder, 'halo-sandbox.sqlite'), nativeBinding: options.nativeBinding })
  )
  settings.setMarker(portMarker, String(sandbox.port))
  let instanceId: string
  try {
    instanceId = await saveDemoInstance(services, sandbox, existing)
    settings.setMarker(createdMarker, new Date().toISOString())
  } catch (error) {
    // Without a keychain the demo's secret cannot be stored: the app still works, just without the demo.
    log.warn('demo Halo instance not added', { reason: error instanceof Error ? error.message : String(error) })
    await sandbox.close()
    return null
  }
  log.info('demo Halo sandbox started', { baseUrl: sandbox.baseUrl })
  return { sandbox, instanceId, close: () => sandbox.close() }
}

async function saveDemoInstance(services: Services, sandbox: HaloSandbox, existing: HaloInstance | null): Promise<string> {
  if (existing && existing.baseUrl === sandbox.baseUrl && existing.secretSet) return existing.id
  const { clientId, clientSecret } = sandbox.credentials.clientCredentials
  const saved = await services.halo.save(
    existing
      ? { ...formFields(existing), baseUrl: sandbox.baseUrl, clientSecret: existing.secretSet ? null : clientSecret }
      : {
          name: demoInstanceName,
          baseUrl: sandbox.baseUrl,
          deployment: 'on-premise',
          tenant: null,
          authServerUrl: null,
          authMode: 'client_credentials',
          clientId,
          clientSecret,
          scope: 'all',
          rateLimitRequests: 300,
          rateLimitWindowSeconds: 300
        },
    { isDemo: true }
  )
  return saved.id
}

function formFields(instance: HaloInstance): Omit<Parameters<Services['halo']['save']>[0], 'clientSecret'> {
  const { id, name, baseUrl, deployment, tenant, authServerUrl, authMode, clientId, scope, rateLimitRequests, rateLimitWindowSeconds } = instance
  return { id, name, baseUrl, deployment, tenant, authServerUrl, authMode, clientId, scope, rateLimitRequests, rateLimitWindowSeconds }
}

/** The port used last time (so the address stays the same), or any free port if it is taken. */
export async function startOnRememberedPort<T extends { port: number }>(remembered: string | null, start: (port: number) => Promise<T>): Promise<T> {
  const port = Number(remembered)
  if (Number.isInteger(port) && port > 0) {
    try {
      return await start(port)
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error
    }
  }
  return start(0)
}
