/**
 * A plan: what a sync will do, exactly, built by the planner (src-main/core/planner.ts) from a
 * directory snapshot, a connection's configuration and Halo's state. One row per directory person
 * and Halo record affected, for each record kind in scope (users, agents), with its action and why,
 * the field-level changes (old → new), roles, CABs and licence, and what will be posted; plus the
 * sites to create, CAB membership changes, onboarding tickets, counts and the deactivation guardrail.
 * Plain data (it crosses the contract, is saved, exported and read back by `halo-identity sync`).
 */
import { z } from 'zod'

export const planVersion = 1

const haloId = z.union([z.number(), z.string()])

export const planActions = ['create', 'update', 'deactivate', 'reactivate', 'unchanged', 'skipped', 'conflict'] as const
export type PlanAction = (typeof planActions)[number]
export const planScopes = ['users', 'agents', 'both'] as const
export type PlanScope = (typeof planScopes)[number]

export const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable()
})
export type FieldChange = z.infer<typeof fieldChangeSchema>

const namedRef = z.object({ id: haloId, name: z.string() })
/** Memberships added and taken away (roles, CABs). */
export const setChangeSchema = z.object({ add: z.array(namedRef), remove: z.array(namedRef) })
export type SetChange = z.infer<typeof setChangeSchema>

export const planSiteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: haloId, name: z.string() }),
  /** A site the sync creates first (see Plan.sites), by its key. */
  z.object({ kind: z.literal('create'), key: z.string(), name: z.string() })
])
export type PlanSite = z.infer<typeof planSiteSchema>

export const planRowSchema = z.object({
  /** Stable within a plan: "user:<person id>", "agent:<person id>", or "user:halo:<id>" for a Halo record no directory person has any more. */
  key: z.string(),
  kind: z.enum(['user', 'agent']),
  personId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  action: z.enum(planActions),
  /** Why: the skip reason, what a deactivation is for, the conflict. */
  reason: z.string().nullable(),
  /** The Halo record updated, deactivated or reactivated (null for a create). */
  haloId: haloId.nullable(),
  /** How that record was found: "external id", or the matching field. */
  matchedBy: z.string().nullable(),
  site: planSiteSchema.nullable(),
  /** Every field a create writes; only the fields that differ for an update. */
  changes: z.array(fieldChangeSchema),
  roles: setChangeSchema.nullable(),
  cabs: setChangeSchema.nullable(),
  licence: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
  /**
   * Entra licence import: the user's Halo software licences linked (by the plan's licence key, when
   * the licence is created by this sync) and unlinked, and — when Halo manages licences — those
   * assigned and removed in Entra. Null when licences are not imported, or nothing changes.
   */
  softwareLicences: z
    .object({
      link: z.array(z.object({ key: z.string(), id: haloId.nullable(), name: z.string() })),
      unlink: z.array(namedRef),
      assign: z.array(z.object({ skuId: z.string(), name: z.string() })),
      unassign: z.array(z.object({ skuId: z.string(), name: z.string() })),
      /** The SKU ids both sides hold once this row is synced (what later syncs measure changes from). */
      target: z.array(z.string())
    })
    .nullable()
    .default(null),
  /** What is posted for this record (Halo field → value); the site, when new, is filled in by the sync. Null when nothing is sent. */
  write: z.record(z.string(), z.unknown()).nullable(),
  /** Several Halo records, or several directory people, for one match: to resolve (pick a record, or skip). */
  conflict: z
    .object({
      /** records: several Halo records match the person; shared-record: several people match one record; shared-email: several people have one email. */
      kind: z.enum(['records', 'shared-record', 'shared-email']),
      by: z.string(),
      value: z.string(),
      candidates: z.array(z.object({ id: haloId, name: z.string(), email: z.string().nullable() })),
      /** Other directory people involved (duplicate emails in the directory). */
      people: z.array(z.string())
    })
    .nullable(),
  /** Resolved by the admin: the record picked, or skipped. */
  resolution: z.union([z.object({ pick: haloId }), z.object({ skip: z.literal(true) })]).nullable(),
  /** The site mapping that placed the person, and the others that also matched. */
  winner: z.string().nullable(),
  alsoMatched: z.array(z.string()),
  warnings: z.array(z.string())
})
export type PlanRow = z.infer<typeof planRowSchema>

export const planSiteCreationSchema = z.object({ key: z.string(), name: z.string(), clientId: haloId, clientName: z.string(), people: z.number().int() })
export type PlanSiteCreation = z.infer<typeof planSiteCreationSchema>

/** A software licence the sync creates in Halo for an Entra licence, or whose seat count it updates. */
export const planLicenceSchema = z.object({
  key: z.string(),
  skuId: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update']),
  haloId: haloId.nullable(),
  clientId: haloId,
  /** Seats bought in Entra, and Halo's count before (null for a create). */
  count: z.number().int(),
  from: z.number().int().nullable()
})
export type PlanLicence = z.infer<typeof planLicenceSchema>

/** Members a CAB gains (agents by row key: they may be created by this sync) and loses (agent ids). */
export const planCabChangeSchema = z.object({ cabId: haloId, name: z.string(), add: z.array(z.string()), remove: z.array(haloId) })
export type PlanCabChange = z.infer<typeof planCabChangeSchema>

/** An onboarding ticket, logged after its user is created (by the user row's key). */
export const planTicketSchema = z.object({
  rowKey: z.string(),
  personId: z.string(),
  name: z.string(),
  ticketTypeId: haloId,
  ticketTypeName: z.string(),
  templateId: haloId.nullable(),
  /** Ticket field → value (summary, details, custom:<CF name>). */
  fields: z.record(z.string(), z.string())
})
export type PlanTicket = z.infer<typeof planTicketSchema>

export const guardrailSchema = z.object({
  deactivations: z.number().int(),
  /** Active Halo records the plan is about: what the percentage is of. */
  base: z.number().int(),
  percent: z.number(),
  maxDeactivations: z.number().int(),
  maxPercent: z.number(),
  blocked: z.boolean(),
  /** Why it is blocked, in words; null when it is not. */
  message: z.string().nullable()
})
export type Guardrail = z.infer<typeof guardrailSchema>

const actionCounts = z.record(z.enum(planActions), z.number().int())
export type ActionCounts = z.infer<typeof actionCounts>

export const planSummarySchema = z.object({
  users: actionCounts,
  agents: actionCounts,
  /** Users placed per site (created, updated, unchanged or reactivated), most first. */
  sites: z.array(z.object({ name: z.string(), count: z.number().int(), created: z.boolean() })),
  warnings: z.number().int(),
  tickets: z.number().int(),
  /** Entra licence import: licences linked and unlinked in Halo, assigned and removed in Entra (one per user and licence). */
  licences: z.object({ linked: z.number().int(), unlinked: z.number().int(), assigned: z.number().int(), unassigned: z.number().int() }).default({ linked: 0, unlinked: 0, assigned: 0, unassigned: 0 })
})
export type PlanSummary = z.infer<typeof planSummarySchema>

export const planSchema = z.object({
  version: z.literal(planVersion),
  scope: z.enum(planScopes),
  source: z.enum(['okta', 'entra']),
  rows: z.array(planRowSchema),
  sites: z.array(planSiteCreationSchema),
  /** Entra licence import: Halo software licences to create or update first. */
  licences: z.array(planLicenceSchema).default([]),
  cabs: z.array(planCabChangeSchema),
  tickets: z.array(planTicketSchema),
  summary: planSummarySchema,
  guardrail: guardrailSchema
})
export type Plan = z.infer<typeof planSchema>

export function emptyCounts(): ActionCounts {
  return Object.fromEntries(planActions.map((action) => [action, 0])) as ActionCounts
}
