/** secrets:* procedures: keychain availability and which secrets are set. Values never leave main. */
import type { Handler } from './handlers'
import type { Services } from '../runtime/services'

export function secretsHandlers(services: Services): { 'secrets:status': Handler<'secrets:status'> } {
  return {
    'secrets:status': async () => ({
      keychain: await services.keychain.status(),
      secrets: await services.vault.list()
    })
  }
}
