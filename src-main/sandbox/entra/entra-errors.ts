/**
 * The Entra sandbox's error bodies, shaped exactly as Entra and Graph send them (entra.md §2.4, §3.6;
 * reference/payloads/entra and graph): the token endpoint's `{error, error_description "AADSTSn: …
 * Trace ID … Correlation ID … Timestamp …", error_codes, timestamp, trace_id, correlation_id,
 * error_uri}` and Graph's `{error: {code, message, innerError: {date, request-id,
 * client-request-id}}}`.
 */
import { randomUUID } from 'node:crypto'

export interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** Entra's timestamp format in error bodies: "2020-07-03 10:55:12Z". */
function entraTimestamp(now: number): string {
  return `${new Date(now).toISOString().slice(0, 19).replace('T', ' ')}Z`
}

export function tokenError(status: number, error: string, code: number, description: string, now: number): Answer {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = entraTimestamp(now)
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`
    }
  }
}

/** The token endpoint's errors the sandbox can give, by AADSTS code. */
export const aadsts = {
  badSecret: (appId: string, now: number) => tokenError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`, now),
  expiredSecret: (appId: string, now: number) => tokenError(401, 'invalid_client', 7000222, `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`, now),
  appNotFound: (appId: string, tenant: string, now: number) => tokenError(400, 'unauthorized_client', 700016, `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`, now),
  tenantNotFound: (tenant: string, now: number) => tokenError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`, now),
  consentMissing: (appId: string, now: number) => tokenError(400, 'invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${appId}' named 'Halo Integration'. Send an interactive authorization request for this user and resource.`, now),
  badScope: (scope: string, now: number) => tokenError(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid: '${scope}'. The scope https://graph.microsoft.com/.default is valid.`, now),
  badGrant: (description: string, code: number, now: number) => tokenError(400, 'invalid_grant', code, description, now),
  missing: (parameter: string, now: number) => tokenError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${parameter}'.`, now),
  unsupportedGrant: (grant: string, now: number) => tokenError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`, now)
}

export function graphError(status: number, code: string, message: string, now: number, headers: Record<string, string> = {}): Answer {
  const requestId = randomUUID()
  return {
    status,
    headers: { 'request-id': requestId, 'client-request-id': requestId, ...headers },
    body: { error: { code, message, innerError: { date: new Date(now).toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId } } }
  }
}
