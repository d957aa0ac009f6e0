/**
 * The Entra ID connection form's values and rules: what the fields start as (a new connection, on
 * Microsoft's global cloud with delta on and Intune devices off, or a saved one), how they become
 * the contract's form (an empty secret keeps the stored one; an empty expiry is none), and the
 * message for each field, checked as main checks them (entraConnectionFormSchema, then
 * entraConnectionFormIssues).
 */
import {
  entraConnectionFormIssues,
  entraConnectionFormSchema,
  entraDefaultHosts,
  type Connection,
  type EntraConnectionForm,
  type EntraSignIn,
  type StudioError
} from '../../../../src-shared/contract'
import { checkForm, errorsFromStudioError, type FieldErrors, type FormCheck } from '../../api/form-check'

export interface EntraFormValues {
  name: string
  /** Empty until one is chosen. */
  haloInstanceId: string
  tenantType: 'single' | 'multi'
  signIn: EntraSignIn
  tenantId: string
  clientId: string
  /** Empty keeps the stored secret when editing. */
  clientSecret: string
  /** YYYY-MM-DD, or empty when not entered. */
  secretExpiresOn: string
  authorityHost: string
  graphHost: string
  delta: boolean
  /** Intune's managed devices are read with the directory. */
  devices: boolean
}

export type EntraFormField = keyof EntraFormValues
export type EntraFormErrors = FieldErrors<EntraFormField>

export const newEntraValues: EntraFormValues = {
  name: '',
  haloInstanceId: '',
  tenantType: 'single',
  signIn: 'application',
  tenantId: '',
  clientId: '',
  clientSecret: '',
  secretExpiresOn: '',
  authorityHost: entraDefaultHosts.authority,
  graphHost: entraDefaultHosts.graph,
  delta: true,
  devices: false
}

/** A saved connection's values; a new one's, with the Halo instance chosen when there is only one. */
export function initialEntraValues(connection: Connection | undefined, haloInstanceIds: readonly string[]): EntraFormValues {
  const entra = connection?.entra
  if (!connection || !entra) return { ...newEntraValues, haloInstanceId: haloInstanceIds.length === 1 ? (haloInstanceIds[0] ?? '') : '' }
  return {
    ...newEntraValues,
    name: connection.name,
    haloInstanceId: connection.haloInstanceId,
    tenantType: entra.tenantType,
    signIn: entra.signIn,
    tenantId: entra.tenantId,
    clientId: entra.clientId,
    // Only an expiry the admin entered is theirs to edit; one Graph told is shown on the Details tab.
    secretExpiresOn: entra.secretExpirySource === 'entered' && entra.secretExpiresAt ? entra.secretExpiresAt.slice(0, 10) : '',
    authorityHost: entra.authorityHost,
    graphHost: entra.graphHost,
    delta: entra.delta,
    devices: entra.devices
  }
}

export function entraSecretStored(connection: Connection | undefined): boolean {
  return connection?.entra?.secretSet === true
}

/** Whether the hosts are other than Microsoft's global cloud (the form then opens that section). */
export function customHosts(values: Pick<EntraFormValues, 'authorityHost' | 'graphHost'>): boolean {
  const origin = (text: string): string => text.trim().replace(/\/+$/, '').toLowerCase()
  return origin(values.authorityHost) !== entraDefaultHosts.authority || origin(values.graphHost) !== entraDefaultHosts.graph
}

export function entraFormFromValues(values: EntraFormValues, id: string | undefined): EntraConnectionForm {
  return {
    ...(id === undefined ? {} : { id }),
    name: values.name,
    haloInstanceId: values.haloInstanceId,
    tenantType: values.tenantType,
    signIn: values.signIn,
    tenantId: values.tenantId,
    clientId: values.clientId,
    clientSecret: values.clientSecret.trim() === '' ? null : values.clientSecret.trim(),
    secretExpiresOn: values.secretExpiresOn.trim() === '' ? null : values.secretExpiresOn.trim(),
    authorityHost: values.authorityHost,
    graphHost: values.graphHost,
    delta: values.delta,
    devices: values.devices
  }
}

/** Checks every field at once, so the admin sees all that needs fixing, one message per field. */
export function checkEntraForm(values: EntraFormValues, options: { id: string | undefined; secretStored: boolean }): FormCheck<EntraConnectionForm, EntraFormField> {
  return checkForm(entraFormFromValues(values, options.id), {
    schema: entraConnectionFormSchema,
    rules: (form) => entraConnectionFormIssues(form, options.secretStored),
    isField
  })
}

export function entraErrorsFromStudioError(error: StudioError): { errors: EntraFormErrors; rest: boolean } {
  return errorsFromStudioError(error, isField)
}

function isField(path: string): path is EntraFormField {
  return Object.hasOwn(newEntraValues, path)
}
