/**
 * A problem found in a connection's configuration, located for the design tabs: which tab, which row
 * (a row id) and which input, what is wrong and how to fix it. Errors keep a configuration from being
 * saved; warnings are shown but do not. Each design tab is a tab of the connection's page (its slug).
 */
import { z } from 'zod'
import type { ConnectionTabSlug } from '../contract/errors'

export const configTabs = ['fields', 'sites', 'advanced', 'onboarding', 'imports'] as const
export const configTabLabels: Record<(typeof configTabs)[number], string> = {
  fields: 'Field Mappings',
  sites: 'Site Mappings',
  advanced: 'Advanced',
  onboarding: 'Onboarding',
  imports: 'Imports'
}

/** The connection tab (its address) each design tab is. */
export const configTabSlugs: Record<(typeof configTabs)[number], ConnectionTabSlug> = {
  fields: 'field-mappings',
  sites: 'site-mappings',
  advanced: 'advanced',
  onboarding: 'onboarding',
  imports: 'imports'
}

export const configIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  tab: z.enum(configTabs),
  /** The row concerned (a mapping's id), or null for the tab's own settings. */
  rowId: z.string().nullable(),
  /** The input concerned (target, source, siteId, …), or null. */
  field: z.string().nullable(),
  message: z.string(),
  fix: z.string()
})
export type ConfigIssue = z.infer<typeof configIssueSchema>
