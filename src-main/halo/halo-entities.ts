/**
 * The Halo entities Identity Studio reads and writes: their path, how lists come back (an envelope
 * with `record_count` and a key, or a bare array — halo-api.md §8), and a zod schema for the fields we
 * rely on. Schemas are loose: fields we do not know are kept, never dropped, so a read-modify-write
 * cannot erase them.
 */
import { z } from 'zod'

const intId = z.number().int()
const text = z.string().nullish()
const flag = z.boolean().nullish()

const customField = z.looseObject({ id: z.number().nullish(), name: z.string().nullish(), label: text, value: z.unknown(), display: text })

export const haloEntities = {
  users: {
    path: 'Users',
    envelope: 'users',
    label: 'users',
    schema: z.looseObject({
      id: intId,
      name: text,
      firstname: text,
      surname: text,
      emailaddress: text,
      site_id: z.number().nullish(),
      client_id: z.number().nullish(),
      inactive: flag,
      azureoid: text,
      azure_id: text,
      okta_id: text,
      oktaid: text,
      customfields: z.array(customField).nullish()
    })
  },
  agents: {
    path: 'Agent',
    envelope: null,
    label: 'agents',
    schema: z.looseObject({ id: intId, name: text, email: text, isdisabled: flag, is_agent: flag })
  },
  sites: { path: 'Site', envelope: 'sites', label: 'sites', schema: z.looseObject({ id: intId, name: text, client_id: z.number().nullish(), inactive: flag }) },
  clients: { path: 'Client', envelope: 'clients', label: 'clients', schema: z.looseObject({ id: intId, name: text, inactive: flag }) },
  organisations: { path: 'Organisation', envelope: null, label: 'organisations', schema: z.looseObject({ id: intId, name: text }) },
  roles: { path: 'Roles', envelope: null, label: 'roles', schema: z.looseObject({ id: z.string(), name: text }) },
  /** End-user roles: int ids, bare array assumed (halo-api.md §4.1, shape [U]). */
  userRoles: { path: 'UserRoles', envelope: null, label: 'user roles', schema: z.looseObject({ id: intId, name: text }) },
  teams: { path: 'Team', envelope: null, label: 'teams', schema: z.looseObject({ id: intId, name: text, inactive: flag }) },
  cabs: { path: 'CAB', envelope: null, label: 'change advisory boards', schema: z.looseObject({ id: intId, name: text, members: z.array(z.looseObject({})).nullish() }) },
  ticketTypes: { path: 'TicketType', envelope: null, label: 'ticket types', schema: z.looseObject({ id: intId, name: text }) },
  /** Ticket templates (for onboarding tickets): `/api/Template`, not in the reference — a bare array with `tickettype_id` assumed [U]. */
  templates: { path: 'Template', envelope: null, label: 'ticket templates', schema: z.looseObject({ id: intId, name: text, tickettype_id: z.number().nullish() }) },
  fieldInfo: { path: 'FieldInfo', envelope: null, label: 'custom fields', schema: z.looseObject({ id: intId, name: text, label: text }) },
  licences: { path: 'SoftwareLicence', envelope: 'licences', label: 'licences', schema: z.looseObject({ id: intId, name: text }) },
  tickets: { path: 'Tickets', envelope: 'tickets', label: 'tickets', schema: z.looseObject({ id: intId, summary: text }) }
} as const

export type HaloEntityKind = keyof typeof haloEntities
export type HaloRecord<K extends HaloEntityKind> = z.output<(typeof haloEntities)[K]['schema']>

/** Largest page Halo accepts per entity where it caps it (Tickets: 100). */
export function maxPageSize(kind: HaloEntityKind): number {
  return kind === 'tickets' ? 100 : 1000
}
