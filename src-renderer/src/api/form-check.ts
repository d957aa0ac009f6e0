/**
 * Checking a form exactly as main will before it is sent: the contract's zod schema, then its rules
 * across fields, with one message per field (the first), so the admin sees everything that needs
 * fixing at once. Main's own VALIDATION_FAILED answer maps back onto the same fields.
 */
import type { StudioError } from '../../../src-shared/contract'
import { validationIssues, type FieldIssue } from './error-details'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

export type FormCheck<Form, F extends string> = { ok: true; form: Form } | { ok: false; errors: FieldErrors<F> }

/** What a zod schema's safeParse answers, as far as this needs it. */
interface Parser<Form> {
  safeParse(input: unknown): { success: true; data: Form } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } }
}

export interface FormRules<Form, F extends string> {
  schema: Parser<Form>
  /** The rules across fields, given the parsed form (or the raw one when it did not parse). */
  rules: (form: Form) => FieldIssue[]
  isField: (path: string) => path is F
}

/** `earlier`: issues found before the schema runs (e.g. a number field left empty). */
export function checkForm<Form, F extends string>(form: Form, { schema, rules, isField }: FormRules<Form, F>, earlier: FieldIssue[] = []): FormCheck<Form, F> {
  const parsed = schema.safeParse(form)
  const schemaIssues = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: String(issue.path[0]), message: issue.message }))
  const errors = firstErrorPerField([...earlier, ...schemaIssues, ...rules(parsed.success ? parsed.data : form)], isField)
  return Object.keys(errors).length === 0 && parsed.success ? { ok: true, form: parsed.data } : { ok: false, errors }
}

/** The field messages in main's answer; `rest` says whether anything in it did not belong to a field. */
export function errorsFromStudioError<F extends string>(error: StudioError, isField: (path: string) => path is F): { errors: FieldErrors<F>; rest: boolean } {
  const issues = validationIssues(error)
  return { errors: firstErrorPerField(issues, isField), rest: issues.length === 0 || issues.some((issue) => !isField(issue.path)) }
}

function firstErrorPerField<F extends string>(issues: readonly FieldIssue[], isField: (path: string) => path is F): FieldErrors<F> {
  const errors: FieldErrors<F> = {}
  for (const issue of issues) if (isField(issue.path)) errors[issue.path] ??= issue.message
  return errors
}
