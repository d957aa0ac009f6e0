/**
 * A connection's configuration: one versioned document with everything the five design tabs edit —
 * field mappings for users and agents, site mappings in sequence, advanced group mappings and licence
 * rules, onboarding, and imports (matching, active statuses, deactivation, guardrails). It holds
 * no secrets and is what export writes (docs/config-format.md). Structure is checked here; what refers
 * to Halo or to the directory (sites, roles, attributes) is checked by the engine's validation.
 */
import { z } from 'zod'

export const configVersion = 2

const rowId = z.string().min(1).max(64)
const text = (max: number) => z.string().max(max)
/** Halo ids: numbers for most records, GUID strings for agent roles. */
const haloId = z.union([z.number().int(), z.string().min(1).max(64)])

export const transformSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trim') }).strict(),
  z.object({ kind: z.literal('case'), to: z.enum(['upper', 'lower', 'title']) }).strict(),
  /** `{attribute}` placeholders; `{value}` is the value so far. */
  z.object({ kind: z.literal('template'), template: text(1000) }).strict(),
  z.object({ kind: z.literal('replace'), pattern: text(500), replacement: text(500), ignoreCase: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('default'), value: text(1000) }).strict(),
  z
    .object({
      kind: z.literal('lookup'),
      entries: z.array(z.object({ from: text(500), to: text(1000) }).strict()).max(500),
      ignoreCase: z.boolean().default(true),
      /** A value not in the table: kept as it is, emptied, or replaced by `fallback`. */
      otherwise: z.enum(['keep', 'empty', 'fallback']).default('keep'),
      fallback: text(1000).default('')
    })
    .strict()
])
export type Transform = z.infer<typeof transformSchema>
export type TransformKind = Transform['kind']

export const fieldMappingSchema = z
  .object({
    id: rowId,
    /** A directory attribute (the source's own name, e.g. firstName, mail), or empty with a template transform. */
    source: text(200),
    /** A Halo field key (halo-fields.ts), or `custom:<CF name>` for a user custom field; "" in a row not finished yet (validation refuses it). */
    target: text(200),
    transforms: z.array(transformSchema).max(20).default([])
  })
  .strict()
export type FieldMapping = z.infer<typeof fieldMappingSchema>

export const criterionOperators = ['equals', 'not_equals', 'starts_with', 'ends_with', 'contains', 'is_empty', 'is_not_empty', 'matches'] as const
export const criterionSchema = z
  .object({
    field: text(200).min(1),
    operator: z.enum(criterionOperators),
    value: text(500).default('')
  })
  .strict()
export type Criterion = z.infer<typeof criterionSchema>
export type CriterionOperator = Criterion['operator']

const siteMappingCommon = {
  id: rowId,
  sequence: z.number().int().min(0).max(100_000),
  /** Only members of this group (its exact name), or anyone when null. */
  groupName: text(256).nullable().default(null),
  /** All must hold. */
  criteria: z.array(criterionSchema).max(30).default([]),
  /** Guests / external accounts (Entra B2B, `#EXT#`) match too. */
  includeExternal: z.boolean().default(false),
  /** Okta: only people assigned to this app (id), or anyone when null. */
  appId: text(64).nullable().default(null),
  /** Okta: only people in these statuses, or any status when empty. */
  statuses: z.array(text(40)).max(16).default([]),
  /** The Halo user role these people get, or none. */
  userRoleId: haloId.nullable().default(null)
}

export const siteMappingSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('existing-site'),
      ...siteMappingCommon,
      /** A Halo site id, or "agent": the people become agents (and users). */
      siteId: z.union([haloId, z.literal('agent')]),
      /** For the agent site: the agent role they get. */
      agentRoleId: haloId.nullable().default(null)
    })
    .strict(),
  z
    .object({
      kind: z.literal('organisation-by-field'),
      ...siteMappingCommon,
      /** The Halo client (organisation) the sites are under. */
      clientId: haloId,
      /** The directory attribute whose value names the site (created when missing). */
      field: text(200).min(1)
    })
    .strict()
])
export type SiteMapping = z.infer<typeof siteMappingSchema>

const onLeave = z.enum(['remove', 'keep']).default('remove')
const groupRow = { id: rowId, groupName: text(256).min(1), onLeave }

export const advancedSchema = z
  .object({
    agentRoles: z.array(z.object({ ...groupRow, roleId: haloId }).strict()).max(200).default([]),
    cabs: z.array(z.object({ ...groupRow, cabId: haloId }).strict()).max(200).default([]),
    userRoles: z.array(z.object({ ...groupRow, userRoleId: haloId }).strict()).max(200).default([]),
    licences: z
      .object({
        enabled: z.boolean().default(false),
        /** The first rule whose agent role the agent has sets its licence. */
        rules: z.array(z.object({ id: rowId, roleId: haloId, licence: z.enum(['named', 'concurrent', 'none']) }).strict()).max(100).default([]),
        /** Agents no rule applies to: left as they are, or without a licence. */
        otherwise: z.enum(['keep', 'none']).default('keep')
      })
      .strict()
      .default({ enabled: false, rules: [], otherwise: 'keep' }),
    /**
     * Entra: the tenant's licences imported into Halo as software licences of one client (the one
     * its users are imported to), users linked to them on every sync; with `manageFromHalo`, licences
     * linked or unlinked in Halo are assigned or removed in Entra by the next sync (seed 001).
     */
    directoryLicences: z
      .object({
        enabled: z.boolean().default(false),
        clientId: haloId.nullable().default(null),
        manageFromHalo: z.boolean().default(false)
      })
      .strict()
      .default({ enabled: false, clientId: null, manageFromHalo: false })
  })
  .strict()
export type AdvancedConfig = z.infer<typeof advancedSchema>

export const onboardingSchema = z
  .object({
    enabled: z.boolean().default(false),
    ticketTypeId: haloId.nullable().default(null),
    templateId: haloId.nullable().default(null),
    /** Ticket fields (summary, details, or `custom:<CF name>`) from templates over the person's attributes. */
    fields: z.array(z.object({ id: rowId, target: text(200).min(1), template: text(4000) }).strict()).max(50).default([])
  })
  .strict()
export type OnboardingConfig = z.infer<typeof onboardingSchema>

export const importsSchema = z
  .object({
    importType: z.enum(['users', 'agents', 'both']).default('both'),
    /** Halo user fields compared after the external id, in this order. */
    userMatching: z.array(text(200)).max(10).default([]),
    agentMatching: z.array(text(200)).max(10).default([]),
    /** Okta statuses counted as active (Entra: accountEnabled). */
    activeStatuses: z.array(text(40)).max(16).default([]),
    deactivateOutOfScope: z.boolean().default(false),
    /** Where people no site mapping matches go, or nowhere (not imported). */
    defaultSiteId: haloId.nullable().default(null),
    guardrails: z
      .object({
        maxDeactivations: z.number().int().min(0).max(1_000_000).default(500),
        maxDeactivationPercent: z.number().min(0).max(100).default(20)
      })
      .strict()
      .default({ maxDeactivations: 500, maxDeactivationPercent: 20 })
  })
  .strict()
export type ImportsConfig = z.infer<typeof importsSchema>

export const connectionConfigSchema = z
  .object({
    version: z.literal(configVersion),
    source: z.enum(['okta', 'entra']),
    fields: z.object({ user: z.array(fieldMappingSchema).max(100), agent: z.array(fieldMappingSchema).max(100) }).strict(),
    siteMappings: z.array(siteMappingSchema).max(500),
    advanced: advancedSchema,
    onboarding: onboardingSchema,
    imports: importsSchema
  })
  .strict()
export type ConnectionConfig = z.infer<typeof connectionConfigSchema>
/** What a config is written as before defaults are filled in (an import, an older export). */
export type ConnectionConfigInput = z.input<typeof connectionConfigSchema>
