/**
 * The SSO settings form's rules: checked as main checks them (the contract's schema, then
 * `ssoSettingsIssues`), one message per field — a multi-tenant list's issues shown under the list —
 * and whether the form differs from what is saved.
 */
import { ssoSettingsIssues, ssoSettingsSchema, StudioError, type SsoSettings, type SsoState } from '../../../../../src-shared/contract'
import { validationIssues } from '../../../api/error-details'
import { checkForm, errorsFromStudioError, type FieldErrors, type FormCheck } from '../../../api/form-check'

/** IDs are typed in monospace; their labels are not. */
export const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

export type SsoField = 'clientId' | 'server.id' | 'applicationId' | 'allowedTenants'

export interface SsoFormValues {
  settings: SsoSettings
  haloConnectionId: number | null
}

/** Paths main and the rules name (allowedTenants.3 included), as the field they are shown under. */
function fieldOf(path: string): SsoField | null {
  if (path === 'clientId' || path === 'server.id' || path === 'applicationId') return path
  return path === 'allowedTenants' || /^allowedTenants\.\d+$/.test(path) ? 'allowedTenants' : null
}

const isField = (path: string): path is SsoField => fieldOf(path) === path

const asFields = (issues: ReadonlyArray<{ path: string; message: string }>): Array<{ path: string; message: string }> => issues.map((issue) => ({ path: fieldOf(issue.path) ?? issue.path, message: issue.message }))

export function checkSsoSettings(settings: SsoSettings): FormCheck<SsoSettings, SsoField> {
  return checkForm(settings, { schema: ssoSettingsSchema, rules: (form) => asFields(ssoSettingsIssues(form)), isField })
}

/** Main's refusal of a save as field errors; `rest` when part of it names no field. */
export function ssoErrorsFrom(error: StudioError): { errors: FieldErrors<SsoField>; rest: boolean } {
  const issues = asFields(validationIssues(error))
  return errorsFromStudioError(new StudioError(error.code, error.message, { ...error.details, issues }), isField)
}

export function isUnsaved(values: SsoFormValues, state: SsoState): boolean {
  const parsed = ssoSettingsSchema.safeParse(values.settings)
  const settings = parsed.success ? parsed.data : values.settings
  return !state.saved || JSON.stringify(settings) !== JSON.stringify(state.settings) || values.haloConnectionId !== state.haloConnectionId
}
