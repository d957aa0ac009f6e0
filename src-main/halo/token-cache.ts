/** Halo tokens for one instance, kept in the OS keychain (never SQLite) so a restart needs no new sign-in. */
import type { SecretVault } from '../secrets/secret-vault'
import type { TokenSet } from './halo-settings'

export interface TokenCache {
  load(): Promise<TokenSet | null>
  save(tokens: TokenSet): Promise<void>
  clear(): Promise<void>
}

export function vaultTokenCache(vault: SecretVault, instanceId: string, instanceName: string): TokenCache {
  const id = `halo:${instanceId}:tokens`
  return {
    load: async () => {
      const stored = await vault.reveal(id)
      if (!stored) return null
      try {
        return JSON.parse(stored) as TokenSet
      } catch {
        return null
      }
    },
    save: async (tokens) => {
      await vault.put({ id, label: `${instanceName}: Halo sign-in`, value: JSON.stringify(tokens) })
    },
    clear: async () => {
      await vault.remove(id)
    }
  }
}
