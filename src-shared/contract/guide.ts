/**
 * The setup guide in the contract: its steps in order (Halo instance, directory, what to create at
 * the identity provider, credentials, first fetch, mappings, first preview, first sync, single
 * sign-on), and the progress kept in the workspace so that closing the app and coming back resumes
 * at the same step. Whether a step's check passed is read from the workspace itself, never stored.
 */
import { z } from 'zod'
import { connectionKindSchema } from './connections'

export const guideStepIds = ['halo', 'directory', 'provider', 'credentials', 'fetch', 'mappings', 'preview', 'sync', 'sso'] as const
export type GuideStepId = (typeof guideStepIds)[number]
const guideStepSchema = z.enum(guideStepIds)

export const guideProgressSchema = z.object({
  /** The step on screen. */
  step: guideStepSchema,
  haloInstanceId: z.string().nullable(),
  kind: connectionKindSchema.nullable(),
  /** The connection the guide made (from the credentials step on). */
  connectionId: z.string().nullable(),
  /** Steps the admin marked done themselves: the provider's setup followed, the mappings reviewed. */
  confirmed: z.array(guideStepSchema),
  skipped: z.array(guideStepSchema),
  startedAt: z.string(),
  /** When the last step was done or skipped; null while the guide is under way. */
  finishedAt: z.string().nullable(),
  /** The admin closed the guide: it no longer opens by itself at start. */
  dismissed: z.boolean()
})
export type GuideProgress = z.infer<typeof guideProgressSchema>

export const guidePatchSchema = guideProgressSchema.omit({ startedAt: true }).partial().strict()
export type GuidePatch = z.infer<typeof guidePatchSchema>

export const guideProcedures = {
  'guide:get': { summary: 'The setup guide’s saved progress, or null before it was ever started.', input: z.object({}).strict(), output: guideProgressSchema.nullable() },
  'guide:start': { summary: 'Start the setup guide afresh at its first step (a new connection).', input: z.object({}).strict(), output: guideProgressSchema },
  'guide:update': { summary: 'Keep where the guide is and what was chosen; names of instances and connections must exist.', input: guidePatchSchema, output: guideProgressSchema }
} as const
