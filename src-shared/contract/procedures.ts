/**
 * Every procedure the renderer may call: its `domain:action` name and zod schemas for input and output.
 * Main registers exactly one handler per entry; both transports and the preload derive from this map.
 */
import { z } from 'zod'
import { appInfoSchema, keychainStatusSchema } from './app-info'
import { settingsPatchSchema, settingsSchema } from './settings'
import { secretSummarySchema } from './secrets'

const noInput = z.object({}).strict()

export const procedures = {
  'app:info': {
    summary: 'Version, data folder, transport and keychain state, for the About dialog and health checks.',
    input: noInput,
    output: appInfoSchema
  },
  'app:openExternal': {
    summary: 'Open an https link the app approved (documentation, vendor consoles) in the system browser.',
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) })
  },
  'settings:get': {
    summary: 'The workspace preferences.',
    input: noInput,
    output: settingsSchema
  },
  'settings:update': {
    summary: 'Change some preferences; answers the whole new set and announces settings:changed.',
    input: settingsPatchSchema,
    output: settingsSchema
  },
  'secrets:status': {
    summary: 'Whether a keychain is usable and which secrets are stored (set / not set, never values).',
    input: noInput,
    output: z.object({ keychain: keychainStatusSchema, secrets: z.array(secretSummarySchema) })
  }
} as const

export type Procedures = typeof procedures
export type ProcedureName = keyof Procedures
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>

export const procedureNames = Object.keys(procedures) as ProcedureName[]

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name)
}
