/** app:* procedures: facts about the running app, and opening approved links in the system browser. */
import type { Handler } from './handlers'
import type { Services } from '../runtime/services'

export function appHandlers(services: Services): { 'app:info': Handler<'app:info'>; 'app:openExternal': Handler<'app:openExternal'> } {
  return {
    'app:info': async () => ({ ...services.about, keychain: await services.keychain.status() }),
    'app:openExternal': async ({ url }) => {
      await services.links.open(url)
      return { opened: true as const }
    }
  }
}
