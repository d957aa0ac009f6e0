/**
 * Halo instances in the contract: the form an admin fills in (validated the same way in the renderer
 * and in main), what the renderer may see of a saved instance (never its secret or tokens), the
 * "Test connection" checklist, and the cached look-ups.
 */
import { z } from 'zod'
import { parseHaloAddress } from '../halo-url'
import { checklistSchema, type Checklist, type ChecklistItem } from './checklist'
import { StudioError } from './errors'

export const haloDeploymentSchema = z.enum(['hosted', 'on-premise'])
export const haloAuthModeSchema = z.enum(['client_credentials', 'authorization_code'])

export const haloLookupKinds = ['clients', 'sites', 'organisations', 'roles', 'userRoles', 'teams', 'cabs', 'ticketTypes', 'templates', 'fieldInfo', 'licences'] as const
export const haloLookupKindSchema = z.enum(haloLookupKinds)
export type HaloLookupKind = z.infer<typeof haloLookupKindSchema>

export const haloLookupLabels: Record<HaloLookupKind, string> = {
  clients: 'Clients',
  sites: 'Sites',
  organisations: 'Organisations',
  roles: 'Agent roles',
  userRoles: 'User roles',
  teams: 'Teams',
  cabs: 'Change advisory boards',
  ticketTypes: 'Ticket types',
  templates: 'Ticket templates',
  fieldInfo: 'Custom fields',
  licences: 'Licences'
}

const trimmed = (max: number) => z.string().trim().max(max)

export const haloInstanceFormSchema = z
  .object({
    /** Absent when adding a new instance. */
    id: z.string().min(1).optional(),
    name: trimmed(80).min(1, 'Give the instance a name, for example "Production Halo".'),
    baseUrl: trimmed(500),
    deployment: haloDeploymentSchema,
    tenant: trimmed(100).nullable(),
    authServerUrl: trimmed(500).nullable(),
    authMode: haloAuthModeSchema,
    clientId: trimmed(200).min(1, 'Enter the client ID of the Halo API application.'),
    scope: trimmed(500).min(1, 'Enter the scope, usually "all".'),
    /** Write-only: a new secret, or null to keep the stored one. */
    clientSecret: z.string().max(1000).nullable(),
    rateLimitRequests: z.number().int().min(1, 'Allow at least 1 request.').max(100_000),
    rateLimitWindowSeconds: z.number().int().min(1).max(3600, 'Use a window of at most one hour.')
  })
  .strict()
export type HaloInstanceForm = z.infer<typeof haloInstanceFormSchema>

export interface FormIssue {
  path: string
  message: string
}

/**
 * Rules that span fields, shared by the form and by main before saving. `secretStored` says whether
 * a client secret is already in the keychain for this instance.
 */
export function haloInstanceFormIssues(form: HaloInstanceForm, secretStored: boolean): FormIssue[] {
  const issues: FormIssue[] = []
  try {
    parseHaloAddress(form.baseUrl, 'baseUrl')
  } catch (error) {
    issues.push({ path: 'baseUrl', message: error instanceof StudioError ? error.message : String(error) })
  }
  if (form.deployment === 'hosted' && !form.tenant) {
    issues.push({ path: 'tenant', message: 'Halo-hosted instances need a tenant: copy it from Configuration › Integrations › Halo API › API Details.' })
  }
  if (form.authServerUrl) {
    try {
      parseHaloAddress(form.authServerUrl, 'authServerUrl')
    } catch (error) {
      issues.push({ path: 'authServerUrl', message: error instanceof StudioError ? error.message.replace('Halo web address', 'auth server address') : String(error) })
    }
  }
  if (form.authMode === 'client_credentials' && !form.clientSecret && !secretStored) {
    issues.push({ path: 'clientSecret', message: 'Enter the client secret of the Halo API application (shown once when it is created).' })
  }
  return issues
}

/** "Test connection" answers the shared checklist shape (see checklist.ts). */
export const haloCheckSchema = checklistSchema
export type HaloCheck = Checklist
export type HaloCheckItem = ChecklistItem

export const haloLookupSummarySchema = z.object({
  kind: haloLookupKindSchema,
  label: z.string(),
  count: z.number().int(),
  fetchedAt: z.string()
})
export type HaloLookupSummary = z.infer<typeof haloLookupSummarySchema>

export const haloInstanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  deployment: haloDeploymentSchema,
  tenant: z.string().nullable(),
  authServerUrl: z.string().nullable(),
  authMode: haloAuthModeSchema,
  clientId: z.string(),
  scope: z.string(),
  rateLimitRequests: z.number().int(),
  rateLimitWindowSeconds: z.number().int(),
  isDemo: z.boolean(),
  secretSet: z.boolean(),
  signedIn: z.boolean(),
  lastCheck: haloCheckSchema.nullable(),
  lookups: z.array(haloLookupSummarySchema)
})
export type HaloInstance = z.infer<typeof haloInstanceSchema>

export const haloLookupRowSchema = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  detail: z.string().nullable(),
  /** What the record is for, where Halo says: a custom field's usage ("user", "ticket"), a ticket template's ticket type id. */
  appliesTo: z.string().nullable(),
  inactive: z.boolean()
})
export type HaloLookupRow = z.infer<typeof haloLookupRowSchema>

export const haloRefreshSchema = z.object({
  offline: z.boolean(),
  /** Why the instance could not be reached, when offline. */
  reason: z.string().nullable(),
  lookups: z.array(haloLookupSummarySchema)
})
