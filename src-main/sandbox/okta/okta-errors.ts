/**
 * Okta's error answers (okta.md §4): the body is exactly {errorCode, errorSummary, errorLink (= the
 * code), errorId, errorCauses: []}, with the HTTP status each code goes with. Answers are plain
 * values; the HTTP layer adds the headers every response carries.
 */
import { newErrorId } from './okta-ids'

export interface ApiAnswer {
  status: number
  /** null: no body at all (the insufficient-scope 403). */
  body: unknown
  headers?: Record<string, string | string[]>
}

export function oktaError(status: number, code: string, summary: string, causes: readonly string[] = []): ApiAnswer {
  return {
    status,
    body: { errorCode: code, errorSummary: summary, errorLink: code, errorId: newErrorId(), errorCauses: causes.map((errorSummary) => ({ errorSummary })) }
  }
}

/** The Okta type name used in "Resource not found" summaries. */
export type OktaResourceType = 'User' | 'UserGroup' | 'AppInstance' | 'AuthorizationServer'

export const errors = {
  invalidToken: (): ApiAnswer => oktaError(401, 'E0000011', 'Invalid token provided'),
  invalidSession: (): ApiAnswer => oktaError(403, 'E0000005', 'Invalid session'),
  accessDenied: (): ApiAnswer => oktaError(403, 'E0000006', 'You do not have permission to perform the requested action'),
  notFound: (id: string, type: OktaResourceType): ApiAnswer => oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`),
  noRoute: (path: string): ApiAnswer => oktaError(404, 'E0000007', `Not found: Resource not found: ${path} (Page)`),
  badMethod: (): ApiAnswer => oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
  invalidSearch: (): ApiAnswer => oktaError(400, 'E0000031', 'Invalid search criteria.'),
  rateLimited: (): ApiAnswer => oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
  // The spec's example gives errorLink E0000000 for this one; the body shape rule (link = code) wins here [U].
  internal: (): ApiAnswer => oktaError(500, 'E0000009', 'Internal Server Error')
}
