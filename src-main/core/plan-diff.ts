/**
 * What changes on one Halo record (pure): the engine's desired user or agent against the record as
 * Halo has it (or nothing, for a create). Fields compare after trimming (emails and directory ids
 * ignoring case); a value the directory leaves empty never clears Halo's. Roles are added as the
 * rules give them and taken away only where a rule manages them; a licence changes only when the
 * rules say one. The result holds the changes in words (old → new) and the record to post: every
 * mapped field for a create, only what differs for an update, custom fields re-posted whole (Halo
 * may empty the ones left out — halo-api.md §4.13).
 */
import { customFieldPrefix, haloFieldSpec, type HaloRecordKind } from '../../src-shared/mapping/halo-fields'
import type { DesiredRecord, ManagedSet } from '../../src-shared/mapping/outcome'
import type { FieldChange, PlanSite, SetChange } from '../../src-shared/plan/plan-schema'
import { sameRef, type HaloNamed, type HaloPersonRecord, type HaloRef } from './halo-state'

/** Halo's agent `licence_type` numbers for the licence rules' words [U: Halo does not document them]. */
export const licenceTypes = { none: '0', named: '1', concurrent: '2' } as const
const licenceWords = new Map<string, string>(Object.entries(licenceTypes).map(([word, value]) => [value, word]))

export interface RecordDiff {
  changes: FieldChange[]
  roles: SetChange | null
  licence: { from: string | null; to: string } | null
  /** The fields to post (no id; the caller adds it for an update); empty when nothing changes. */
  write: Record<string, unknown>
}

export interface DiffContext {
  kind: HaloRecordKind
  /** The active flag's field: `inactive` for users, `isdisabled` for agents. */
  flag: 'inactive' | 'isdisabled'
  roleNames: readonly HaloNamed[] | null
}

const same = (a: string | null | undefined, b: string, loose: boolean): boolean => {
  if (a === b) return true
  const left = (a ?? '').trim()
  const right = b.trim()
  return left === right || (loose && left.toLowerCase() === right.toLowerCase())
}

/** Field specs by target, looked up once per kind (a preview asks for every field of every person). */
const specCache = new Map<string, ReturnType<typeof haloFieldSpec>>()
function specOf(kind: HaloRecordKind, target: string): ReturnType<typeof haloFieldSpec> {
  const key = `${kind}:${target}`
  let spec = specCache.get(key)
  if (spec === undefined) {
    spec = haloFieldSpec(kind, target)
    specCache.set(key, spec)
  }
  return spec
}

/**
 * `current` null: a create. `site`: where the user goes (users only). `reactivate`: the record is
 * deactivated in Halo and the person is active again.
 */
export function diffRecord(desired: DesiredRecord, current: HaloPersonRecord | null, site: PlanSite | null, context: DiffContext, reactivate = false): RecordDiff {
  const changes: FieldChange[] = []
  const write: Record<string, unknown> = {}
  const custom: Array<{ name: string; value: string }> = []
  let customChanged = false
  for (const field of desired.fields) {
    if (field.value === null) continue
    const loose = field.source === 'id' || specOf(context.kind, field.target)?.email === true
    const before = current?.fields[field.target] ?? null
    const differs = current === null || !same(before, field.value, loose)
    if (field.target.startsWith(customFieldPrefix)) {
      custom.push({ name: field.target.slice(customFieldPrefix.length), value: field.value })
      if (differs) customChanged = true
    } else if (differs) write[field.target] = field.value
    if (differs) changes.push({ field: field.target, label: field.label, from: current === null ? null : before, to: field.value })
  }
  if (customChanged) {
    // Every custom field the record has, with the mapped ones set: Halo may empty those not posted.
    const kept = current ? Object.entries(current.fields).flatMap(([key, value]) => (key.startsWith(customFieldPrefix) && !custom.some((entry) => `${customFieldPrefix}${entry.name}` === key) ? [{ name: key.slice(customFieldPrefix.length), value: value ?? '' }] : [])) : []
    write.customfields = [...kept, ...custom]
  }
  if (context.kind === 'user' && site) {
    const siteChanged = current === null || site.kind === 'create' || !sameRef(current.fields.site_id ?? null, site.id)
    if (siteChanged) {
      if (site.kind === 'existing') write.site_id = site.id
      changes.push({ field: 'site_id', label: 'Site', from: current === null ? null : (current.fields.site_name ?? current.fields.site_id ?? null), to: site.name })
    }
  }
  if (current === null || reactivate) {
    write[context.flag] = false
    if (reactivate) changes.push({ field: context.flag, label: 'Active', from: 'no', to: 'yes' })
  }
  const roles = roleChange(desired.roles, current, context.roleNames)
  if (roles) {
    const kept = (current?.roleIds ?? []).filter((id) => !roles.remove.some((removed) => sameRef(removed.id, id)))
    write.roles = [...kept, ...roles.add.map((role) => role.id)].map((id) => ({ id }))
  }
  let licence: RecordDiff['licence'] = null
  if (context.kind === 'agent' && desired.licence !== null) {
    const before = current?.fields.licence_type ?? null
    if (before !== licenceTypes[desired.licence]) {
      licence = { from: before === null ? null : (licenceWords.get(before) ?? before), to: desired.licence }
      write.licence_type = Number(licenceTypes[desired.licence])
    }
  }
  return { changes, roles, licence, write }
}

/** Roles to add (desired, not held) and take away (held, managed by a rule, no longer desired); null when none. */
function roleChange(roles: ManagedSet, current: HaloPersonRecord | null, names: readonly HaloNamed[] | null): SetChange | null {
  const held = current?.roleIds ?? []
  const add = roles.desired.filter((role) => !held.some((id) => sameRef(id, role.id))).map((role) => ({ id: role.id, name: role.name }))
  const remove = held
    .filter((id) => roles.managed.some((managed) => sameRef(managed, id)) && !roles.desired.some((role) => sameRef(role.id, id)))
    .map((id) => ({ id, name: names?.find((named) => sameRef(named.id, id))?.name ?? String(id) }))
  return add.length > 0 || remove.length > 0 ? { add, remove } : null
}

/** CAB boards to join (desired, not a member) and leave (a member, managed, no longer desired). */
export function cabChange(cabs: ManagedSet, agentId: HaloRef | null, boards: ReadonlyArray<HaloNamed & { memberAgentIds?: HaloRef[] }> | null): SetChange | null {
  const isMember = (board: HaloRef): boolean => agentId !== null && (boards?.find((candidate) => sameRef(candidate.id, board))?.memberAgentIds ?? []).some((id) => sameRef(id, agentId))
  const add = cabs.desired.filter((cab) => !isMember(cab.id)).map((cab) => ({ id: cab.id, name: cab.name }))
  const remove = cabs.managed
    .filter((id) => isMember(id) && !cabs.desired.some((cab) => sameRef(cab.id, id)))
    .map((id) => ({ id, name: boards?.find((board) => sameRef(board.id, id))?.name ?? String(id) }))
  return add.length > 0 || remove.length > 0 ? { add, remove } : null
}
