/**
 * What the mapping engine says about one directory person: the Halo user (and agent) they would
 * become, field by field with the rule that set each value, where they go (site, or a site to be
 * created under a client), roles, CABs and licence, whether they count as active, which site mapping
 * won and why the others did not, which Halo record they match, the onboarding ticket a creation
 * would log, and every warning. The preview and
 * "Try it on a person" both show this; it is plain data, so it crosses the contract as it is.
 */
import { z } from 'zod'

const haloId = z.union([z.number(), z.string()])

export const engineWarningSchema = z.object({
  code: z.enum(['required-empty', 'too-long', 'invalid-email', 'unknown-custom-field', 'manager-unresolved', 'transform-failed', 'no-site-for-agent', 'site-name-empty']),
  /** The Halo field concerned, when there is one. */
  target: z.string().nullable(),
  message: z.string()
})
export type EngineWarning = z.infer<typeof engineWarningSchema>

export const fieldResultSchema = z.object({
  target: z.string(),
  label: z.string(),
  value: z.string().nullable(),
  /** The directory attribute read ("" for a template-only row, "id" for the external id). */
  source: z.string(),
  /** The field mapping row that set it, or null for the external id, which is always written. */
  ruleId: z.string().nullable(),
  /** Said next to the value: "resolved at import", "from the default", … */
  note: z.string().nullable()
})
export type FieldResult = z.infer<typeof fieldResultSchema>

export const sitePlacementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), siteId: haloId, siteName: z.string(), clientName: z.string().nullable(), byDefault: z.boolean() }),
  z.object({ kind: z.literal('create'), siteName: z.string(), clientId: haloId, clientName: z.string() })
])
export type SitePlacement = z.infer<typeof sitePlacementSchema>

/** Memberships set from groups: what the person should have, and what the mappings manage (to remove when not desired). */
const managedSetSchema = z.object({
  desired: z.array(z.object({ id: haloId, name: z.string(), via: z.string() })),
  managed: z.array(haloId)
})
export type ManagedSet = z.infer<typeof managedSetSchema>

export const desiredRecordSchema = z.object({
  kind: z.enum(['user', 'agent']),
  fields: z.array(fieldResultSchema),
  site: sitePlacementSchema.nullable(),
  roles: managedSetSchema,
  cabs: managedSetSchema,
  /** Agents, with licence management on: the licence the rules give, or null to leave it. */
  licence: z.enum(['named', 'concurrent', 'none']).nullable()
})
export type DesiredRecord = z.infer<typeof desiredRecordSchema>

export const siteMappingCheckSchema = z.object({
  mappingId: z.string(),
  sequence: z.number(),
  label: z.string(),
  matched: z.boolean(),
  /** Why it did not match, or why it matched but did not win. */
  reason: z.string().nullable()
})
export type SiteMappingCheck = z.infer<typeof siteMappingCheckSchema>

export const matchResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matched'), recordId: haloId, by: z.string(), value: z.string() }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('conflict'), recordIds: z.array(haloId), by: z.string(), value: z.string() })
])
export type MatchResult = z.infer<typeof matchResultSchema>

/** The onboarding ticket logged when this import creates the person's Halo user (never for a match or an update). */
export const onboardingTicketSchema = z.object({
  ticketTypeId: haloId,
  ticketTypeName: z.string(),
  templateId: haloId.nullable(),
  templateName: z.string().nullable(),
  fields: z.array(z.object({ target: z.string(), label: z.string(), value: z.string().nullable(), ruleId: z.string() }))
})
export type OnboardingTicket = z.infer<typeof onboardingTicketSchema>

export const personOutcomeSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  status: z.string(),
  /** Counts as active (Okta: one of the active statuses; Entra: accountEnabled). */
  active: z.boolean(),
  /** user: a Halo user; agent: an agent and a user; none: not imported (no mapping, no default site). */
  role: z.enum(['user', 'agent', 'none']),
  /** Why role is none. */
  skipReason: z.string().nullable(),
  winner: z.string().nullable(),
  checks: z.array(siteMappingCheckSchema),
  user: desiredRecordSchema.nullable(),
  agent: desiredRecordSchema.nullable(),
  userMatch: matchResultSchema.nullable(),
  agentMatch: matchResultSchema.nullable(),
  /** With onboarding on, for someone imported: the ticket logged if their user is created. */
  onboarding: onboardingTicketSchema.nullable(),
  warnings: z.array(engineWarningSchema)
})
export type PersonOutcome = z.infer<typeof personOutcomeSchema>
