/**
 * Mapping design in the contract: a connection's configuration with its validation, saving (refused
 * while errors remain), export and import as JSON, "Try it on a person" on an unsaved configuration,
 * the attributes people in the snapshot have (for pickers), and how many people each site mapping
 * matches. All of it works offline, from the snapshot and the cached Halo look-ups.
 */
import { z } from 'zod'
import { configIssueSchema } from '../mapping/config-issue'
import { connectionConfigSchema } from '../mapping/config-schema'
import { personOutcomeSchema } from '../mapping/outcome'

const connectionId = z.string().min(1)

export const mappingContextSchema = z.object({
  /** When the snapshot the checks used was fetched, or null without one. */
  snapshotFetchedAt: z.string().nullable(),
  /** Whether Halo's look-ups were ever cached for the connection's instance. */
  lookupsCached: z.boolean()
})

export const mappingStateSchema = z.object({
  config: connectionConfigSchema,
  /** False while the connection still runs on its source's defaults. */
  stored: z.boolean(),
  issues: z.array(configIssueSchema),
  context: mappingContextSchema
})
export type MappingState = z.infer<typeof mappingStateSchema>

export const mappingProcedures = {
  'mapping:get': {
    summary: "A connection's mapping configuration (its source's defaults until saved), with what is wrong in it.",
    input: z.object({ connectionId }).strict(),
    output: mappingStateSchema
  },
  'mapping:validate': {
    summary: 'Check an unsaved configuration: each problem with its tab, row and a fix.',
    input: z.object({ connectionId, config: connectionConfigSchema }).strict(),
    output: z.object({ issues: z.array(configIssueSchema) })
  },
  'mapping:save': {
    summary: 'Save a configuration; refused (VALIDATION_FAILED, details.issues) while it has errors.',
    input: z.object({ connectionId, config: connectionConfigSchema }).strict(),
    output: mappingStateSchema
  },
  'mapping:export': {
    summary: 'The saved configuration as JSON (no secrets), with a file name for it.',
    input: z.object({ connectionId }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() })
  },
  'mapping:readImport': {
    summary: 'Read an exported configuration (migrating an older version) and say what importing it would change; nothing is saved.',
    input: z.object({ connectionId, text: z.string().max(5_000_000) }).strict(),
    output: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), config: connectionConfigSchema, migratedFrom: z.number().nullable(), changes: z.array(z.string()), issues: z.array(configIssueSchema) }),
      z.object({ ok: z.literal(false), problems: z.array(z.string()) })
    ])
  },
  'mapping:try': {
    summary: '"Try it on a person": what one snapshot person becomes under an unsaved configuration, with every reason.',
    input: z.object({ connectionId, config: connectionConfigSchema, personId: z.string().min(1) }).strict(),
    /** `haloPeopleFetchedAt`: when Halo's users and agents matched against were read, or null if never (no match is shown). */
    output: z.object({ outcome: personOutcomeSchema, haloPeopleFetchedAt: z.string().nullable() })
  },
  'mapping:attributes': {
    summary: 'The attributes people in the snapshot have, each with a sample value, for pickers.',
    input: z.object({ connectionId }).strict(),
    output: z.object({ attributes: z.array(z.object({ name: z.string(), sample: z.string() })) })
  },
  'mapping:siteCounts': {
    summary: 'How many snapshot people each site mapping matches, and for how many it wins.',
    input: z.object({ connectionId, config: connectionConfigSchema }).strict(),
    output: z.object({ people: z.number().int(), counts: z.array(z.object({ mappingId: z.string(), matches: z.number().int(), wins: z.number().int() })) })
  }
} as const
