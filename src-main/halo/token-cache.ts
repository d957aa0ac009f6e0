/**
 * Halo tokens for one instance: kept in the OS keychain (never SQLite) so a restart needs no new
 * sign-in, or in memory only for a Halo that lives no longer than this process (a rehearsal's sandbox).
 */
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

/** Tokens kept in this process only, gone with it. */
export function memoryTokenCache(): TokenCache {
  let tokens: TokenSet | null = null
  return {
    load: () => Promise.resolve(tokens),
    save: (next) => {
      tokens = next
      return Promise.resolve()
    },
    clear: () => {
      tokens = null
      return Promise.resolve()
    }
  }
}
