/**
 * A dialog form that is checked before it is sent: its values, one error per field, and submit
 * (put `onSubmit` on the form).
 * Submit runs `check` (the contract's rules, as main runs them) and sends only a form that passes;
 * what main still refuses is mapped back under its fields, and `failure` holds an answer that names
 * no field. After a refusal, focus moves to the first field marked invalid.
 */
import { useEffect, useState } from 'react'
import type { UseMutationResult } from '@tanstack/react-query'
import type { StudioError } from '../../../src-shared/contract'
import type { FieldErrors, FormCheck } from '../api/form-check'

export interface CheckedFormOptions<Values, Field extends string, Form, Saved> {
  initial: () => Values
  check: (values: Values) => FormCheck<Form, Field>
  save: UseMutationResult<Saved, StudioError, Form>
  /** Main's VALIDATION_FAILED answer as field errors; `rest` when part of it names no field. */
  errorsFrom: (error: StudioError) => { errors: FieldErrors<Field>; rest: boolean }
  onSaved: (saved: Saved) => void
  /** Told the errors of each refusal, e.g. to open a collapsed section holding a wrong field. */
  onRefused?: (errors: FieldErrors<Field>) => void
}

export interface CheckedForm<Values, Field extends string> {
  values: Values
  errors: FieldErrors<Field>
  failure: StudioError | null
  /** The form has been sent and main has not answered yet. */
  saving: boolean
  /** Changes a field and clears its error. */
  set: <F extends Field & keyof Values>(field: F, value: Values[F]) => void
  onSubmit: (event: React.SubmitEvent<HTMLFormElement>) => void
}

export function useCheckedForm<Values, Field extends string, Form, Saved>(options: CheckedFormOptions<Values, Field, Form, Saved>): CheckedForm<Values, Field> {
  const [values, setValues] = useState<Values>(options.initial)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [failure, setFailure] = useState<StudioError | null>(null)
  // The refused form, anew for each refusal; its first invalid field is focused once rendered.
  const [refusal, setRefusal] = useState<{ form: HTMLFormElement } | null>(null)

  useEffect(() => {
    refusal?.form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusal])

  const refuse = (form: HTMLFormElement, found: FieldErrors<Field>): void => {
    setErrors(found)
    options.onRefused?.(found)
    setRefusal({ form })
  }

  return {
    values,
    errors,
    failure,
    saving: options.save.isPending,
    set: (field, value) => {
      setValues((current) => ({ ...current, [field]: value }))
      setErrors((current) => ({ ...current, [field]: undefined }))
    },
    onSubmit: (event) => {
      event.preventDefault()
      const form = event.currentTarget
      setFailure(null)
      const check = options.check(values)
      if (!check.ok) {
        refuse(form, check.errors)
        return
      }
      options.save.mutate(check.form, {
        onSuccess: options.onSaved,
        onError: (error) => {
          const mapped = options.errorsFrom(error)
          refuse(form, mapped.errors)
          if (mapped.rest) setFailure(error)
        }
      })
    }
  }
}
