/**
 * Field-mapping transforms, compiled once per configuration into plain functions: trim, case,
 * template (`{attribute}` placeholders, `{value}` for the value so far), regex replace, default
 * when empty, and lookup tables. Deterministic: the same value and person always give the same text.
 * A transform that cannot be compiled (a bad regex) is reported, and evaluation leaves the value as
 * it was.
 */
import type { Transform } from '../../src-shared/mapping/config-schema'

/** Reads an attribute of the person being mapped, as text. */
export type AttributeReader = (name: string) => string

export type CompiledTransform = (value: string, read: AttributeReader) => string

export class TransformError extends Error {}

const placeholder = /\{([^{}]+)\}/g

/** The attribute names a template refers to (without `value`). */
export function templateAttributes(template: string): string[] {
  return [...template.matchAll(placeholder)].map((match) => (match[1] ?? '').trim()).filter((name) => name !== 'value')
}

export function compileTemplate(template: string): (read: AttributeReader, value?: string) => string {
  const parts = template.split(placeholder)
  // split with one capture group: text, name, text, name, …, text
  return (read, value = '') => {
    let out = ''
    for (let index = 0; index < parts.length; index += 1) {
      const part = parts[index] ?? ''
      if (index % 2 === 0) out += part
      else out += part.trim() === 'value' ? value : read(part.trim())
    }
    return out
  }
}

export function compileRegex(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags)
  } catch (error) {
    throw new TransformError(`The pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}.`)
  }
}

function titleCase(value: string): string {
  return value.toLowerCase().replace(/(^|[\s\-'’(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/** Throws TransformError when the transform cannot work (a bad regex). */
export function compileTransform(transform: Transform): CompiledTransform {
  switch (transform.kind) {
    case 'trim':
      return (value) => value.trim()
    case 'case':
      if (transform.to === 'upper') return (value) => value.toUpperCase()
      if (transform.to === 'lower') return (value) => value.toLowerCase()
      return titleCase
    case 'template': {
      const render = compileTemplate(transform.template)
      return (value, read) => render(read, value)
    }
    case 'replace': {
      const regex = compileRegex(transform.pattern, `g${transform.ignoreCase ? 'i' : ''}u`)
      return (value) => value.replace(regex, transform.replacement)
    }
    case 'default':
      return (value) => (value.trim() === '' ? transform.value : value)
    case 'lookup': {
      const key = (text: string): string => (transform.ignoreCase ? text.trim().toLowerCase() : text.trim())
      const table = new Map(transform.entries.map((entry) => [key(entry.from), entry.to]))
      return (value) => table.get(key(value)) ?? (transform.otherwise === 'keep' ? value : transform.otherwise === 'empty' ? '' : transform.fallback)
    }
  }
}

/** The whole pipeline, in order. */
export function compilePipeline(transforms: readonly Transform[]): CompiledTransform {
  const steps = transforms.map(compileTransform)
  return (value, read) => steps.reduce((current, step) => step(current, read), value)
}
