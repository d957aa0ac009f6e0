/**
 * Field mappings compiled for one record kind (user or agent): each row reads its source attribute,
 * runs its transforms and checks the result against what Halo takes (required, length, email, the
 * custom field existing). Manager fields are resolved through the snapshot to the manager's email
 * or name; one that cannot be resolved is said to be resolved at import. The person's directory id
 * is always written to the record's external-id field, so the next run matches them by it.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { FieldMapping } from '../../src-shared/mapping/config-schema'
import { customFieldPrefix, externalIdField, haloFieldSpec, haloFields, type HaloFieldSpec, type HaloRecordKind } from '../../src-shared/mapping/halo-fields'
import type { EngineWarning, FieldResult } from '../../src-shared/mapping/outcome'
import { attributeText, readAttribute, type DirectoryIndex } from './directory-data'
import { compilePipeline, TransformError, type AttributeReader, type CompiledTransform } from './transforms'

interface CompiledRow {
  row: FieldMapping
  spec: HaloFieldSpec
  pipeline: CompiledTransform | null
  /** Why the pipeline could not be compiled. */
  broken: string | null
  unknownCustomField: boolean
}

export interface FieldEvaluation {
  fields: FieldResult[]
  warnings: EngineWarning[]
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export class CompiledFieldMappings {
  private readonly rows: CompiledRow[]
  private readonly externalId: string | null
  private readonly requiredUnmapped: HaloFieldSpec[]

  constructor(
    private readonly kind: HaloRecordKind,
    rows: readonly FieldMapping[],
    source: 'okta' | 'entra',
    customFields: readonly string[] | null,
    private readonly directory: DirectoryIndex
  ) {
    const known = customFields === null ? null : new Set(customFields.map((name) => name.toLowerCase()))
    this.rows = rows.flatMap((row): CompiledRow[] => {
      const spec = haloFieldSpec(kind, row.target)
      if (!spec) return []
      let pipeline: CompiledTransform | null = null
      let broken: string | null = null
      try {
        pipeline = compilePipeline(row.transforms)
      } catch (error) {
        if (!(error instanceof TransformError)) throw error
        broken = error.message
      }
      const custom = row.target.startsWith(customFieldPrefix) ? row.target.slice(customFieldPrefix.length).toLowerCase() : null
      return [{ row, spec, pipeline, broken, unknownCustomField: custom !== null && known !== null && !known.has(custom) }]
    })
    this.externalId = externalIdField(source, kind)
    const mapped = new Set(this.rows.map((compiled) => compiled.spec.key))
    this.requiredUnmapped = haloFields(kind).filter((spec) => spec.required && !mapped.has(spec.key))
  }

  evaluate(person: DirectoryPerson): FieldEvaluation {
    const read: AttributeReader = (name) => attributeText(readAttribute(person, name))
    const fields: FieldResult[] = []
    const warnings: EngineWarning[] = []
    if (this.externalId) fields.push({ target: this.externalId, label: 'External id', value: person.id, source: 'id', ruleId: null, note: 'always written: the next run matches this person by it' })
    for (const spec of this.requiredUnmapped) warnings.push({ code: 'required-empty', target: spec.key, message: `No field mapping fills ${spec.label}, and Halo refuses ${this.kind === 'user' ? 'a user' : 'an agent'} without it.` })
    for (const compiled of this.rows) {
      const { row, spec } = compiled
      let value = row.source === '' ? '' : read(row.source)
      let note: string | null = null
      if (compiled.pipeline) value = compiled.pipeline(value, read)
      else if (compiled.broken) warnings.push({ code: 'transform-failed', target: spec.key, message: `${spec.label}: ${compiled.broken} The value is used untransformed.` })
      if (spec.manager && value !== '') {
        const manager = this.directory.person(value)
        if (manager) value = spec.key === 'admanager' ? manager.displayName : (manager.email ?? manager.login ?? '')
        else {
          warnings.push({ code: 'manager-unresolved', target: spec.key, message: `${spec.label}: the manager "${value}" is not in the directory snapshot; Halo is asked to find them at import.` })
          note = `resolved at import (${value})`
          value = ''
        }
      } else if (spec.manager) note = 'resolved at import'
      if (compiled.unknownCustomField) warnings.push({ code: 'unknown-custom-field', target: spec.key, message: `The custom field ${spec.label} does not exist in Halo: create it in Halo first (custom fields are not created by imports).` })
      if (value === '' && spec.required) warnings.push({ code: 'required-empty', target: spec.key, message: `${spec.label} is empty for this person, and Halo refuses ${this.kind === 'user' ? 'a user' : 'an agent'} without it.` })
      if (value.length > spec.maxLength) warnings.push({ code: 'too-long', target: spec.key, message: `${spec.label} is ${value.length} characters; Halo keeps at most ${spec.maxLength}.` })
      if (spec.email && value !== '' && !emailPattern.test(value)) warnings.push({ code: 'invalid-email', target: spec.key, message: `${spec.label} "${value}" is not a valid email address.` })
      fields.push({ target: spec.key, label: spec.label, value: value === '' ? null : value, source: row.source, ruleId: row.id, note })
    }
    return { fields, warnings }
  }
}
