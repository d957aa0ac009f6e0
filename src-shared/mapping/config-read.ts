/**
 * Reading a configuration someone wrote (an export, a stored row): its version is checked first —
 * an older one is migrated step by step, a newer one is refused with a reason — then the document
 * is validated, each problem named by where it is in the file. Version 1 is the first; a change to
 * the format adds a step to `migrations` and raises `configVersion`.
 */
import type { z } from 'zod'
import { configVersion, connectionConfigSchema, type ConnectionConfig } from './config-schema'

/** Steps from version N (the index + 1) to N + 1. */
const migrations: ReadonlyArray<(document: Record<string, unknown>) => Record<string, unknown>> = [
  // 1 → 2: `imports.delta` goes: whether an Entra connection reads only changes is the connection's own setting.
  (document) => {
    const imports = document.imports
    if (typeof imports !== 'object' || imports === null || Array.isArray(imports)) return document
    const { delta: _dropped, ...rest } = imports as Record<string, unknown>
    return { ...document, imports: rest }
  }
]

export type ConfigRead = { ok: true; config: ConnectionConfig; migratedFrom: number | null } | { ok: false; problems: string[] }

export function readConfig(input: unknown): ConfigRead {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('This is not an Identity Studio configuration: expected a JSON object with "version" and "source".')
  let document = input as Record<string, unknown>
  const version = document.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse('The configuration has no version number, so it was not exported by Identity Studio. Export it again from the connection’s Imports tab.')
  }
  if (version > configVersion) {
    return refuse(`The configuration is version ${version}, made by a newer Identity Studio; this one reads up to version ${configVersion}. Update Identity Studio, then import it again.`)
  }
  for (let step = version; step < configVersion; step += 1) {
    const migrate = migrations[step - 1]
    if (!migrate) return refuse(`No way to read version ${step} configurations is known.`)
    document = { ...migrate(document), version: step + 1 }
  }
  const parsed = connectionConfigSchema.safeParse(document)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describe) }
  return { ok: true, config: parsed.data, migratedFrom: version === configVersion ? null : version }
}

/** Parses JSON text, then reads it. */
export function readConfigText(text: string): ConfigRead {
  try {
    return readConfig(JSON.parse(text) as unknown)
  } catch (error) {
    return refuse(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`)
  }
}

function refuse(problem: string): ConfigRead {
  return { ok: false, problems: [problem] }
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map((part) => (typeof part === 'number' ? `[${part + 1}]` : `.${String(part)}`)).join('').replace(/^\./, '') : 'the document'
  return `${where}: ${issue.message}`
}
