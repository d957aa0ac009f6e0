/**
 * The one error envelope every procedure answers with, whichever transport carried the call.
 * Codes are stable identifiers the renderer may branch on; messages are written for the admin.
 * An error a setting in the app fixes says where that setting is (details.fix: errorFixSchema).
 */
import { z } from 'zod'

export const errorCodes = [
  /** The input did not match the procedure's schema; details.issues says where. */
  'VALIDATION_FAILED',
  /** No procedure or event has that name. */
  'UNKNOWN_PROCEDURE',
  /** The caller is not the app's own window (IPC) or lacks the launch token (HTTP). */
  'UNAUTHORIZED',
  /** The call came from somewhere the app does not trust (foreign origin, frame or host). */
  'FORBIDDEN',
  /** The thing asked for does not exist. */
  'NOT_FOUND',
  /** No usable OS keychain: secrets cannot be stored or read. */
  'KEYCHAIN_UNAVAILABLE',
  /** A URL the app was asked to open is not one it may open. */
  'EXTERNAL_URL_REJECTED',
  /** A remote service (Halo, Okta, Entra) could not be reached: DNS, TLS, refused connection, timeout. */
  'UNREACHABLE',
  /** A remote service answered with an error; the message keeps the service's own words. */
  'REMOTE_ERROR',
  /** A remote service kept throttling after the app backed off. */
  'RATE_LIMITED',
  /** Stored credentials were refused or expired: the admin must sign in (or re-enter the secret) again. */
  'SIGN_IN_REQUIRED',
  /** An interactive sign-in in the browser failed, was denied or timed out. */
  'SIGN_IN_FAILED',
  /** Another operation of the same kind is already running (for example a sign-in in the browser). */
  'BUSY',
  /** The admin (or the app closing) cancelled the operation. */
  'CANCELLED',
  /** Anything unexpected; the message says what the admin can do, details carry a reference. */
  'INTERNAL'
] as const

export const errorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const errorEnvelopeSchema = z.object({
  code: errorCodeSchema,
  message: z.string().min(1),
  details: z.record(z.string(), z.unknown()).optional()
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>

/** The tabs of a connection's page, by their address (`?tab=`). */
export const connectionTabSlugs = ['details', 'directory', 'field-mappings', 'site-mappings', 'advanced', 'onboarding', 'imports', 'sso'] as const
export type ConnectionTabSlug = (typeof connectionTabSlugs)[number]

/**
 * Where in the app the admin fixes what an error is about, kept in `details.fix`: a Halo instance's
 * settings (its page), or one tab of a connection (its credentials are on Details).
 */
export const errorFixSchema = z.discriminatedUnion('area', [
  z.object({ area: z.literal('halo-instance'), id: z.string().min(1) }),
  z.object({ area: z.literal('connection'), id: z.string().min(1), tab: z.enum(connectionTabSlugs) })
])
export type ErrorFix = z.infer<typeof errorFixSchema>

/** The fix an error names, or null (none, or not a well-formed one). */
export function errorFixOf(error: { details?: Record<string, unknown> | undefined }): ErrorFix | null {
  const parsed = errorFixSchema.safeParse(error.details?.fix)
  return parsed.success ? parsed.data : null
}

/** The same error saying where it is fixed; one that already names a fix keeps it (the nearer code knew better). */
export function withFix(error: StudioError, fix: ErrorFix): StudioError {
  if (errorFixOf(error)) return error
  return new StudioError(error.code, error.message, { ...error.details, fix })
}

/** What a transport carries back for every call: a value or an envelope, never a thrown object. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope }

/** An error that carries an envelope; thrown by handlers in main and rethrown in the renderer. */
export class StudioError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'StudioError'
    this.code = code
    this.details = details
  }

  toEnvelope(): ErrorEnvelope {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromEnvelope(envelope: ErrorEnvelope): StudioError {
    return new StudioError(envelope.code, envelope.message, envelope.details)
  }
}

/** Turns a zod failure into the admin-readable list the VALIDATION_FAILED envelope carries. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(input)' : issue.path.map(String).join('.'),
    message: issue.message
  }))
}
