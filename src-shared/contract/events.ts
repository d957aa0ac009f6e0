/**
 * Every event main may push to the renderer, with its payload schema.
 * Names read `domain:event`; subscribers get validated payloads only.
 */
import { z } from 'zod'
import { settingsSchema } from './settings'

export const events = {
  /** Preferences changed (from this window or another one). */
  'settings:changed': settingsSchema,
  /** Progress of a long task (directory fetch, preview, sync). */
  'task:progress': z.object({
    taskId: z.string().min(1),
    label: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().nullable(),
    etaMs: z.number().nonnegative().nullable()
  }),
  /** A sync run changed state. */
  'run:updated': z.object({
    runId: z.string().min(1),
    status: z.enum(['queued', 'running', 'paused', 'cancelled', 'failed', 'completed']),
    applied: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative()
  })
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<N extends EventName> = z.output<Events[N]>

export const eventNames = Object.keys(events) as EventName[]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}
