/**
 * The add/edit form's values and rules: what the fields start as (a new instance, or a saved one),
 * how they become the contract's form, and the message for each field, checked as main checks them
 * (the zod schema, then haloInstanceFormIssues). Main's own VALIDATION_FAILED answer maps back onto
 * the same fields.
 */
import {
  haloInstanceFormIssues,
  haloInstanceFormSchema,
  type HaloInstance,
  type HaloInstanceForm,
  type StudioError
} from '../../../../src-shared/contract'
import { checkForm, errorsFromStudioError, type FieldErrors, type FormCheck } from '../../api/form-check'

export interface HaloFormValues {
  name: string
  baseUrl: string
  deployment: HaloInstanceForm['deployment']
  tenant: string
  authServerUrl: string
  authMode: HaloInstanceForm['authMode']
  clientId: string
  /** Empty keeps the stored secret when editing. */
  clientSecret: string
  scope: string
  /** A number, or the text of a number input the admin has emptied. */
  rateLimitRequests: number | string
  rateLimitWindowSeconds: number | string
}

export type HaloFormField = keyof HaloFormValues
export type HaloFormErrors = FieldErrors<HaloFormField>

/** Fields inside the collapsed "Advanced" section, which opens when one of them is wrong. */
export const advancedFields: readonly HaloFormField[] = ['rateLimitRequests', 'rateLimitWindowSeconds']

export const newInstanceValues: HaloFormValues = {
  name: '',
  baseUrl: '',
  deployment: 'on-premise',
  tenant: '',
  authServerUrl: '',
  authMode: 'client_credentials',
  clientId: '',
  clientSecret: '',
  scope: 'all',
  rateLimitRequests: 300,
  rateLimitWindowSeconds: 300
}

export function valuesFromInstance(instance: HaloInstance): HaloFormValues {
  return {
    name: instance.name,
    baseUrl: instance.baseUrl,
    deployment: instance.deployment,
    tenant: instance.tenant ?? '',
    authServerUrl: instance.authServerUrl ?? '',
    authMode: instance.authMode,
    clientId: instance.clientId,
    clientSecret: '',
    scope: instance.scope,
    rateLimitRequests: instance.rateLimitRequests,
    rateLimitWindowSeconds: instance.rateLimitWindowSeconds
  }
}

/** The contract's form: fields that do not apply to the chosen deployment or sign-in are left out. */
export function formFromValues(values: HaloFormValues, id: string | undefined): HaloInstanceForm {
  const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim())
  return {
    ...(id === undefined ? {} : { id }),
    name: values.name,
    baseUrl: values.baseUrl,
    deployment: values.deployment,
    tenant: values.deployment === 'hosted' ? optional(values.tenant) : null,
    authServerUrl: values.deployment === 'on-premise' ? optional(values.authServerUrl) : null,
    authMode: values.authMode,
    clientId: values.clientId,
    scope: values.scope,
    clientSecret: values.authMode === 'client_credentials' && values.clientSecret !== '' ? values.clientSecret : null,
    rateLimitRequests: toNumber(values.rateLimitRequests),
    rateLimitWindowSeconds: toNumber(values.rateLimitWindowSeconds)
  }
}

/** Checks every field at once, so the admin sees all that needs fixing, one message per field. */
export function checkHaloForm(values: HaloFormValues, options: { id: string | undefined; secretStored: boolean }): FormCheck<HaloInstanceForm, HaloFormField> {
  const form = formFromValues(values, options.id)
  const emptied = (['rateLimitRequests', 'rateLimitWindowSeconds'] as const).filter((field) => Number.isNaN(form[field]))
  return checkForm(
    form,
    { schema: haloInstanceFormSchema, rules: (checked) => haloInstanceFormIssues(checked, options.secretStored), isField },
    emptied.map((path) => ({ path, message: 'Enter a whole number.' }))
  )
}

/** The field messages in main's answer; `rest` says whether anything in it did not belong to a field. */
export function haloErrorsFromStudioError(error: StudioError): { errors: HaloFormErrors; rest: boolean } {
  return errorsFromStudioError(error, isField)
}

function isField(path: string): path is HaloFormField {
  return Object.hasOwn(newInstanceValues, path)
}

function toNumber(value: number | string): number {
  return typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value)
}
