/**
 * Previews and syncs in the contract: building a connection's plan (Halo read live, or its cache),
 * the plan's header (counts, guardrail, sites, inputs, whether it is stale), its rows a page at a
 * time with the preview's filters, one row, a conflict's resolution, exports; starting, resuming and
 * cancelling a sync, and rehearsing one on a sandbox copy of Halo; runs and their reports.
 */
import { z } from 'zod'
import { guardrailSchema, planActions, planLicenceSchema, planRowSchema, planScopes, planSiteCreationSchema, planSummarySchema } from '../plan/plan-schema'

const connectionId = z.string().min(1)
const planId = z.string().min(1)
const runId = z.string().min(1)

const syncPhaseSchema = z.enum(['licences', 'sites', 'users', 'agents', 'directory', 'cabs', 'tickets'])

/** A preview's sync rehearsed on a sandbox copy of its Halo: what went through, and what Halo refused and why. */
export const rehearsalSchema = z.object({
  rehearsedAt: z.string(),
  /** interrupted: the rehearsal itself stopped (error says why); completed: every operation was tried. */
  state: z.enum(['completed', 'interrupted']),
  error: z.string().nullable(),
  counts: z.object({ total: z.number().int(), done: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  /** The first operations Halo refused, in sync order, with Halo's words. */
  failures: z.array(z.object({ phase: syncPhaseSchema, action: z.string(), name: z.string().nullable(), error: z.string() })),
  /** Licence changes a sync would make in the directory (never made by a rehearsal). */
  directoryChanges: z.number().int(),
  durationMs: z.number().int()
})
export type Rehearsal = z.infer<typeof rehearsalSchema>

export const planViewSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  scope: z.enum(planScopes),
  builtAt: z.string(),
  state: z.enum(['ready', 'synced', 'superseded']),
  inputs: z.object({
    snapshotFetchedAt: z.string(),
    haloReadAt: z.string().nullable(),
    haloLive: z.boolean(),
    haloOffline: z.string().nullable()
  }),
  summary: planSummarySchema,
  guardrail: guardrailSchema,
  sites: z.array(planSiteCreationSchema),
  /** Entra licence import: Halo software licences created or updated first. */
  licences: z.array(planLicenceSchema),
  cabChanges: z.number().int(),
  /** Why the plan no longer describes its inputs; a sync needs it rebuilt when not empty. */
  stale: z.array(z.string()),
  /** Site names the rows use, for the site filter. */
  siteNames: z.array(z.string()),
  /** The last rehearsal of this preview's sync, if any. */
  rehearsal: rehearsalSchema.nullable()
})
export type PlanView = z.infer<typeof planViewSchema>

export const runViewSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  planId: z.string(),
  state: z.enum(['running', 'interrupted', 'cancelled', 'completed', 'failed']),
  trigger: z.enum(['app', 'command-line']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  allowDeactivations: z.number().int().nullable(),
  counts: z.object({ total: z.number().int(), pending: z.number().int(), sent: z.number().int(), done: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  summary: planSummarySchema
})
export type RunView = z.infer<typeof runViewSchema>

export const reportRowSchema = z.object({
  seq: z.number().int(),
  phase: syncPhaseSchema,
  ref: z.string(),
  action: z.string(),
  state: z.enum(['pending', 'sent', 'done', 'failed', 'skipped']),
  haloId: z.string().nullable(),
  /** Halo's own words when it refused, or why the operation was not sent. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** The inbound log, for a person's record: who, which site mappings matched (the winner first), and what was done. */
  name: z.string().nullable(),
  mappings: z.array(z.string()),
  changed: z.array(z.string())
})
export type ReportRow = z.infer<typeof reportRowSchema>

const exportOutput = z.object({ fileName: z.string(), text: z.string() })

export const planProcedures = {
  'plan:build': {
    summary: "Build a connection's preview: users, agents or both; Halo read first when readHalo (its cache when it cannot be reached, said so).",
    input: z.object({ connectionId, scope: z.enum(planScopes), readHalo: z.boolean() }).strict(),
    output: planViewSchema
  },
  'plan:latest': {
    summary: "The connection's newest preview, or null.",
    input: z.object({ connectionId }).strict(),
    output: planViewSchema.nullable()
  },
  'plan:get': {
    summary: "A preview's header: counts, guardrail, sites, inputs, staleness.",
    input: z.object({ planId }).strict(),
    output: planViewSchema
  },
  'plan:rows': {
    summary: "A preview's rows in plan order, a page at a time, filtered by action, kind, site, warnings and search.",
    input: z
      .object({
        planId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(500),
        search: z.string().max(200).optional(),
        actions: z.array(z.enum(planActions)).max(planActions.length).optional(),
        kind: z.enum(['user', 'agent']).optional(),
        site: z.string().max(500).optional(),
        warningsOnly: z.boolean().optional()
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(planRowSchema) })
  },
  'plan:row': {
    summary: 'One row of a preview, with its changes and why.',
    input: z.object({ planId, key: z.string().min(1) }).strict(),
    output: planRowSchema
  },
  'plan:resolve': {
    summary: 'Resolve a conflict (pick a Halo record, or skip; null takes the choice back) and rebuild the preview from the same inputs.',
    input: z.object({ planId, key: z.string().min(1), choice: z.union([z.object({ pick: z.union([z.number(), z.string()]) }).strict(), z.object({ skip: z.literal(true) }).strict(), z.null()]) }).strict(),
    output: planViewSchema
  },
  'plan:export': {
    summary: 'A preview as a file: JSON (every row, what halo-identity sync --plan reads) or CSV.',
    input: z.object({ planId, format: z.enum(['json', 'csv']) }).strict(),
    output: exportOutput
  },
  'sync:start': {
    summary: 'Sync a preview; refused when it is stale, or when the guardrail blocks it and allowDeactivations is not its number of deactivations. Progress as task:progress sync:<connection id>.',
    input: z.object({ planId, allowDeactivations: z.number().int().min(0).nullable() }).strict(),
    output: z.object({ runId: z.string() })
  },
  'sync:rehearse': {
    summary: "Rehearse a preview's sync on a throwaway sandbox copy of its Halo (nothing is written to Halo or the directory); answers when done, kept with the preview. Progress as task:progress rehearsal:<connection id>.",
    input: z.object({ planId }).strict(),
    output: rehearsalSchema
  },
  'sync:resume': {
    summary: 'Resume a sync that stopped (interrupted or cancelled) where it stopped.',
    input: z.object({ runId }).strict(),
    output: runViewSchema
  },
  'sync:cancel': {
    summary: 'Cancel a sync: the batch in flight finishes, then it stops (it can be resumed).',
    input: z.object({ runId }).strict(),
    output: runViewSchema
  },
  'sync:run': {
    summary: 'A sync run: its state, counts and the plan summary it started from.',
    input: z.object({ runId }).strict(),
    output: runViewSchema
  },
  'sync:runs': {
    summary: "A connection's sync runs (every connection's without one), newest first.",
    input: z.object({ connectionId: connectionId.optional() }).strict(),
    output: z.array(runViewSchema)
  },
  'sync:report': {
    summary: "A run's operations in order with their results and Halo's words, a page at a time.",
    input: z.object({ runId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), state: z.enum(['pending', 'sent', 'done', 'failed', 'skipped']).optional() }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(reportRowSchema) })
  },
  'sync:exportReport': {
    summary: "A run's report as a file: CSV or JSON (every operation with its result).",
    input: z.object({ runId, format: z.enum(['json', 'csv']) }).strict(),
    output: exportOutput
  }
} as const
