/**
 * The demo workspace, started with the app (Electron or browser mode) unless STUDIO_DEMO=0: the demo
 * Halo, and next to it the Okta and Entra ID sandboxes with a connection each (demo-halo.ts,
 * demo-okta.ts, demo-entra.ts). `close` stops whatever was started.
 */
import { demoEnabled, startDemoHalo } from './demo-halo'
import { startDemoEntra } from './demo-entra'
import { startDemoOkta } from './demo-okta'
import type { Services } from './services'

export async function startDemo(services: Services, options: { dataDir: string; nativeBinding?: string | undefined; env: NodeJS.ProcessEnv }): Promise<{ close: () => Promise<void> }> {
  const halo = demoEnabled(options.env) ? await startDemoHalo(services, options) : null
  if (!halo) return { close: () => Promise.resolve() }
  const okta = await startDemoOkta(services, { ...options, haloInstanceId: halo.instanceId })
  const entra = await startDemoEntra(services, { haloInstanceId: halo.instanceId })
  return {
    close: async () => {
      await Promise.allSettled([halo.close(), okta?.close(), entra?.close()])
    }
  }
}
