/**
 * Site mappings compiled for evaluation: each mapping's filters (group, statuses, app, external
 * accounts, field criteria, the field that names an organisation's site) become one test that says
 * whether a person matches and, when not, why. Mappings are kept in sequence order; the first that
 * matches wins, and the checks record which others matched too.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { ConnectionConfig, SiteMapping } from '../../src-shared/mapping/config-schema'
import type { SiteMappingCheck } from '../../src-shared/mapping/outcome'
import { compileCriterion, type CompiledCriterion } from './criteria'
import { attributeText, readAttribute, type DirectoryIndex } from './directory-data'
import { sameRef, type HaloLookups } from './halo-state'

export interface CompiledSiteMapping {
  mapping: SiteMapping
  label: string
  isAgent: boolean
  /** Null when the person matches; otherwise why not. */
  test: (person: DirectoryPerson) => string | null
}

export function siteMappingLabel(mapping: SiteMapping, lookups: HaloLookups): string {
  if (mapping.kind === 'existing-site') {
    if (mapping.siteId === 'agent') return `Sequence ${mapping.sequence}: *agent*`
    const site = lookups.sites?.find((candidate) => sameRef(candidate.id, mapping.siteId))
    return `Sequence ${mapping.sequence}: ${site ? site.name : `site ${mapping.siteId}`}`
  }
  const client = lookups.clients?.find((candidate) => sameRef(candidate.id, mapping.clientId))
  return `Sequence ${mapping.sequence}: ${client ? client.name : `client ${mapping.clientId}`} by ${mapping.field}`
}

/** A guest or external account (Entra B2B guests, `#EXT#` logins, a userType of Guest). */
export function isExternal(person: DirectoryPerson): boolean {
  return attributeText(readAttribute(person, 'userType')).toLowerCase() === 'guest' || (person.login ?? '').toUpperCase().includes('#EXT#')
}

/** Throws TransformError for a criterion whose regex does not compile. */
export function compileSiteMappings(config: ConnectionConfig, lookups: HaloLookups, directory: DirectoryIndex): CompiledSiteMapping[] {
  const importType = config.imports.importType
  return [...config.siteMappings]
    .sort((a, b) => a.sequence - b.sequence)
    .map((mapping) => {
      const isAgent = mapping.kind === 'existing-site' && mapping.siteId === 'agent'
      const criteria: CompiledCriterion[] = mapping.criteria.map(compileCriterion)
      const groupIds = mapping.groupName === null ? null : directory.groupIds(mapping.groupName)
      const statuses = new Set(mapping.statuses)
      const appName = mapping.appId
      const off = isAgent && importType === 'users' ? 'agents are not imported (Imports tab)' : !isAgent && importType === 'agents' ? 'users are not imported (Imports tab)' : null
      const test = (person: DirectoryPerson): string | null => {
        if (off) return off
        if (groupIds !== null) {
          if (groupIds.length === 0) return `there is no group named "${mapping.groupName}" in the directory`
          if (!directory.inGroup(person.id, groupIds)) return `not in the group "${mapping.groupName}"`
        }
        if (statuses.size > 0 && !statuses.has(person.status)) return `status ${person.status} is not one of ${[...statuses].join(', ')}`
        if (appName !== null && !directory.assignedTo(person.id, appName)) return `not assigned to the app ${appName}`
        if (!mapping.includeExternal && isExternal(person)) return 'an external (guest) account, and this mapping leaves them out'
        for (const criterion of criteria) {
          const failed = criterion(person)
          if (failed) return failed
        }
        if (mapping.kind === 'organisation-by-field' && attributeText(readAttribute(person, mapping.field)).trim() === '') return `${mapping.field} is empty, so there is no site name`
        return null
      }
      return { mapping, label: siteMappingLabel(mapping, lookups), isAgent, test }
    })
}

/** Every mapping's verdict, in sequence; the winner is the first that matched. */
export function checkSiteMappings(mappings: readonly CompiledSiteMapping[], person: DirectoryPerson): { checks: SiteMappingCheck[]; winner: CompiledSiteMapping | null } {
  let winner: CompiledSiteMapping | null = null
  const checks = mappings.map((compiled): SiteMappingCheck => {
    const failed = compiled.test(person)
    const base = { mappingId: compiled.mapping.id, sequence: compiled.mapping.sequence, label: compiled.label }
    if (failed !== null) return { ...base, matched: false, reason: failed }
    if (winner === null) {
      winner = compiled
      return { ...base, matched: true, reason: null }
    }
    return { ...base, matched: true, reason: `also matched, but sequence ${winner.mapping.sequence} comes first` }
  })
  return { checks, winner }
}
