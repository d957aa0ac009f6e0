/**
 * Site mappings compiled for evaluation: each mapping's filters (group, statuses, app, external
 * accounts, field criteria, the field that names an organisation's site) become one test that says
 * whether a person matches and, when not, why. Mappings are kept in sequence order; the first that
 * matches wins, and the checks record which others matched too.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { ConnectionConfig, SiteMapping } from '../../src-shared/mapping/config-schema'
import type { SiteMappingCheck } from '../../src-shared/mapping/outcome'
import { compileCriterion, notMet, type CompiledCriterion } from './criteria'
import { attributeText, readAttribute, type DirectoryIndex } from './directory-data'
import { sameRef, type HaloLookups } from './halo-state'

/** A person being evaluated, with what every mapping asks worked out once. */
export interface PersonContext {
  person: DirectoryPerson
  /** Position in the snapshot (DirectoryIndex.position). */
  position: number
  external: boolean
  explain: boolean
}

export interface CompiledSiteMapping {
  mapping: SiteMapping
  label: string
  isAgent: boolean
  /** Null when the person matches; otherwise why not (in words only when `explain` is set). */
  test: (person: PersonContext) => string | null
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

const guestLeftOut = 'an external (guest) account, and this mapping leaves them out'

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
      const groupExists = mapping.groupName === null || directory.hasGroup(mapping.groupName)
      const members = mapping.groupName === null ? null : directory.membersOfGroup(mapping.groupName)
      const statuses = new Set(mapping.statuses)
      const appName = mapping.appId
      const off = isAgent && importType === 'users' ? 'agents are not imported (Imports tab)' : !isAgent && importType === 'agents' ? 'users are not imported (Imports tab)' : null
      const noGroup = `there is no group named "${mapping.groupName}" in the directory`
      const notInGroup = `not in the group "${mapping.groupName}"`
      const notAssigned = `not assigned to the app ${appName}`
      const noSiteName = `${mapping.kind === 'organisation-by-field' ? mapping.field : ''} is empty, so there is no site name`
      const test = ({ person, position, external, explain }: PersonContext): string | null => {
        if (off) return off
        if (members !== null) {
          if (!groupExists) return noGroup
          if (members[position] !== 1) return notInGroup
        }
        if (statuses.size > 0 && !statuses.has(person.status)) return explain ? `status ${person.status} is not one of ${[...statuses].join(', ')}` : notMet
        if (appName !== null && !directory.assignedTo(person.id, appName)) return notAssigned
        if (!mapping.includeExternal && external) return guestLeftOut
        for (const criterion of criteria) {
          const failed = criterion(person, explain)
          if (failed !== null) return failed
        }
        if (mapping.kind === 'organisation-by-field' && attributeText(readAttribute(person, mapping.field)).trim() === '') return noSiteName
        return null
      }
      return { mapping, label: siteMappingLabel(mapping, lookups), isAgent, test }
    })
}

/**
 * Every mapping's verdict, in sequence; the winner is the first that matched. Without `explain`
 * only the mappings that matched are listed (the winner and those it beat), as a preview needs.
 */
export function checkSiteMappings(mappings: readonly CompiledSiteMapping[], context: PersonContext): { checks: SiteMappingCheck[]; winner: CompiledSiteMapping | null } {
  let winner: CompiledSiteMapping | null = null
  const checks: SiteMappingCheck[] = []
  const explain = context.explain
  for (const compiled of mappings) {
    const failed = compiled.test(context)
    const { id, sequence } = compiled.mapping
    if (failed !== null) {
      if (explain) checks.push({ mappingId: id, sequence, label: compiled.label, matched: false, reason: failed })
    } else if (winner === null) {
      winner = compiled
      checks.push({ mappingId: id, sequence, label: compiled.label, matched: true, reason: null })
    } else {
      checks.push({ mappingId: id, sequence, label: compiled.label, matched: true, reason: `also matched, but sequence ${winner.mapping.sequence} comes first` })
    }
  }
  return { checks, winner }
}
