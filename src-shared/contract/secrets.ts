/** What the renderer may know about a stored secret: that it exists and its metadata, never its value. */
import { z } from 'zod'

export const secretSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  isSet: z.boolean(),
  expiresAt: z.string().nullable(),
  updatedAt: z.string()
})
export type SecretSummary = z.infer<typeof secretSummarySchema>
