/**
 * Secrets from environment variables, for the command line on a machine with no OS keychain (a
 * server with no desktop session): HALO_IDENTITY_HALO_SECRET_<INSTANCE> for a Halo instance's client
 * secret and HALO_IDENTITY_CONNECTION_SECRET_<CONNECTION> for a connection's credential (the Okta
 * API token or private key), where <INSTANCE> / <CONNECTION> is the name in capitals, accents
 * dropped, every run of other characters turned into "_". A variable that is set is used instead of
 * the keychain. docs/command-line.md tells admins; `halo-identity secrets` lists the names.
 */
import { StudioError } from '../../src-shared/contract'

export interface SecretEnvironment {
  /** The value given for this secret id, or null when its variable is not set. */
  valueFor(secretId: string): string | null
}

/** One secret the environment may give: its vault id, its variable and whose it is (in words). */
export interface EnvironmentSecret {
  secretId: string
  variable: string
  owner: string
}

export const haloSecretPrefix = 'HALO_IDENTITY_HALO_SECRET_'
export const connectionSecretPrefix = 'HALO_IDENTITY_CONNECTION_SECRET_'

/** "Northwind Okta (prod)" → NORTHWIND_OKTA_PROD; a name with no letter or digit gives "". */
export function variableSuffix(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

export function secretEnvironment(env: NodeJS.ProcessEnv, secrets: EnvironmentSecret[]): SecretEnvironment {
  const byVariable = new Map<string, EnvironmentSecret[]>()
  for (const secret of secrets) byVariable.set(secret.variable, [...(byVariable.get(secret.variable) ?? []), secret])
  return {
    valueFor(secretId) {
      const secret = secrets.find((candidate) => candidate.secretId === secretId)
      if (!secret) return null
      const value = env[secret.variable]
      if (value === undefined || value === '') return null
      const sharing = byVariable.get(secret.variable) ?? []
      if (sharing.length > 1) {
        throw new StudioError(
          'VALIDATION_FAILED',
          `${secret.variable} would be the secret of ${sharing.map((each) => each.owner).join(' and ')}: their names differ only in punctuation or case. Rename one of them in the app, then use its new variable.`,
          { variable: secret.variable }
        )
      }
      return value
    }
  }
}
