/**
 * The Okta connection form's values and rules: what the fields start as (a new connection, or a
 * saved one), how they become the contract's form (fields of the other sign-in left out; an empty
 * token or key keeps the stored one), and the message for each field, checked as main checks them
 * (oktaConnectionFormSchema, then oktaConnectionFormIssues).
 */
import {
  oktaConnectionFormIssues,
  oktaConnectionFormSchema,
  type Connection,
  type OktaAuthMode,
  type OktaConnectionForm,
  type StudioError
} from '../../../../src-shared/contract'
import { checkForm, errorsFromStudioError, type FieldErrors, type FormCheck } from '../../api/form-check'

export interface OktaFormValues {
  name: string
  /** Empty until one is chosen. */
  haloInstanceId: string
  orgUrl: string
  authMode: OktaAuthMode
  /** Empty keeps the stored token when editing. */
  apiToken: string
  clientId: string
  /** Empty keeps the stored key when editing. */
  privateKey: string
  keyId: string
}

export type OktaFormField = keyof OktaFormValues
export type OktaFormErrors = FieldErrors<OktaFormField>

export const newConnectionValues: OktaFormValues = {
  name: '',
  haloInstanceId: '',
  orgUrl: '',
  authMode: 'api_token',
  apiToken: '',
  clientId: '',
  privateKey: '',
  keyId: ''
}

/** A saved connection's values; a new one's, with the Halo instance chosen when there is only one. */
export function initialValues(connection: Connection | undefined, haloInstanceIds: readonly string[]): OktaFormValues {
  if (!connection) return { ...newConnectionValues, haloInstanceId: haloInstanceIds.length === 1 ? (haloInstanceIds[0] ?? '') : '' }
  return {
    ...newConnectionValues,
    name: connection.name,
    haloInstanceId: connection.haloInstanceId,
    orgUrl: connection.okta?.orgUrl ?? '',
    authMode: connection.okta?.authMode ?? 'api_token',
    clientId: connection.okta?.clientId ?? '',
    keyId: connection.okta?.keyId ?? ''
  }
}

/** Whether the keychain holds the credential the chosen sign-in needs (switching sign-in needs a new one). */
export function credentialStored(connection: Connection | undefined, authMode: OktaAuthMode): boolean {
  return connection?.okta?.credentialSet === true && connection.okta.authMode === authMode
}

export function formFromValues(values: OktaFormValues, id: string | undefined): OktaConnectionForm {
  const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim())
  const serviceApp = values.authMode === 'service_app'
  return {
    ...(id === undefined ? {} : { id }),
    name: values.name,
    haloInstanceId: values.haloInstanceId,
    orgUrl: values.orgUrl,
    authMode: values.authMode,
    apiToken: serviceApp ? null : optional(values.apiToken),
    clientId: serviceApp ? optional(values.clientId) : null,
    privateKey: serviceApp ? optional(values.privateKey) : null,
    keyId: serviceApp ? optional(values.keyId) : null
  }
}

/** Checks every field at once, so the admin sees all that needs fixing, one message per field. */
export function checkOktaForm(values: OktaFormValues, options: { id: string | undefined; credentialStored: boolean }): FormCheck<OktaConnectionForm, OktaFormField> {
  return checkForm(formFromValues(values, options.id), {
    schema: oktaConnectionFormSchema,
    rules: (form) => oktaConnectionFormIssues(form, options.credentialStored),
    isField
  })
}

export function oktaErrorsFromStudioError(error: StudioError): { errors: OktaFormErrors; rest: boolean } {
  return errorsFromStudioError(error, isField)
}

function isField(path: string): path is OktaFormField {
  return Object.hasOwn(newConnectionValues, path)
}
