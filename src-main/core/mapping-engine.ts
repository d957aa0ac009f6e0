/**
 * The mapping engine (pure: plain data in, plain data out; no I/O, clock or randomness). Built once
 * per configuration, directory snapshot and Halo state; then `evaluate(person)` says what that person
 * becomes in Halo (see src-shared/mapping/outcome.ts): the winning site mapping and why the others did
 * not win, the user and agent records field by field, site (existing, to be created under a client,
 * or the default), roles, CABs and licence from the advanced group mappings, whether they count as
 * active, which Halo record they match, and the onboarding ticket their creation would log.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import { externalIdField } from '../../src-shared/mapping/halo-fields'
import type { DesiredRecord, EngineWarning, ManagedSet, PersonOutcome, SitePlacement } from '../../src-shared/mapping/outcome'
import { attributeText, DirectoryIndex, readAttribute, type DirectoryData } from './directory-data'
import { CompiledFieldMappings } from './field-mappings'
import { sameRef, type HaloLookups, type HaloNamed, type HaloRecords, type HaloRef } from './halo-state'
import { RecordMatcher } from './matching'
import { CompiledOnboarding } from './onboarding'
import { checkSiteMappings, compileSiteMappings, isExternal, type CompiledSiteMapping, type PersonContext } from './site-mappings'

interface GroupRule {
  members: Uint8Array
  id: HaloRef
  name: string
  via: string
}

/** Group rules of one kind, with what they manage (may take away) worked out once. */
interface GroupRules {
  rules: GroupRule[]
  managed: HaloRef[]
  names: ReadonlyMap<string, string>
}

export interface EvaluateOptions {
  /**
   * Say why each site mapping did not match (Try it on a person). Off, only the mappings that
   * matched are listed — all a preview of thousands of people needs. On by default.
   */
  explain?: boolean
}

export class MappingEngine {
  readonly directory: DirectoryIndex
  private readonly siteMappings: CompiledSiteMapping[]
  private readonly userFields: CompiledFieldMappings
  private readonly agentFields: CompiledFieldMappings
  private readonly userMatcher: RecordMatcher | null
  private readonly agentMatcher: RecordMatcher | null
  private readonly agentRoleRules: GroupRules
  private readonly cabRules: GroupRules
  private readonly userRoleRules: GroupRules
  private readonly activeStatuses: ReadonlySet<string>
  private readonly onboarding: CompiledOnboarding | null

  /** Throws TransformError when a criterion's regex does not compile (validation reports it first). */
  constructor(
    private readonly config: ConnectionConfig,
    private readonly lookups: HaloLookups,
    directory: DirectoryData | DirectoryIndex,
    records: HaloRecords | null = null
  ) {
    this.directory = directory instanceof DirectoryIndex ? directory : new DirectoryIndex(directory)
    this.siteMappings = compileSiteMappings(config, lookups, this.directory)
    this.userFields = new CompiledFieldMappings('user', config.fields.user, config.source, lookups.customFields, this.directory)
    this.agentFields = new CompiledFieldMappings('agent', config.fields.agent, config.source, null, this.directory)
    this.userMatcher = records ? new RecordMatcher(records.users, externalIdField(config.source, 'user'), config.imports.userMatching) : null
    this.agentMatcher = records ? new RecordMatcher(records.agents, externalIdField(config.source, 'agent'), config.imports.agentMatching) : null
    const rules = <T extends { groupName: string; onLeave: 'remove' | 'keep' }>(rows: readonly T[], id: (row: T) => HaloRef, named: readonly HaloNamed[] | null): GroupRules => {
      const names = new Map((named ?? []).map((item) => [String(item.id).toLowerCase(), item.name]))
      const name = (ref: HaloRef): string => names.get(String(ref).toLowerCase()) ?? String(ref)
      return {
        rules: rows.map((row) => ({ members: this.directory.membersOfGroup(row.groupName), id: id(row), name: name(id(row)), via: `group "${row.groupName}"` })),
        managed: [...new Map(rows.filter((row) => row.onLeave === 'remove').map((row) => [String(id(row)), id(row)])).values()],
        names
      }
    }
    this.agentRoleRules = rules(config.advanced.agentRoles, (row) => row.roleId, lookups.agentRoles)
    this.cabRules = rules(config.advanced.cabs, (row) => row.cabId, lookups.cabs)
    this.userRoleRules = rules(config.advanced.userRoles, (row) => row.userRoleId, lookups.userRoles)
    this.activeStatuses = new Set(config.imports.activeStatuses)
    this.onboarding = CompiledOnboarding.compile(config.onboarding, lookups)
  }

  /** Every person of the snapshot, in its order. */
  evaluateAll(options: EvaluateOptions = {}): PersonOutcome[] {
    return this.directory.data.people.map((person) => this.evaluate(person, options))
  }

  evaluate(person: DirectoryPerson, options: EvaluateOptions = {}): PersonOutcome {
    const context: PersonContext = { person, position: this.directory.position(person.id), external: isExternal(person), explain: options.explain ?? true }
    const { checks, winner } = checkSiteMappings(this.siteMappings, context)
    const warnings: EngineWarning[] = []
    const active = this.isActive(person)
    const winnerId = winner?.mapping.id ?? null
    const defaultSite = this.config.imports.defaultSiteId
    if (!winner && (defaultSite === null || this.config.imports.importType === 'agents')) {
      const skipReason =
        this.siteMappings.length === 0 ? 'There are no site mappings yet (Site Mappings tab), and no default site.' : 'No site mapping matches this person, and no default site is set (Imports tab).'
      return { personId: person.id, displayName: person.displayName, status: person.status, active, role: 'none', skipReason, winner: winnerId, checks, user: null, agent: null, userMatch: null, agentMatch: null, onboarding: null, warnings }
    }
    let site: SitePlacement | null
    if (!winner) site = this.existingSite(defaultSite ?? '', true)
    else if (winner.isAgent) {
      // The agent's user record goes where the next matching user mapping (or the default) puts it.
      const next = checks.find((check) => check.matched && check.mappingId !== winner.mapping.id && !this.isAgentMapping(check.mappingId))
      const nextMapping = next ? this.siteMappings.find((compiled) => compiled.mapping.id === next.mappingId) : undefined
      site = nextMapping ? this.placement(nextMapping, person, warnings) : defaultSite !== null ? this.existingSite(defaultSite, true) : null
      if (!site) warnings.push({ code: 'no-site-for-agent', target: null, message: 'No user site mapping or default site places this agent’s user record; Halo needs a site for it.' })
    } else site = this.placement(winner, person, warnings)

    const userFields = this.userFields.evaluate(person)
    warnings.push(...userFields.warnings)
    const userRoleId = winner?.mapping.userRoleId ?? null
    const user: DesiredRecord = {
      kind: 'user',
      fields: userFields.fields,
      site,
      roles: this.managed(context.position, this.userRoleRules, userRoleId === null ? null : { id: userRoleId, via: winner?.label ?? '' }),
      cabs: { desired: [], managed: [] },
      licence: null
    }
    let agent: DesiredRecord | null = null
    if (winner?.isAgent) {
      const agentFields = this.agentFields.evaluate(person)
      warnings.push(...agentFields.warnings)
      const mappingRole = winner.mapping.kind === 'existing-site' ? winner.mapping.agentRoleId : null
      const roles = this.managed(context.position, this.agentRoleRules, mappingRole === null ? null : { id: mappingRole, via: winner.label })
      agent = { kind: 'agent', fields: agentFields.fields, site: null, roles, cabs: this.managed(context.position, this.cabRules, null), licence: this.licence(roles) }
    }
    return {
      personId: person.id,
      displayName: person.displayName,
      status: person.status,
      active,
      role: agent ? 'agent' : 'user',
      skipReason: null,
      winner: winnerId,
      checks,
      user,
      agent,
      userMatch: this.userMatcher?.match(person.id, user) ?? null,
      agentMatch: agent ? (this.agentMatcher?.match(person.id, agent) ?? null) : null,
      onboarding: this.onboarding?.ticketFor(person, warnings) ?? null,
      warnings
    }
  }

  private isActive(person: DirectoryPerson): boolean {
    if (this.config.source === 'entra') return readAttribute(person, 'accountEnabled') !== false && person.status !== 'disabled'
    return this.activeStatuses.has(person.status)
  }

  private isAgentMapping(id: string): boolean {
    return this.siteMappings.some((compiled) => compiled.mapping.id === id && compiled.isAgent)
  }

  private existingSite(siteId: HaloRef, byDefault: boolean): SitePlacement {
    const site = this.lookups.sites?.find((candidate) => sameRef(candidate.id, siteId))
    return { kind: 'existing', siteId, siteName: site?.name ?? `Site ${siteId}`, clientName: site?.clientName ?? null, byDefault }
  }

  private placement(compiled: CompiledSiteMapping, person: DirectoryPerson, warnings: EngineWarning[]): SitePlacement | null {
    const mapping = compiled.mapping
    if (mapping.kind === 'existing-site') return mapping.siteId === 'agent' ? null : this.existingSite(mapping.siteId, false)
    const siteName = attributeText(readAttribute(person, mapping.field)).trim()
    if (siteName === '') {
      warnings.push({ code: 'site-name-empty', target: null, message: `${mapping.field} is empty, so no site can be named for this person.` })
      return null
    }
    const existing = this.lookups.sites?.find((site) => sameRef(site.clientId, mapping.clientId) && site.name.trim().toLowerCase() === siteName.toLowerCase())
    if (existing) return { kind: 'existing', siteId: existing.id, siteName: existing.name, clientName: existing.clientName, byDefault: false }
    const client = this.lookups.clients?.find((candidate) => sameRef(candidate.id, mapping.clientId))
    return { kind: 'create', siteName, clientId: mapping.clientId, clientName: client?.name ?? `Client ${mapping.clientId}` }
  }

  /** What group rules (and the site mapping) give; managed = what the rules may take away. */
  private managed(position: number, kind: GroupRules, fromMapping: { id: HaloRef; via: string } | null): ManagedSet {
    const desired: ManagedSet['desired'] = []
    if (fromMapping) desired.push({ id: fromMapping.id, name: kind.names.get(String(fromMapping.id).toLowerCase()) ?? String(fromMapping.id), via: fromMapping.via })
    for (const rule of kind.rules) {
      if (rule.members[position] === 1 && !desired.some((item) => sameRef(item.id, rule.id))) desired.push({ id: rule.id, name: rule.name, via: rule.via })
    }
    return { desired, managed: kind.managed }
  }

  private licence(roles: ManagedSet): DesiredRecord['licence'] {
    const licences = this.config.advanced.licences
    if (!licences.enabled) return null
    const rule = licences.rules.find((candidate) => roles.desired.some((role) => sameRef(role.id, candidate.roleId)))
    return rule ? rule.licence : licences.otherwise === 'none' ? 'none' : null
  }
}
