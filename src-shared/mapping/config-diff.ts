/**
 * What importing a configuration would change, in lines an admin reads before accepting: per table,
 * rows added, changed and removed (matched by row id), and each setting of the Imports and
 * Onboarding tabs that differs.
 */
import type { ConnectionConfig } from './config-schema'

function rows<T extends { id: string }>(label: string, before: readonly T[], after: readonly T[]): string[] {
  const old = new Map(before.map((row) => [row.id, JSON.stringify(row)]))
  const added = after.filter((row) => !old.has(row.id)).length
  const changed = after.filter((row) => old.has(row.id) && old.get(row.id) !== JSON.stringify(row)).length
  const kept = new Set(after.map((row) => row.id))
  const removed = before.filter((row) => !kept.has(row.id)).length
  const parts = [added && `${added} added`, changed && `${changed} changed`, removed && `${removed} removed`].filter(Boolean)
  return parts.length === 0 ? [] : [`${label}: ${parts.join(', ')}`]
}

/** Settings by the name their tab gives them. */
const settingNames: Record<string, string> = {
  importType: 'what to import',
  userMatching: 'user matching fields',
  agentMatching: 'agent matching fields',
  activeStatuses: 'active statuses',
  deactivateOutOfScope: 'deactivate people out of scope',
  defaultSiteId: 'default site (id)',
  guardrails: 'guardrails',
  enabled: 'on',
  ticketTypeId: 'ticket type (id)',
  templateId: 'template (id)',
  otherwise: 'agents no rule applies to'
}

function settings(label: string, before: Record<string, unknown>, after: Record<string, unknown>, skip: readonly string[] = []): string[] {
  return Object.keys(after)
    .filter((key) => !skip.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${label}: ${settingNames[key] ?? key} ${show(before[key])} → ${show(after[key])}`)
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => show(item)).join(', ')
  if (value === null || value === undefined) return '(none)'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function describeConfigChanges(before: ConnectionConfig, after: ConnectionConfig): string[] {
  const lines = [
    ...(before.source !== after.source ? [`Source: ${before.source} → ${after.source}`] : []),
    ...rows('User field mappings', before.fields.user, after.fields.user),
    ...rows('Agent field mappings', before.fields.agent, after.fields.agent),
    ...rows('Site mappings', before.siteMappings, after.siteMappings),
    ...rows('Agent role mappings', before.advanced.agentRoles, after.advanced.agentRoles),
    ...rows('CAB mappings', before.advanced.cabs, after.advanced.cabs),
    ...rows('User role mappings', before.advanced.userRoles, after.advanced.userRoles),
    ...rows('Licence rules', before.advanced.licences.rules, after.advanced.licences.rules),
    ...settings('Licences', before.advanced.licences, after.advanced.licences, ['rules']),
    ...rows('Onboarding fields', before.onboarding.fields, after.onboarding.fields),
    ...settings('Onboarding', before.onboarding, after.onboarding, ['fields']),
    ...settings('Imports', before.imports, after.imports)
  ]
  return lines
}
