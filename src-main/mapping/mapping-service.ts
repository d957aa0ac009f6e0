/**
 * Mapping design for a connection (the owner of `connection_config`): the configuration (its source's
 * defaults until saved), validation against the snapshot and Halo's cached look-ups, saving only
 * what has no errors, export and import as JSON, "Try it on a person" and the live site-mapping
 * counts on unsaved edits. Everything reads what the workspace keeps offline; nothing calls Halo or
 * the directory. A preview refused for the mappings' errors names the tab of the first (details.fix).
 */
import { eq } from 'drizzle-orm'
import { StudioError, type ErrorFix, type MappingState } from '../../src-shared/contract'
import { defaultConfig } from '../../src-shared/mapping/config-defaults'
import { describeConfigChanges } from '../../src-shared/mapping/config-diff'
import { configTabSlugs, type ConfigIssue } from '../../src-shared/mapping/config-issue'
import { readConfigText } from '../../src-shared/mapping/config-read'
import { configVersion, type ConnectionConfig } from '../../src-shared/mapping/config-schema'
import type { PersonOutcome } from '../../src-shared/mapping/outcome'
import type { ConnectionRepo } from '../connections/connection-repo'
import type { HaloLookups, HaloRecords } from '../core/halo-state'
import { MappingEngine } from '../core/mapping-engine'
import { checkSiteMappings, compileSiteMappings, isExternal } from '../core/site-mappings'
import { TransformError } from '../core/transforms'
import { validateConfig } from '../core/validate-config'
import type { SnapshotStore } from '../directory/snapshot-store'
import type { LookupCache } from '../halo/lookup-cache'
import type { StudioDb } from '../store/database'
import { connectionConfigTable } from '../store/schema'
import { haloLookupsFrom, SnapshotLoader, type LoadedSnapshot } from './mapping-inputs'

export class MappingService {
  private readonly loader: SnapshotLoader

  constructor(
    private readonly deps: { db: StudioDb; connections: ConnectionRepo; snapshots: SnapshotStore; lookups: LookupCache; now?: () => Date }
  ) {
    this.loader = new SnapshotLoader(deps.snapshots)
  }

  get(connectionId: string): MappingState {
    const { config, stored } = this.stored(connectionId)
    return { config, stored, ...this.check(connectionId, config) }
  }

  /** The apps the saved site mappings filter on (a directory fetch reads their assignments). */
  assignmentApps(connectionId: string): string[] {
    return this.stored(connectionId).config.siteMappings.flatMap((mapping) => (mapping.appId === null ? [] : [mapping.appId]))
  }

  validate(connectionId: string, config: ConnectionConfig): ConfigIssue[] {
    return this.check(connectionId, config).issues
  }

  save(connectionId: string, config: ConnectionConfig): MappingState {
    const connection = this.deps.connections.get(connectionId)
    if (config.source !== connection.kind) {
      throw new StudioError('VALIDATION_FAILED', `This configuration is for ${config.source === 'okta' ? 'Okta' : 'Entra'}, and ${connection.name} is ${connection.kind === 'okta' ? 'an Okta' : 'an Entra'} connection.`, { issues: [] })
    }
    const checked = this.check(connectionId, config)
    const errors = checked.issues.filter((issue) => issue.severity === 'error')
    if (errors.length > 0) {
      throw new StudioError('VALIDATION_FAILED', `Not saved: ${errors.length === 1 ? 'one problem needs' : `${errors.length} problems need`} fixing first.`, { issues: errors })
    }
    const values = { connectionId, version: configVersion, document: JSON.stringify(config), updatedAt: (this.deps.now?.() ?? new Date()).toISOString() }
    this.deps.db.insert(connectionConfigTable).values(values).onConflictDoUpdate({ target: connectionConfigTable.connectionId, set: values }).run()
    return { config, stored: true, ...checked }
  }

  export(connectionId: string): { fileName: string; text: string } {
    const connection = this.deps.connections.get(connectionId)
    const { config } = this.get(connectionId)
    const slug = connection.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection'
    return { fileName: `${slug}.identity-studio.json`, text: `${JSON.stringify(config, null, 2)}\n` }
  }

  readImport(connectionId: string, text: string): { ok: true; config: ConnectionConfig; migratedFrom: number | null; changes: string[]; issues: ConfigIssue[] } | { ok: false; problems: string[] } {
    const connection = this.deps.connections.get(connectionId)
    const read = readConfigText(text)
    if (!read.ok) return read
    if (read.config.source !== connection.kind) {
      return { ok: false, problems: [`This configuration was exported from ${read.config.source === 'okta' ? 'an Okta' : 'an Entra'} connection; ${connection.name} is ${connection.kind === 'okta' ? 'an Okta' : 'an Entra'} connection.`] }
    }
    const current = this.get(connectionId).config
    return { ok: true, config: read.config, migratedFrom: read.migratedFrom, changes: describeConfigChanges(current, read.config), issues: this.validate(connectionId, read.config) }
  }

  /** One person under an unsaved configuration, matched against Halo's users and agents as last read (when they were). */
  tryPerson(connectionId: string, config: ConnectionConfig, personId: string): { outcome: PersonOutcome; haloPeopleFetchedAt: string | null } {
    const connection = this.deps.connections.get(connectionId)
    const users = this.deps.lookups.people(connection.haloInstanceId, 'users')
    const agents = this.deps.lookups.people(connection.haloInstanceId, 'agents')
    const records = users ? { users: users.records, agents: agents?.records ?? [] } : null
    const { snapshot, engine } = this.engine(connectionId, config, records)
    const person = snapshot.index.data.people.find((candidate) => candidate.id === personId)
    if (!person) throw new StudioError('NOT_FOUND', 'That person is not in the current snapshot; fetch the directory again or pick someone else.', { personId })
    return { outcome: engine.evaluate(person, { explain: true }), haloPeopleFetchedAt: users?.fetchedAt ?? null }
  }

  /**
   * What a preview plans from: the saved configuration (refused while it has errors), the snapshot,
   * Halo's cached look-ups and its users and agents as last read.
   */
  planInputs(connectionId: string): { config: ConnectionConfig; snapshot: LoadedSnapshot; lookups: HaloLookups; halo: HaloRecords; haloReadAt: string | null } {
    const connection = this.deps.connections.get(connectionId)
    const state = this.get(connectionId)
    const errors = state.issues.filter((issue) => issue.severity === 'error')
    const first = errors[0]
    if (first) {
      throw new StudioError('VALIDATION_FAILED', `${connection.name}'s mappings have ${errors.length === 1 ? 'a problem' : `${errors.length} problems`} to fix before a preview: ${first.message}`, {
        issues: errors,
        fix: { area: 'connection', id: connectionId, tab: configTabSlugs[first.tab] } satisfies ErrorFix
      })
    }
    const snapshot = this.loader.load(connectionId)
    if (!snapshot) throw new StudioError('NOT_FOUND', `${connection.name} has no directory snapshot yet: fetch the directory on the Details tab first.`, { connectionId })
    const users = this.deps.lookups.people(connection.haloInstanceId, 'users')
    const agents = this.deps.lookups.people(connection.haloInstanceId, 'agents')
    return { config: state.config, snapshot, lookups: haloLookupsFrom(this.deps.lookups, connection.haloInstanceId), halo: { users: users?.records ?? [], agents: agents?.records ?? [] }, haloReadAt: users?.fetchedAt ?? null }
  }

  attributes(connectionId: string): Array<{ name: string; sample: string }> {
    const snapshot = this.loader.load(connectionId)
    if (!snapshot) return []
    return [...snapshot.attributes].map(([name, sample]) => ({ name, sample })).sort((a, b) => a.name.localeCompare(b.name))
  }

  siteCounts(connectionId: string, config: ConnectionConfig): { people: number; counts: Array<{ mappingId: string; matches: number; wins: number }> } {
    const snapshot = this.loader.load(connectionId)
    if (!snapshot) return { people: 0, counts: config.siteMappings.map((mapping) => ({ mappingId: mapping.id, matches: 0, wins: 0 })) }
    const connection = this.deps.connections.get(connectionId)
    const compiled = this.compile(() => compileSiteMappings(config, haloLookupsFrom(this.deps.lookups, connection.haloInstanceId), snapshot.index))
    const counts = new Map(config.siteMappings.map((mapping) => [mapping.id, { mappingId: mapping.id, matches: 0, wins: 0 }]))
    snapshot.index.data.people.forEach((person, position) => {
      const { checks, winner } = checkSiteMappings(compiled, { person, position, external: isExternal(person), explain: false })
      for (const check of checks) {
        const count = counts.get(check.mappingId)
        if (!count) continue
        count.matches += 1
        if (winner?.mapping.id === check.mappingId) count.wins += 1
      }
    })
    return { people: snapshot.index.data.people.length, counts: [...counts.values()] }
  }

  /** The saved configuration, or the source's defaults. */
  private stored(connectionId: string): { config: ConnectionConfig; stored: boolean } {
    const connection = this.deps.connections.get(connectionId)
    const row = this.deps.db.select().from(connectionConfigTable).where(eq(connectionConfigTable.connectionId, connectionId)).get()
    if (!row) return { config: defaultConfig(connection.kind), stored: false }
    const read = readConfigText(row.document)
    // A stored document was valid when saved; one that no longer reads is reported, not lost.
    if (!read.ok) throw new StudioError('INTERNAL', `The saved configuration of ${connection.name} cannot be read: ${read.problems.join(' ')}`, { connectionId })
    return { config: read.config, stored: true }
  }

  private check(connectionId: string, config: ConnectionConfig): Pick<MappingState, 'issues' | 'context'> {
    const connection = this.deps.connections.get(connectionId)
    const snapshot = this.loader.load(connectionId)
    const lookups = haloLookupsFrom(this.deps.lookups, connection.haloInstanceId)
    const apps = snapshot ? new Set(this.deps.snapshots.apps(connectionId).map((app) => app.id)) : null
    const issues = validateConfig(config, {
      lookups,
      attributes: snapshot ? new Set(snapshot.attributes.keys()) : null,
      groups: snapshot ? new Set(snapshot.index.groupNames.values()) : null,
      apps
    })
    const lookupsCached = Object.values(lookups).some((list) => list !== null)
    return { issues, context: { snapshotFetchedAt: snapshot?.fetchedAt ?? null, lookupsCached } }
  }

  private engine(connectionId: string, config: ConnectionConfig, records: HaloRecords | null): { snapshot: LoadedSnapshot; engine: MappingEngine } {
    const connection = this.deps.connections.get(connectionId)
    const snapshot = this.loader.load(connectionId)
    if (!snapshot) throw new StudioError('NOT_FOUND', `${connection.name} has no directory snapshot yet: fetch the directory on the Details tab first.`, { connectionId })
    const lookups = haloLookupsFrom(this.deps.lookups, connection.haloInstanceId)
    return { snapshot, engine: this.compile(() => new MappingEngine(config, lookups, snapshot.index, records)) }
  }

  /** A regex that does not compile is the admin's to fix: said as a validation failure. */
  private compile<T>(build: () => T): T {
    try {
      return build()
    } catch (error) {
      if (error instanceof TransformError) throw new StudioError('VALIDATION_FAILED', `${error.message} Fix it on the Site Mappings tab.`, { issues: [] })
      throw error
    }
  }
}
