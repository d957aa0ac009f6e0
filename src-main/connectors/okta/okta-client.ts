/**
 * Builds the @okta/okta-sdk-nodejs client for one connection (reference okta.md §6.2, §10): the org
 * URL without a trailing slash (else the SDK calls //api/v1), the cache off (it never expires and
 * serves stale users), every setting passed explicitly, and our paced executor for all requests.
 */
import { Client } from '@okta/okta-sdk-nodejs'
import { oktaReadScopes } from '../../../src-shared/contract'
import type { PacedExecutor } from './paced-executor'

export type OktaCredentials = { kind: 'api_token'; token: string } | { kind: 'service_app'; clientId: string; privateKey: string; keyId: string | null }

export function createOktaClient(orgUrl: string, credentials: OktaCredentials, executor: PacedExecutor): Client {
  const common = { orgUrl: orgUrl.replace(/\/+$/, ''), cacheMiddleware: null, requestExecutor: executor }
  if (credentials.kind === 'api_token') return new Client({ ...common, authorizationMode: 'SSWS', token: credentials.token })
  const privateKey = credentials.privateKey.trim().startsWith('{') ? (JSON.parse(credentials.privateKey) as Record<string, unknown>) : credentials.privateKey
  return new Client({
    ...common,
    authorizationMode: 'PrivateKey',
    clientId: credentials.clientId,
    scopes: [...oktaReadScopes],
    privateKey,
    ...(credentials.keyId ? { keyId: credentials.keyId } : {})
  })
}
