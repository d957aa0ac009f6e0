/**
 * The environment variables the command line reads secrets from (../secrets/secret-environment.ts):
 * one per Halo instance and one per connection of the workspace, and `halo-identity secrets`, which
 * lists them with where each secret comes from today (environment, keychain, or nowhere).
 */
import { connectionCredentialId } from '../connections/connections'
import { haloClientSecretId } from '../halo/halo-instances'
import type { Services } from '../runtime/services'
import { connectionSecretPrefix, haloSecretPrefix, variableSuffix, type EnvironmentSecret } from '../secrets/secret-environment'
import type { CommandResult } from './commands'

interface Listed extends EnvironmentSecret {
  what: string
  inKeychain: boolean
}

async function listed(services: Services): Promise<Listed[]> {
  const [instances, connections] = await Promise.all([services.halo.list(), services.connections.list()])
  return [
    ...instances.map((instance) => ({
      secretId: haloClientSecretId(instance.id),
      variable: `${haloSecretPrefix}${variableSuffix(instance.name) || instance.id.toUpperCase()}`,
      owner: `Halo instance "${instance.name}"`,
      what: 'client secret',
      inKeychain: instance.secretSet
    })),
    ...connections.map((connection) => ({
      secretId: connectionCredentialId(connection.id),
      variable: `${connectionSecretPrefix}${variableSuffix(connection.name) || connection.id.toUpperCase()}`,
      owner: `connection "${connection.name}"`,
      what: connection.kind === 'entra' ? 'Entra ID client secret (its Value)' : connection.okta?.authMode === 'service_app' ? 'Okta private key (PEM or JWK)' : 'Okta API token',
      inKeychain: connection.okta?.credentialSet ?? connection.entra?.secretSet ?? false
    }))
  ]
}

export async function environmentSecrets(services: Services): Promise<EnvironmentSecret[]> {
  return (await listed(services)).map(({ secretId, variable, owner }) => ({ secretId, variable, owner }))
}

export async function secretsReport(services: Services, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const keychain = await services.keychain.status()
  const secrets = await listed(services)
  const rows = secrets.map((secret) => ({
    variable: secret.variable,
    for: `${secret.owner}: ${secret.what}`,
    from: env[secret.variable] ? 'environment' : secret.inKeychain ? 'keychain' : 'not set'
  }))
  const width = Math.max(0, ...rows.map((row) => row.variable.length))
  return {
    exitCode: 0,
    lines: [
      keychain.available ? `Keychain: ${keychain.message}` : `No keychain: ${keychain.message}`,
      rows.length === 0 ? 'The workspace has no Halo instance or connection yet.' : 'A variable that is set is used instead of the keychain:',
      ...rows.map((row) => `  ${row.variable.padEnd(width)}  ${row.for} (${row.from})`)
    ],
    json: { keychain: { available: keychain.available, message: keychain.message }, secrets: rows }
  }
}
