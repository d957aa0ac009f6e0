/** What the Halo client needs to know about one instance (secrets excluded: they come from the keychain). */
import type { RateLimit } from './rate-limiter'

export type HaloAuthMode = 'client_credentials' | 'authorization_code'

export interface HaloInstanceSettings {
  id: string
  name: string
  /** Web address, validated by parseHaloAddress (no trailing slash, no /api). */
  baseUrl: string
  /** Hosted instances only; sent as the `tenant` query parameter to the auth server. */
  tenant: string | null
  /** Entered by the admin; null means discover it through /api/authinfo. */
  authServerUrl: string | null
  authMode: HaloAuthMode
  clientId: string
  scope: string
  rateLimit: RateLimit
}

export interface TokenSet {
  accessToken: string
  refreshToken: string | null
  /** Epoch milliseconds. */
  expiresAt: number
  scope: string | null
}
