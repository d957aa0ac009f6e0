/** Facts about the running app shown in About and used for health checks. */
import { z } from 'zod'

export const keychainStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  message: z.string()
})
export type KeychainStatus = z.infer<typeof keychainStatusSchema>

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  platform: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  keychain: keychainStatusSchema
})
export type AppInfo = z.infer<typeof appInfoSchema>
