/**
 * Checks a whole configuration against Halo's cached look-ups and the directory snapshot, and says
 * where each problem is (tab, row, input) and how to fix it: each Halo field targeted once per table
 * (seed 001), Name mapped, custom fields existing in Halo, sites / clients / roles / CABs / ticket
 * types existing, a template for its ticket type, onboarding ticket fields that Halo has, regexes compiling, templates naming attributes people have, sequence numbers unique,
 * statuses and matching fields valid. Look-ups never cached are one warning, not a wall of errors.
 */
import type { ConnectionConfig, FieldMapping, SiteMapping } from '../../src-shared/mapping/config-schema'
import { criterionOperators } from '../../src-shared/mapping/config-schema'
import type { ConfigIssue } from '../../src-shared/mapping/config-issue'
import { customFieldPrefix, haloFieldSpec, haloFields, haloTicketFields, ticketFieldSpec, type HaloRecordKind } from '../../src-shared/mapping/halo-fields'
import { oktaUserStatuses } from '../../src-shared/okta-statuses'
import { sameRef, type HaloLookups, type HaloNamed } from './halo-state'
import { compileRegex, templateAttributes, TransformError } from './transforms'

export interface ValidationContext {
  lookups: HaloLookups
  /** Attribute names people in the snapshot have, or null without a snapshot. */
  attributes: ReadonlySet<string> | null
  /** Group names in the snapshot, or null without a snapshot. */
  groups: ReadonlySet<string> | null
  /** App ids in the snapshot (Okta), or null. */
  apps: ReadonlySet<string> | null
}

type Tab = ConfigIssue['tab']

export function validateConfig(config: ConnectionConfig, context: ValidationContext): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const add = (severity: ConfigIssue['severity'], tab: Tab, rowId: string | null, field: string | null, message: string, fix: string): void => {
    issues.push({ severity, tab, rowId, field, message, fix })
  }
  const missingLookups = new Set<string>()
  /** An id that must exist in a look-up; a look-up never cached is reported once. */
  const exists = (list: readonly HaloNamed[] | null, id: string | number, what: string, tab: Tab, rowId: string | null, field: string, where: string): void => {
    if (list === null) {
      if (!missingLookups.has(what)) add('warning', tab, null, null, `Halo's ${what} are not cached, so they cannot be checked.`, 'Open the Halo instance and refresh its look-ups.')
      missingLookups.add(what)
      return
    }
    if (!list.some((item) => sameRef(item.id, id))) add('error', tab, rowId, field, `${where}: the ${what.replace(/s$/, '')} ${JSON.stringify(id)} does not exist in Halo.`, `Choose one of Halo's ${what}, or refresh the look-ups if it was just created.`)
  }
  const template = (text: string, tab: Tab, rowId: string, field: string, where: string): void => {
    if (!context.attributes) return
    for (const name of templateAttributes(text)) {
      if (!context.attributes.has(name)) add('error', tab, rowId, field, `${where}: the template names {${name}}, which no one in the directory snapshot has.`, 'Use an attribute from the picker, spelled as the directory spells it.')
    }
  }
  const regex = (pattern: string, tab: Tab, rowId: string, field: string, where: string): void => {
    try {
      compileRegex(pattern, 'u')
    } catch (error) {
      if (!(error instanceof TransformError)) throw error
      add('error', tab, rowId, field, `${where}: ${error.message}`, 'Correct the pattern; test it on a person with "Try it on a person".')
    }
  }

  for (const kind of ['user', 'agent'] as const) fieldIssues(kind, config.fields[kind], context, add, template, regex)

  const sequences = new Map<number, string>()
  config.siteMappings.forEach((mapping, index) => {
    const where = `Site mapping ${index + 1} (sequence ${mapping.sequence})`
    const first = sequences.get(mapping.sequence)
    if (first !== undefined) add('error', 'sites', mapping.id, 'sequence', `${where}: sequence ${mapping.sequence} is used twice.`, 'Give each mapping its own sequence number; the lowest is tried first.')
    else sequences.set(mapping.sequence, mapping.id)
    siteMappingIssues(mapping, where, config, context, add, exists, regex)
  })

  const { advanced } = config
  const groupExists = (name: string, tab: Tab, rowId: string, where: string): void => {
    if (context.groups && !context.groups.has(name)) add('warning', tab, rowId, 'groupName', `${where}: there is no group named "${name}" in the directory snapshot.`, 'Check the exact name (case matters), or fetch the directory again.')
  }
  advanced.agentRoles.forEach((row, index) => {
    groupExists(row.groupName, 'advanced', row.id, `Agent role mapping ${index + 1}`)
    exists(context.lookups.agentRoles, row.roleId, 'agent roles', 'advanced', row.id, 'roleId', `Agent role mapping ${index + 1}`)
  })
  advanced.cabs.forEach((row, index) => {
    groupExists(row.groupName, 'advanced', row.id, `CAB mapping ${index + 1}`)
    exists(context.lookups.cabs, row.cabId, 'change advisory boards', 'advanced', row.id, 'cabId', `CAB mapping ${index + 1}`)
  })
  advanced.userRoles.forEach((row, index) => {
    groupExists(row.groupName, 'advanced', row.id, `User role mapping ${index + 1}`)
    exists(context.lookups.userRoles, row.userRoleId, 'user roles', 'advanced', row.id, 'userRoleId', `User role mapping ${index + 1}`)
  })
  advanced.licences.rules.forEach((rule, index) => exists(context.lookups.agentRoles, rule.roleId, 'agent roles', 'advanced', rule.id, 'roleId', `Licence rule ${index + 1}`))
  if (advanced.licences.enabled && advanced.licences.rules.length === 0 && advanced.licences.otherwise === 'keep') {
    add('warning', 'advanced', null, 'licences', 'Licence management is on, but with no rules it changes nothing.', 'Add a rule per agent role, or turn licence management off.')
  }
  directoryLicenceIssues(config, context, add, exists)

  onboardingIssues(config, context, add, exists, template)

  const { imports } = config
  for (const kind of ['user', 'agent'] as const) {
    const list = kind === 'user' ? imports.userMatching : imports.agentMatching
    const seen = new Set<string>()
    list.forEach((field, index) => {
      const spec = haloFieldSpec(kind, field)
      if (!spec || field.startsWith(customFieldPrefix)) add('error', 'imports', null, `${kind}Matching`, `${kind === 'user' ? 'User' : 'Agent'} matching field ${index + 1} is "${field}", which is not a Halo ${kind} field Identity Studio can match on.`, `Choose from: ${haloFields(kind).map((candidate) => candidate.label).join(', ')}.`)
      if (seen.has(field)) add('error', 'imports', null, `${kind}Matching`, `${kind === 'user' ? 'User' : 'Agent'} matching lists ${spec?.label ?? field} twice.`, 'Keep each matching field once; the order is the order tried.')
      seen.add(field)
    })
  }
  if (config.source === 'okta') {
    if (imports.activeStatuses.length === 0) add('error', 'imports', null, 'activeStatuses', 'No Okta status counts as active, so every person would be deactivated.', 'Tick the statuses that mean "active" (by default ACTIVE, PROVISIONED, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT).')
    for (const status of imports.activeStatuses) {
      if (!(oktaUserStatuses as readonly string[]).includes(status)) add('error', 'imports', null, 'activeStatuses', `"${status}" is not an Okta status.`, `Use ${oktaUserStatuses.join(', ')}.`)
    }
  }
  if (imports.defaultSiteId !== null) exists(context.lookups.sites, imports.defaultSiteId, 'sites', 'imports', null, 'defaultSiteId', 'The default site')
  if (config.siteMappings.length === 0 && imports.defaultSiteId === null) add('warning', 'sites', null, null, 'There are no site mappings and no default site, so no one would be imported.', 'Add a site mapping (or set a default site on the Imports tab).')
  return issues
}

type Add = (severity: ConfigIssue['severity'], tab: Tab, rowId: string | null, field: string | null, message: string, fix: string) => void
type Check = (text: string, tab: Tab, rowId: string, field: string, where: string) => void
type Exists = (list: readonly HaloNamed[] | null, id: string | number, what: string, tab: Tab, rowId: string | null, field: string, where: string) => void

function fieldIssues(kind: HaloRecordKind, rows: readonly FieldMapping[], context: ValidationContext, add: Add, template: Check, regex: Check): void {
  const table = kind === 'user' ? 'User' : 'Agent'
  const firstRowOf = new Map<string, number>()
  rows.forEach((row, index) => {
    const where = `${table} mapping ${index + 1}`
    const spec = haloFieldSpec(kind, row.target)
    if (row.target === '') {
      add('error', 'fields', row.id, 'target', `${where}: no Halo field is chosen.`, 'Pick the Halo field it fills, or delete the row.')
      return
    }
    if (!spec) {
      add('error', 'fields', row.id, 'target', `${where}: "${row.target}" is not a Halo ${kind} field${kind === 'agent' && row.target.startsWith(customFieldPrefix) ? ' (custom fields can be mapped for users only)' : ''}.`, `Choose a Halo field from the list.`)
      return
    }
    const first = firstRowOf.get(row.target)
    if (first !== undefined) add('error', 'fields', row.id, 'target', `${where}: ${spec.label} is already filled by ${table.toLowerCase()} mapping ${first + 1}. Each Halo field takes one row.`, 'Delete one of the two rows, or point it at another Halo field.')
    else firstRowOf.set(row.target, index)
    if (row.target.startsWith(customFieldPrefix) && context.lookups.customFields && !context.lookups.customFields.some((name) => name.toLowerCase() === row.target.slice(customFieldPrefix.length).toLowerCase())) {
      add('error', 'fields', row.id, 'target', `${where}: the custom field ${spec.label} does not exist in Halo.`, 'Create it in Halo (Configuration › Custom Objects), refresh the look-ups, then pick it.')
    }
    if (row.source === '' && !row.transforms.some((transform) => transform.kind === 'template' || transform.kind === 'default')) {
      add('error', 'fields', row.id, 'source', `${where}: no directory attribute is chosen for ${spec.label}.`, 'Pick an attribute, or add a template or a default.')
    } else if (row.source !== '' && context.attributes && !context.attributes.has(row.source)) {
      add('warning', 'fields', row.id, 'source', `${where}: no one in the directory snapshot has the attribute "${row.source}", so ${spec.label} would stay empty.`, 'Pick an attribute from the picker (it lists those people have).')
    }
    row.transforms.forEach((transform, step) => {
      const at = `${where}, transform ${step + 1}`
      if (transform.kind === 'template') template(transform.template, 'fields', row.id, 'transforms', at)
      if (transform.kind === 'replace') regex(transform.pattern, 'fields', row.id, 'transforms', at)
      if (transform.kind === 'lookup') {
        const froms = transform.entries.map((entry) => (transform.ignoreCase ? entry.from.trim().toLowerCase() : entry.from.trim()))
        const twice = froms.find((from, position) => froms.indexOf(from) !== position)
        if (twice !== undefined) add('error', 'fields', row.id, 'transforms', `${at}: the lookup table lists "${twice}" twice.`, 'Keep one row per value.')
      }
    })
  })
  if (!rows.some((row) => row.target === 'name')) add('error', 'fields', null, 'target', `No ${table.toLowerCase()} mapping fills Name, and Halo refuses ${kind === 'user' ? 'users' : 'agents'} without one.`, 'Map Name, for example from displayName, or from a template such as {firstName} {lastName}.')
}

function siteMappingIssues(mapping: SiteMapping, where: string, config: ConnectionConfig, context: ValidationContext, add: Add, exists: Exists, regex: Check): void {
  if (mapping.kind === 'existing-site') {
    if (mapping.siteId !== 'agent') exists(context.lookups.sites, mapping.siteId, 'sites', 'sites', mapping.id, 'siteId', where)
    if (mapping.siteId === 'agent' && mapping.agentRoleId !== null) exists(context.lookups.agentRoles, mapping.agentRoleId, 'agent roles', 'sites', mapping.id, 'agentRoleId', where)
  } else {
    exists(context.lookups.clients, mapping.clientId, 'clients', 'sites', mapping.id, 'clientId', where)
    if (context.attributes && !context.attributes.has(mapping.field)) add('error', 'sites', mapping.id, 'field', `${where}: no one in the directory snapshot has the attribute "${mapping.field}" to name sites by.`, 'Pick the attribute whose value should be the site name (e.g. city, department).')
  }
  if (mapping.userRoleId !== null) exists(context.lookups.userRoles, mapping.userRoleId, 'user roles', 'sites', mapping.id, 'userRoleId', where)
  if (mapping.groupName !== null && context.groups && !context.groups.has(mapping.groupName)) {
    add('warning', 'sites', mapping.id, 'groupName', `${where}: there is no group named "${mapping.groupName}" in the directory snapshot, so this mapping matches no one.`, 'Check the exact name (case matters), or fetch the directory again.')
  }
  if (config.source === 'okta') {
    for (const status of mapping.statuses) {
      if (!(oktaUserStatuses as readonly string[]).includes(status)) add('error', 'sites', mapping.id, 'statuses', `${where}: "${status}" is not an Okta status.`, `Use ${oktaUserStatuses.join(', ')}.`)
    }
    if (mapping.appId !== null && context.apps && !context.apps.has(mapping.appId)) add('warning', 'sites', mapping.id, 'appId', `${where}: the app ${mapping.appId} is not in the directory snapshot.`, 'Pick an app from the list, or fetch the directory again.')
  } else if (mapping.statuses.length > 0 || mapping.appId !== null) {
    add('error', 'sites', mapping.id, mapping.appId !== null ? 'appId' : 'statuses', `${where}: status and app filters are for Okta connections.`, 'Remove them; filter Entra people by group or field instead.')
  }
  mapping.criteria.forEach((criterion, index) => {
    const at = `${where}, criterion ${index + 1}`
    if (!(criterionOperators as readonly string[]).includes(criterion.operator)) return
    if (criterion.operator === 'matches') regex(criterion.value, 'sites', mapping.id, 'criteria', at)
    else if (criterion.operator !== 'is_empty' && criterion.operator !== 'is_not_empty' && criterion.value.trim() === '') {
      add('error', 'sites', mapping.id, 'criteria', `${at}: "${criterion.field}" needs a value to compare with.`, 'Enter the value, or use "is empty" / "is not empty".')
    }
    if (context.attributes && !context.attributes.has(criterion.field)) add('warning', 'sites', mapping.id, 'criteria', `${at}: no one in the directory snapshot has the attribute "${criterion.field}".`, 'Pick an attribute from the picker.')
  })
}

/** Entra licence import: an Entra connection only, into a client that exists; management from Halo needs the import. */
function directoryLicenceIssues(config: ConnectionConfig, context: ValidationContext, add: Add, exists: Exists): void {
  const { directoryLicences } = config.advanced
  if (directoryLicences.enabled && config.source !== 'entra') {
    add('error', 'advanced', null, 'directoryLicences', 'Licence import is for Microsoft Entra ID connections: Okta has no licences to import.', 'Turn licence import off.')
    return
  }
  if (directoryLicences.enabled && directoryLicences.clientId === null) {
    add('error', 'advanced', null, 'directoryLicences.clientId', 'Licence import is on, but no client is chosen for the licences.', 'Choose the client your users are imported to: the licences become its software licences.')
  } else if (directoryLicences.enabled && directoryLicences.clientId !== null) {
    exists(context.lookups.clients, directoryLicences.clientId, 'clients', 'advanced', null, 'directoryLicences.clientId', 'Licence import')
  }
  if (directoryLicences.manageFromHalo && !directoryLicences.enabled) {
    add('error', 'advanced', null, 'directoryLicences.manageFromHalo', 'Licences can be managed from Halo only when they are imported.', 'Turn licence import on (and choose its client), or turn management from Halo off.')
  }
}

function onboardingIssues(config: ConnectionConfig, context: ValidationContext, add: Add, exists: Exists, template: Check): void {
  const { onboarding } = config
  const chosenTemplate = onboarding.templateId === null ? null : (context.lookups.templates?.find((candidate) => sameRef(candidate.id, onboarding.templateId)) ?? null)
  if (onboarding.enabled) {
    if (onboarding.ticketTypeId === null) add('error', 'onboarding', null, 'ticketTypeId', 'Onboarding is on, but no ticket type is chosen.', 'Choose the ticket type to log for each new user, or turn onboarding off.')
    else exists(context.lookups.ticketTypes, onboarding.ticketTypeId, 'ticket types', 'onboarding', null, 'ticketTypeId', 'Onboarding')
    if (onboarding.templateId === null && !onboarding.fields.some((row) => row.target === 'summary')) {
      add('error', 'onboarding', null, 'fields', 'Onboarding tickets would have no summary, and Halo refuses a ticket without one.', 'Add a Summary row (e.g. "New starter: {displayName}"), or choose a template that gives one.')
    }
  }
  if (onboarding.templateId !== null) {
    exists(context.lookups.templates, onboarding.templateId, 'ticket templates', 'onboarding', null, 'templateId', 'Onboarding')
    if (chosenTemplate && chosenTemplate.ticketTypeId !== null && onboarding.ticketTypeId !== null && !sameRef(chosenTemplate.ticketTypeId, onboarding.ticketTypeId)) {
      const typeName = (id: string | number): string => context.lookups.ticketTypes?.find((type) => sameRef(type.id, id))?.name ?? `#${id}`
      add('error', 'onboarding', null, 'templateId', `Onboarding: the template "${chosenTemplate.name}" is for ${typeName(chosenTemplate.ticketTypeId)} tickets, not ${typeName(onboarding.ticketTypeId)}.`, 'Choose a template of the chosen ticket type, or no template.')
    }
  }
  const filled = new Set<string>()
  onboarding.fields.forEach((row, index) => {
    const where = `Onboarding field ${index + 1}`
    const spec = ticketFieldSpec(row.target)
    if (!spec) add('error', 'onboarding', row.id, 'target', `${where}: "${row.target}" is not a ticket field Identity Studio can fill.`, `Choose ${haloTicketFields.map((field) => field.label).join(', ')} or a ticket custom field.`)
    else if (filled.has(row.target)) add('error', 'onboarding', row.id, 'target', `${where}: the ticket field ${spec.label} is filled twice.`, 'Keep one row per ticket field.')
    else if (row.target.startsWith(customFieldPrefix) && context.lookups.ticketCustomFields && !context.lookups.ticketCustomFields.some((name) => name.toLowerCase() === row.target.slice(customFieldPrefix.length).toLowerCase())) {
      add('error', 'onboarding', row.id, 'target', `${where}: the ticket custom field ${spec.label} does not exist in Halo.`, 'Create it in Halo for tickets, refresh the look-ups, then pick it.')
    }
    filled.add(row.target)
    if (row.template.trim() === '') add('error', 'onboarding', row.id, 'template', `${where}: the template is empty, so ${spec?.label ?? row.target} would be blank.`, 'Write the text, with {attribute} placeholders for the person’s details, or delete the row.')
    template(row.template, 'onboarding', row.id, 'template', where)
  })
}
