/**
 * The checklist a connection test answers ("Test connection" for Halo, "Test credentials" for Okta):
 * one line per thing checked, whether it works, and for what does not, the reason and what to change.
 */
import { z } from 'zod'

export const checklistItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  ok: z.boolean(),
  message: z.string(),
  count: z.number().int().nullable()
})
export type ChecklistItem = z.infer<typeof checklistItemSchema>

export const checklistSchema = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  items: z.array(checklistItemSchema)
})
export type Checklist = z.infer<typeof checklistSchema>
