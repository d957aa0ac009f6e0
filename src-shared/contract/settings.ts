/** Workspace preferences: what they are, their defaults, and the shape of a partial change. */
import { z } from 'zod'

export const themeSchema = z.enum(['light', 'dark', 'auto'])
export type Theme = z.infer<typeof themeSchema>

export const settingsSchema = z.object({
  theme: themeSchema
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = { theme: 'auto' }

export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
