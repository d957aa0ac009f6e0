/**
 * The planner (pure: plain data in, plain data out; no I/O, clock or randomness): from a snapshot, a
 * configuration and Halo's state, what a sync will do — one row per directory person for the record
 * kind in scope (users, or agents); with both in scope, a user row for everyone and an agent row for
 * those the mappings make agents (or whose agent record is deactivated) — plus one per Halo record
 * an earlier sync linked whose person has left the directory.
 * Each row says create / update (only the fields that differ) / deactivate / reactivate / unchanged /
 * skipped / conflict, and why. Deactivation: a person whose status is not counted as active (always,
 * as Halo's own integrations do), or out of scope (no mapping places them, or gone from the
 * directory) when the Imports tab says so. Several Halo records for one person, several people for
 * one record, or several people with one email are conflicts to resolve, never guesses. Also: the
 * sites to create, Entra licences (licence-plan.ts), CAB changes, onboarding tickets (created users
 * only, never twice), counts and the guardrail. Same inputs, same plan, rows in snapshot order then Halo ids.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { ConnectionConfig } from '../../src-shared/mapping/config-schema'
import { externalIdField, type HaloRecordKind } from '../../src-shared/mapping/halo-fields'
import type { DesiredRecord, MatchResult, PersonOutcome } from '../../src-shared/mapping/outcome'
import { emptyCounts, planVersion, type Plan, type PlanCabChange, type PlanRow, type PlanScope, type PlanSite, type PlanSiteCreation, type PlanTicket } from '../../src-shared/plan/plan-schema'
import type { DirectoryData, DirectoryIndex } from './directory-data'
import { evaluateGuardrail } from './guardrail'
import { licencePlanner, type LicencePlanner } from './licence-plan'
import type { HaloLookups, HaloPersonRecord, HaloRecords, HaloRef } from './halo-state'
import { MappingEngine } from './mapping-engine'
import { cabChange, diffRecord, type DiffContext } from './plan-diff'

export type Resolution = { pick: HaloRef } | { skip: true }

export interface PlanInputs {
  config: ConnectionConfig
  lookups: HaloLookups
  directory: DirectoryData | DirectoryIndex
  halo: HaloRecords
  scope: PlanScope
  /** What earlier syncs of this connection linked: person id → Halo record id, per kind. */
  links?: { user: ReadonlyMap<string, HaloRef>; agent: ReadonlyMap<string, HaloRef> }
  /** People who already had their onboarding ticket (by person id). */
  onboarded?: ReadonlySet<string>
  /** The admin's choices for conflicts, by row key. */
  resolutions?: ReadonlyMap<string, Resolution>
  /** Entra licence import: the SKU ids each person's licences were brought to by the last sync (by person id). */
  licenceBases?: ReadonlyMap<string, readonly string[]>
}

const noLinks = new Map<string, HaloRef>()
const refKey = (ref: HaloRef): string => String(ref).trim().toLowerCase()

interface KindState {
  kind: HaloRecordKind
  flag: 'inactive' | 'isdisabled'
  emailField: string
  records: Map<string, HaloPersonRecord>
  byExternalId: Map<string, HaloPersonRecord[]>
  links: ReadonlyMap<string, HaloRef>
  /** Halo record id (lower case) → the person (lower case) an earlier sync linked it to. */
  linkedTo: ReadonlyMap<string, string>
  externalField: string | null
  diff: DiffContext
  boards: HaloLookups['cabs']
}

/** A person's match for one kind before conflicts across people are looked at. */
interface Claim {
  record: HaloPersonRecord | null
  by: string | null
  /** Matched by the stored directory id or an earlier sync's link: owned, never contested. */
  owned: boolean
  /** Several records matched by a field (none owned by someone else): the person's own conflict. */
  candidates: { ids: HaloRef[]; by: string; value: string } | null
}

/** What cross-person conflicts are found from: a row's claim on a record, and its email. */
interface ClaimNote {
  index: number
  record: HaloPersonRecord | null
  by: string | null
  email: string | null
}

export function buildPlan(inputs: PlanInputs): Plan {
  const { config, lookups, halo, scope } = inputs
  const engine = new MappingEngine(config, lookups, inputs.directory, halo)
  const people = engine.directory.data.people
  const kinds: HaloRecordKind[] = scope === 'both' ? ['user', 'agent'] : scope === 'users' ? ['user'] : ['agent']
  const states = new Map(kinds.map((kind) => [kind, kindState(kind, config, lookups, halo, inputs.links?.[kind] ?? noLinks)]))
  const resolutions = inputs.resolutions ?? new Map<string, Resolution>()
  const onboarded = inputs.onboarded ?? new Set<string>()
  const licencing = config.source === 'entra' ? licencePlanner(config.advanced.directoryLicences, engine.directory.data.licences ?? [], lookups.licences ?? []) : null

  // One pass over the people, keeping rows (not outcomes) and what the later passes need.
  const rows: PlanRow[] = []
  const notes = new Map<HaloRecordKind, ClaimNote[]>(kinds.map((kind) => [kind, []]))
  const newSites = new Map<string, PlanSiteCreation>()
  const tickets = new Map<string, NonNullable<PersonOutcome['onboarding']>>()
  for (const person of people) {
    const outcome = engine.evaluate(person, { explain: false })
    let first: PlanRow | null = null
    for (const kind of kinds) {
      const state = states.get(kind) as KindState
      const claim = claimOf(outcome, state, resolutions)
      const row = personRow(person, outcome, claim, state, config, resolutions)
      // Licences follow active users only: a disabled account's are left as they are.
      if (kind === 'user' && licencing && outcome.active && placed(row)) applyLicences(row, licencing, person, state, inputs.licenceBases?.get(person.id) ?? null)
      // With users in scope too, a person who is no agent has their user row only.
      if (scope === 'both' && kind === 'agent' && row.action === 'skipped' && !row.resolution) continue
      const index = rows.push(row) - 1
      if (claim && !claim.owned && !row.resolution) {
        const email = outcome.active ? (desiredOf(outcome, kind)?.fields.find((field) => field.target === state.emailField)?.value?.trim().toLowerCase() ?? null) : null
        ;(notes.get(kind) as ClaimNote[]).push({ index, record: claim.record, by: claim.by, email: email || null })
      }
      first ??= row.action === 'skipped' ? null : row
      const placement = kind === 'user' ? outcome.user?.site : null
      if (row.site?.kind === 'create' && placement?.kind === 'create' && !newSites.has(row.site.key)) {
        newSites.set(row.site.key, { key: row.site.key, name: placement.siteName, clientId: placement.clientId, clientName: placement.clientName, people: 0 })
      }
      if (kind === 'user' && row.action === 'create' && outcome.onboarding && !onboarded.has(person.id)) tickets.set(row.key, outcome.onboarding)
    }
    // Warnings go on the person's first row that does something (the user row when users are in scope).
    if (first && outcome.warnings.length > 0) first.warnings.push(...outcome.warnings.map((warning) => warning.message))
  }
  const present = new Set(people.map((person) => person.id))
  for (const kind of kinds) rows.push(...departedRows(states.get(kind) as KindState, present, config))
  for (const kind of kinds) {
    const state = states.get(kind) as KindState
    for (const [index, conflict] of contestedClaims(notes.get(kind) as ClaimNote[], rows, state)) rows[index] = { ...(rows[index] as PlanRow), ...unplanned, action: 'conflict', conflict, reason: conflictText(conflict, state) }
  }

  const cabs = new Map<string, PlanCabChange>()
  const planTickets: PlanTicket[] = []
  const summary = { users: emptyCounts(), agents: emptyCounts(), sites: [] as Plan['summary']['sites'], warnings: 0, tickets: 0, licences: { linked: 0, unlinked: 0, assigned: 0, unassigned: 0 } }
  const perSite = new Map<string, { name: string; count: number; created: boolean }>()
  let deactivations = 0
  let base = 0
  for (const row of rows) {
    summary[row.kind === 'user' ? 'users' : 'agents'][row.action] += 1
    if (row.warnings.length > 0) summary.warnings += 1
    if (row.action === 'deactivate') deactivations += 1
    if (row.action === 'update' || row.action === 'unchanged' || row.action === 'deactivate') base += 1
    if (row.kind === 'user' && row.site && placed(row)) {
      if (row.site.kind === 'create') (newSites.get(row.site.key) as PlanSiteCreation).people += 1
      const siteKey = row.site.kind === 'create' ? row.site.key : `existing:${refKey(row.site.id)}`
      const entry = perSite.get(siteKey)
      if (entry) entry.count += 1
      else perSite.set(siteKey, { name: row.site.name, count: 1, created: row.site.kind === 'create' })
    }
    if (row.softwareLicences) {
      summary.licences.linked += row.softwareLicences.link.length
      summary.licences.unlinked += row.softwareLicences.unlink.length
      summary.licences.assigned += row.softwareLicences.assign.length
      summary.licences.unassigned += row.softwareLicences.unassign.length
    }
    if (row.cabs) {
      for (const board of row.cabs.add) cabEntry(cabs, board).add.push(row.key)
      for (const board of row.cabs.remove) if (row.haloId !== null) cabEntry(cabs, board).remove.push(row.haloId)
    }
    const ticket = row.action === 'create' ? tickets.get(row.key) : undefined
    if (ticket && row.personId !== null) {
      planTickets.push({
        rowKey: row.key,
        personId: row.personId,
        name: row.name,
        ticketTypeId: ticket.ticketTypeId,
        ticketTypeName: ticket.ticketTypeName,
        templateId: ticket.templateId,
        fields: Object.fromEntries(ticket.fields.flatMap((field) => (field.value === null ? [] : [[field.target, field.value]])))
      })
    }
  }
  summary.tickets = planTickets.length
  summary.sites = [...perSite.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  return {
    version: planVersion,
    scope,
    source: config.source,
    rows,
    sites: [...newSites.values()].filter((site) => site.people > 0),
    licences: licencing?.licences ?? [],
    cabs: [...cabs.values()],
    tickets: planTickets,
    summary,
    guardrail: evaluateGuardrail(deactivations, base, config.imports.guardrails)
  }
}

/** What a row that becomes a conflict no longer does. */
const unplanned = { haloId: null, changes: [], roles: null, cabs: null, licence: null, softwareLicences: null, write: null } satisfies Partial<PlanRow>

/**
 * A placed user's licence links: shown as a change (Halo's licences before → after), written with
 * the record (licences the sync creates are named by key; the sync fills in their ids); with Entra
 * assignments too, an unchanged row becomes an update.
 */
function applyLicences(row: PlanRow, licencing: LicencePlanner, person: DirectoryPerson, state: KindState, base: readonly string[] | null): void {
  const record = row.haloId === null ? null : (state.records.get(refKey(row.haloId)) ?? null)
  const planned = licencing.forUser(person, record, base)
  if (!planned) return
  const { before, after, ...change } = planned
  row.softwareLicences = change
  const list = (names: string[]): string | null => (names.length > 0 ? names.join(', ') : null)
  if (change.link.length + change.unlink.length > 0) row.changes.push({ field: 'licences', label: 'Licences', from: list(before), to: list(after) })
  if (change.assign.length + change.unassign.length > 0 && row.action === 'unchanged') row.action = 'update'
  if (change.link.length + change.unlink.length === 0) return
  const write: Record<string, unknown> = { ...(row.write ?? { id: row.haloId }) }
  const known = change.link.flatMap((licence) => (licence.id === null ? [] : [{ id: licence.id }]))
  if (known.length > 0) write.licences = known
  if (change.unlink.length > 0) write._remove_licenses = change.unlink.map((licence) => ({ id: licence.id }))
  row.write = write
  if (row.action === 'unchanged') row.action = 'update'
}

function placed(row: PlanRow): boolean {
  return row.action === 'create' || row.action === 'update' || row.action === 'unchanged' || row.action === 'reactivate'
}

function cabEntry(cabs: Map<string, PlanCabChange>, board: { id: HaloRef; name: string }): PlanCabChange {
  const key = refKey(board.id)
  let entry = cabs.get(key)
  if (!entry) {
    entry = { cabId: board.id, name: board.name, add: [], remove: [] }
    cabs.set(key, entry)
  }
  return entry
}

function kindState(kind: HaloRecordKind, config: ConnectionConfig, lookups: HaloLookups, halo: HaloRecords, links: ReadonlyMap<string, HaloRef>): KindState {
  const list = kind === 'user' ? halo.users : halo.agents
  const records = new Map(list.map((record) => [refKey(record.id), record]))
  const external = externalIdField(config.source, kind)
  const byExternalId = new Map<string, HaloPersonRecord[]>()
  if (external) {
    for (const record of list) {
      const value = record.fields[external]?.trim().toLowerCase()
      if (!value) continue
      const known = byExternalId.get(value)
      if (known) known.push(record)
      else byExternalId.set(value, [record])
    }
  }
  const flag = kind === 'user' ? 'inactive' : 'isdisabled'
  const linkedTo = new Map([...links].map(([personId, haloId]) => [refKey(haloId), personId.trim().toLowerCase()]))
  return { kind, flag, emailField: kind === 'user' ? 'emailaddress' : 'email', records, byExternalId, links, linkedTo, externalField: external, diff: { kind, flag, roleNames: kind === 'user' ? lookups.userRoles : lookups.agentRoles }, boards: lookups.cabs }
}

function desiredOf(outcome: PersonOutcome, kind: HaloRecordKind): DesiredRecord | null {
  return kind === 'user' ? outcome.user : outcome.agent
}

function matchOf(outcome: PersonOutcome, kind: HaloRecordKind): MatchResult | null {
  return kind === 'user' ? outcome.userMatch : outcome.agentMatch
}

function claimOf(outcome: PersonOutcome, state: KindState, resolutions: ReadonlyMap<string, Resolution>): Claim | null {
  if (!desiredOf(outcome, state.kind)) return null
  const resolution = resolutions.get(rowKey(state.kind, outcome.personId))
  if (resolution && 'skip' in resolution) return null
  if (resolution) return { record: state.records.get(refKey(resolution.pick)) ?? null, by: 'your choice', owned: true, candidates: null }
  // The stored directory id first, then what an earlier sync linked, then the matching fields.
  const match = matchOf(outcome, state.kind)
  if (match?.kind === 'matched' && match.by === 'external id') return { record: state.records.get(refKey(match.recordId)) ?? null, by: match.by, owned: true, candidates: null }
  const linked = state.links.get(outcome.personId)
  const record = linked === undefined ? undefined : state.records.get(refKey(linked))
  if (record) return { record, by: 'an earlier sync', owned: true, candidates: null }
  if (match?.kind !== 'matched' && match?.kind !== 'conflict') return { record: null, by: null, owned: false, candidates: null }
  // A record that carries another person's directory id, or that a sync linked to someone else, is theirs.
  const ids = (match.kind === 'matched' ? [match.recordId] : match.recordIds).filter((id) => {
    const owner = ownerOf(state.records.get(refKey(id)), state)
    return owner === null || owner === outcome.personId.trim().toLowerCase()
  })
  if (ids.length === 0) return { record: null, by: null, owned: false, candidates: null }
  if (ids.length === 1) return { record: state.records.get(refKey(ids[0] as HaloRef)) ?? null, by: match.by, owned: false, candidates: null }
  return { record: null, by: null, owned: false, candidates: { ids, by: match.by, value: match.value } }
}

/** Whose a Halo record is: the person id it carries or an earlier sync linked it to (lower case), or null. */
function ownerOf(record: HaloPersonRecord | undefined, state: KindState): string | null {
  if (!record) return null
  const external = state.externalField ? record.fields[state.externalField]?.trim().toLowerCase() : undefined
  return external || (state.linkedTo.get(refKey(record.id)) ?? null)
}

/**
 * Conflicts across people: one Halo record claimed by several people (none of them owning it), and
 * one email shared by several active people who would be imported without a record they own.
 */
function contestedClaims(notes: readonly ClaimNote[], rows: readonly PlanRow[], state: KindState): Map<number, NonNullable<PlanRow['conflict']>> {
  const contested = new Map<number, NonNullable<PlanRow['conflict']>>()
  const byRecord = new Map<string, number[]>()
  const byEmail = new Map<string, number[]>()
  const noteOf = new Map(notes.map((note) => [note.index, note]))
  for (const note of notes) {
    if (note.record) push(byRecord, refKey(note.record.id), note.index)
    if (note.email) push(byEmail, note.email, note.index)
  }
  const name = (index: number): string => (rows[index] as PlanRow).name
  for (const indexes of byRecord.values()) {
    if (indexes.length < 2) continue
    const record = noteOf.get(indexes[0] as number)?.record as HaloPersonRecord
    for (const index of indexes) {
      contested.set(index, {
        kind: 'shared-record',
        by: noteOf.get(index)?.by ?? 'matching',
        value: record.fields.name ?? record.fields[state.emailField] ?? `#${record.id}`,
        candidates: [candidate(record, state)],
        people: indexes.filter((other) => other !== index).map(name)
      })
    }
  }
  for (const [email, indexes] of byEmail) {
    if (indexes.length < 2) continue
    const candidates = [...state.records.values()].filter((record) => record.fields[state.emailField]?.trim().toLowerCase() === email).map((record) => candidate(record, state))
    for (const index of indexes) {
      if (!contested.has(index)) contested.set(index, { kind: 'shared-email', by: state.emailField, value: email, candidates, people: indexes.filter((other) => other !== index).map(name) })
    }
  }
  return contested
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key)
  if (list) list.push(index)
  else map.set(key, [index])
}

function candidate(record: HaloPersonRecord, state: KindState): { id: HaloRef; name: string; email: string | null } {
  return { id: record.id, name: record.fields.name ?? `#${record.id}`, email: record.fields[state.emailField] ?? null }
}

function rowKey(kind: HaloRecordKind, personId: string): string {
  return `${kind}:${personId}`
}

function inactiveReason(config: ConnectionConfig, person: DirectoryPerson): string {
  return config.source === 'okta' ? `Okta status ${person.status} is not counted as active (Imports tab)` : 'The account is disabled in Entra ID'
}

function personRow(
  person: DirectoryPerson,
  outcome: PersonOutcome,
  claim: Claim | null,
  state: KindState,
  config: ConnectionConfig,
  resolutions: ReadonlyMap<string, Resolution>
): PlanRow {
  const { kind, flag } = state
  const desired = desiredOf(outcome, kind)
  const key = rowKey(kind, person.id)
  const winner = outcome.checks.find((check) => check.mappingId === outcome.winner)?.label ?? null
  const row: PlanRow = {
    key,
    kind,
    personId: person.id,
    name: person.displayName,
    email: desired?.fields.find((field) => field.target === state.emailField)?.value ?? person.email,
    action: 'skipped',
    reason: null,
    haloId: null,
    matchedBy: null,
    site: null,
    changes: [],
    roles: null,
    cabs: null,
    licence: null,
    softwareLicences: null,
    write: null,
    conflict: null,
    resolution: resolutions.get(key) ?? null,
    winner,
    alsoMatched: outcome.checks.filter((check) => check.matched && check.mappingId !== outcome.winner).map((check) => check.label),
    warnings: []
  }
  /** The row with what was decided (one object per row: a preview has one per person). */
  const done = (decided: Partial<PlanRow>): PlanRow => Object.assign(row, decided)
  if (!desired) {
    if (row.resolution && 'skip' in row.resolution) return done({ reason: 'Skipped by you in the preview.' })
    // Not in scope for this kind: a record this person had is deactivated when the Imports tab says so.
    const owned = ownedRecord(person.id, state)
    const outOfScope = outcome.role === 'none' ? 'No site mapping places them any more' : 'No site mapping makes them an agent any more'
    if (owned && owned.fields[flag] !== 'true' && config.imports.deactivateOutOfScope) {
      return done({ action: 'deactivate', reason: `${outOfScope} (out of scope).`, haloId: owned.id, matchedBy: 'external id', write: { id: owned.id, [flag]: true }, changes: [{ field: flag, label: 'Active', from: 'yes', to: 'no' }] })
    }
    const reason = outcome.role === 'none' ? (outcome.skipReason ?? 'Not imported.') : kind === 'agent' ? 'Not an agent: no site mapping makes them one.' : (outcome.skipReason ?? 'Not imported.')
    return done({ reason })
  }
  if (row.resolution && 'skip' in row.resolution) return done({ reason: 'Skipped by you in the preview.' })

  if (claim?.candidates) {
    const candidates = claim.candidates.ids.flatMap((id) => {
      const record = state.records.get(refKey(id))
      return record ? [candidate(record, state)] : []
    })
    const conflict = { kind: 'records' as const, by: claim.candidates.by, value: claim.candidates.value, candidates, people: [] }
    return done({ action: 'conflict', conflict, reason: conflictText(conflict, state) })
  }
  if (row.resolution && claim?.record === null) {
    return done({ action: 'conflict', reason: 'The Halo record picked for this person is no longer in Halo’s state: pick again, or skip.', conflict: { kind: 'records', by: 'your choice', value: '', candidates: [], people: [] } })
  }

  const site: PlanSite | null =
    kind === 'user' && desired.site
      ? desired.site.kind === 'existing'
        ? { kind: 'existing', id: desired.site.siteId, name: desired.site.clientName ? `${desired.site.siteName} (${desired.site.clientName})` : desired.site.siteName }
        : { kind: 'create', key: `site:${refKey(desired.site.clientId)}:${desired.site.siteName.trim().toLowerCase()}`, name: `${desired.site.siteName} (${desired.site.clientName}, new)` }
      : null
  const record = claim?.record ?? null
  if (record) {
    done({ haloId: record.id, matchedBy: claim?.by ?? null, site })
    const haloActive = record.fields[flag] !== 'true'
    if (!outcome.active) {
      if (!haloActive) return done({ action: 'unchanged', reason: `${inactiveReason(config, person)}; already deactivated in Halo.` })
      return done({ action: 'deactivate', reason: `${inactiveReason(config, person)}.`, write: { id: record.id, [flag]: true }, changes: [{ field: flag, label: 'Active', from: 'yes', to: 'no' }] })
    }
    const diff = diffRecord(desired, record, site, state.diff, !haloActive)
    const cabs = kind === 'agent' ? cabChange(desired.cabs, record.id, state.boards) : null
    const changed = diff.changes.length > 0 || diff.roles !== null || diff.licence !== null || cabs !== null
    // A move to a site this sync creates has no site_id yet (the sync fills it in), but it is a write.
    const movesToNewSite = kind === 'user' && site?.kind === 'create'
    const write = Object.keys(diff.write).length > 0 || movesToNewSite ? { id: record.id, ...diff.write } : null
    return done({ action: !haloActive ? 'reactivate' : changed ? 'update' : 'unchanged', changes: diff.changes, roles: diff.roles, licence: diff.licence, cabs, write })
  }
  if (!outcome.active) return done({ site, reason: `${inactiveReason(config, person)}: not created.` })
  if (kind === 'user' && !site) return done({ reason: 'No site to create them in: ' + (outcome.warnings.find((warning) => warning.code === 'site-name-empty' || warning.code === 'no-site-for-agent')?.message ?? 'Halo needs a site for every user.') })
  const diff = diffRecord(desired, null, site, state.diff)
  const cabs = kind === 'agent' ? cabChange(desired.cabs, null, state.boards) : null
  return done({ action: 'create', site, changes: diff.changes, roles: diff.roles, licence: diff.licence, cabs, write: diff.write })
}

/** The record this person owns in Halo: linked by an earlier sync, or carrying their directory id. */
function ownedRecord(personId: string, state: KindState): HaloPersonRecord | null {
  const linked = state.links.get(personId)
  if (linked !== undefined) return state.records.get(refKey(linked)) ?? null
  const byId = state.byExternalId.get(personId.trim().toLowerCase())
  return byId?.length === 1 ? (byId[0] ?? null) : null
}

/** Halo records linked by earlier syncs whose person is no longer in the directory. */
function departedRows(state: KindState, present: ReadonlySet<string>, config: ConnectionConfig): PlanRow[] {
  if (!config.imports.deactivateOutOfScope) return []
  const rows: PlanRow[] = []
  for (const [personId, haloId] of state.links) {
    if (present.has(personId)) continue
    const record = state.records.get(refKey(haloId))
    if (!record || record.fields[state.flag] === 'true') continue
    rows.push({
      key: `${state.kind}:halo:${record.id}`,
      kind: state.kind,
      personId: null,
      name: record.fields.name ?? `#${record.id}`,
      email: record.fields[state.emailField] ?? null,
      action: 'deactivate',
      reason: 'No longer in the directory (out of scope).',
      haloId: record.id,
      matchedBy: 'an earlier sync',
      site: null,
      changes: [{ field: state.flag, label: 'Active', from: 'yes', to: 'no' }],
      roles: null,
      cabs: null,
      licence: null,
      softwareLicences: null,
      write: { id: record.id, [state.flag]: true },
      conflict: null,
      resolution: null,
      winner: null,
      alsoMatched: [],
      warnings: []
    })
  }
  return rows.sort((a, b) => compareIds(a.haloId, b.haloId))
}

function compareIds(a: HaloRef | null, b: HaloRef | null): number {
  const left = String(a)
  const right = String(b)
  return /^\d+$/.test(left) && /^\d+$/.test(right) ? Number(left) - Number(right) : left.localeCompare(right)
}

function conflictText(conflict: NonNullable<PlanRow['conflict']>, state: KindState): string {
  const others = conflict.people.length === 1 ? (conflict.people[0] as string) : `${conflict.people.length} others`
  const verb = (one: string, many: string): string => (conflict.people.length === 1 ? one : many)
  if (conflict.kind === 'shared-email') return `${others} in the directory ${verb('has', 'have')} the same email (${conflict.value}): pick the Halo record for this person, or skip them.`
  if (conflict.kind === 'shared-record') return `${others} also ${verb('matches', 'match')} the Halo ${state.kind} ${conflict.value}: pick it for one of them, or skip.`
  return `${conflict.candidates.length} Halo ${state.kind}s match by ${conflict.by} “${conflict.value}”: pick the right one, or skip this person.`
}
