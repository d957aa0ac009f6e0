/**
 * Reads a whole Entra directory into a snapshot with two delta rounds (entra.md §3.3): users with
 * exactly the properties the snapshot keeps and their manager, then groups with their members
 * (members@delta, merged across pages: a big group comes in slices). That costs a request per page
 * of users and of groups, never one per group, and leaves a deltaLink for each, which later runs
 * can read changes from (fetchEntraChanges: the previous snapshot with only the changes merged in,
 * written whole as a new one). Memberships are flattened through nested groups: a person in a group
 * inside a group is a member of both, as mappings expect; groups' direct members are kept beside
 * them, for the next merge. Apps are Okta's notion; Entra snapshots have none. The tenant's licences
 * (subscribedSkus) and Intune's devices are read whole each time, when those features are on: they
 * have no delta, and are few pages.
 */
import type { Group, ManagedDevice, SubscribedSku, User } from '@microsoft/microsoft-graph-types'
import { StudioError, type DirectoryGroup, type DirectoryPerson, type SnapshotSummary } from '../../../src-shared/contract'
import type { DirectoryData } from '../../core/directory-data'
import type { DeltaLinks, SnapshotWriter } from '../../directory/snapshot-store'
import type { EntraFeatures } from './entra-check'
import { entraDeviceProperties, entraGroupProperties, entraStatus, entraUserProperties, normaliseEntraDevice, normaliseEntraGroup, normaliseEntraLicence, normaliseEntraUser } from './entra-normalise'
import type { GraphClient } from './graph-client'


export interface EntraSnapshotProgress {
  phase: 'people' | 'groups' | 'licences' | 'devices' | 'writing'
  people: number
  groups: number
  devices: number
  requests: number
}

/** What a read takes besides people and groups: licences, devices (the connection's features). */
export type EntraReadFeatures = Pick<EntraFeatures, 'licences' | 'devices'>

type DirectoryObjectRef = { '@odata.type'?: string; id: string; '@removed'?: { reason: string } }
type UserItem = User & { id: string; 'manager@delta'?: DirectoryObjectRef[]; '@removed'?: { reason: string } }
type GroupItem = Group & { id: string; 'members@delta'?: DirectoryObjectRef[]; '@removed'?: { reason: string } }

export const usersDeltaPath = `users/delta?$select=${[...entraUserProperties, 'manager'].join(',')}`
export const groupsDeltaPath = `groups/delta?$select=${[...entraGroupProperties, 'members'].join(',')}`

/** The directory as the rounds build it: users (with their manager's id), groups, and groups' direct members. */
interface EntraDirectory {
  users: Map<string, User & { id: string; managerId: string | null }>
  groups: Map<string, Group & { id: string }>
  direct: Map<string, Set<string>>
}

/** Reads every page of one delta round into `each`, answering the round's deltaLink. */
async function readRound<T>(pages: AsyncGenerator<T[], string>, each: (items: T[]) => void): Promise<string> {
  for (;;) {
    const next = await pages.next()
    if (next.done) return next.value
    each(next.value)
  }
}

/** New users in full, changed ones merged over what was known (a delta may send only what changed), removed ones dropped. */
function applyUsers(directory: EntraDirectory, items: UserItem[]): void {
  for (const item of items) {
    if (item['@removed']) {
      directory.users.delete(item.id)
      continue
    }
    const { 'manager@delta': managerDelta, ...user } = item
    const known = directory.users.get(item.id)
    const managerId = managerDelta ? (managerDelta.find((ref) => !ref['@removed'])?.id ?? null) : (known?.managerId ?? null)
    directory.users.set(item.id, { ...known, ...user, managerId })
  }
}

/** Groups merged the same way; members@delta adds and removes direct members (a big group comes in slices). */
function applyGroups(directory: EntraDirectory, items: GroupItem[]): void {
  for (const item of items) {
    if (item['@removed']) {
      directory.groups.delete(item.id)
      directory.direct.delete(item.id)
      continue
    }
    const { 'members@delta': members = [], ...group } = item
    directory.groups.set(item.id, { ...directory.groups.get(item.id), ...group })
    const set = directory.direct.get(item.id) ?? new Set<string>()
    for (const member of members) {
      if (member['@removed']) set.delete(member.id)
      else set.add(member.id)
    }
    directory.direct.set(item.id, set)
  }
}

/** Users reachable from each group through nested groups (each once); `isUser` tells users from groups. */
export function flattenMemberships(direct: ReadonlyMap<string, ReadonlySet<string>>, isUser: (id: string) => boolean): Map<string, string[]> {
  const flat = new Map<string, string[]>()
  for (const groupId of direct.keys()) {
    const users = new Set<string>()
    const seen = new Set<string>([groupId])
    const queue = [groupId]
    while (queue.length > 0) {
      for (const member of direct.get(queue.shift() as string) ?? []) {
        if (isUser(member)) users.add(member)
        else if (direct.has(member) && !seen.has(member)) {
          seen.add(member)
          queue.push(member)
        }
      }
    }
    flat.set(groupId, [...users])
  }
  return flat
}

/** Both rounds from `links` (or from scratch), into `directory`. */
async function readRounds(graph: GraphClient, directory: EntraDirectory, links: DeltaLinks | null, progress: EntraSnapshotProgress, report: () => void): Promise<DeltaLinks> {
  const users = await readRound(graph.deltaPages<UserItem>(links?.users ?? usersDeltaPath, 'users'), (items) => {
    applyUsers(directory, items)
    progress.people = directory.users.size
    report()
  })
  progress.phase = 'groups'
  const groups = await readRound(graph.deltaPages<GroupItem>(links?.groups ?? groupsDeltaPath, 'groups'), (items) => {
    applyGroups(directory, items)
    progress.groups = directory.groups.size
    report()
  })
  return { users, groups }
}

/** Writes the directory whole into the snapshot: people, groups, flattened and direct memberships. */
function writeDirectory(directory: EntraDirectory, writer: SnapshotWriter): Omit<SnapshotSummary, 'id' | 'fetchedAt' | 'requests' | 'rateLimited' | 'durationMs'> {
  const statusCounts: Record<string, number> = {}
  const people = [...directory.users.values()].map((user) => {
    const manager = user.managerId ? directory.users.get(user.managerId) : undefined
    statusCounts[entraStatus(user)] = (statusCounts[entraStatus(user)] ?? 0) + 1
    return normaliseEntraUser(user, user.managerId ? { id: user.managerId, email: manager?.mail ?? manager?.userPrincipalName ?? null } : null)
  })
  for (let at = 0; at < people.length; at += 1000) writer.addPeople(people.slice(at, at + 1000))
  const flat = flattenMemberships(directory.direct, (id) => directory.users.has(id))
  writer.addGroups([...directory.groups.values()].map((group) => normaliseEntraGroup(group, flat.get(group.id)?.length ?? 0)))
  let memberships = 0
  for (const [groupId, ids] of flat) if (ids.length > 0) memberships += writer.addMemberPage(groupId, Buffer.from(JSON.stringify(ids.map((id) => ({ id })))))
  for (const [groupId, members] of directory.direct) writer.addDirectMembers(groupId, [...members])
  return { people: people.length, groups: directory.groups.size, memberships, apps: 0, statusCounts }
}

export interface EntraReadResult {
  summary: Omit<SnapshotSummary, 'id' | 'fetchedAt'>
  deltaLinks: DeltaLinks
}

interface ReadOptions {
  graph: GraphClient
  writer: SnapshotWriter
  features?: EntraReadFeatures
  onProgress?: (progress: EntraSnapshotProgress) => void
}

/** A whole directory, from scratch. */
export async function fetchEntraSnapshot(options: ReadOptions): Promise<EntraReadResult> {
  return read(options, { users: new Map(), groups: new Map(), direct: new Map() }, null)
}

/**
 * The previous snapshot with only what changed since it was read (its deltaLinks), written as a new
 * snapshot. A deltaLink Graph no longer honours (older than 7 days, or reset) throws a StudioError
 * with reason "delta_expired": the caller reads everything instead (isDeltaExpired).
 */
export async function fetchEntraChanges(options: ReadOptions & { previous: DirectoryData; state: { links: DeltaLinks; direct: ReadonlyMap<string, readonly string[]> } }): Promise<EntraReadResult> {
  const directory: EntraDirectory = {
    users: new Map(options.previous.people.map((person) => [person.id, userFromPerson(person)])),
    groups: new Map(options.previous.groups.map((group) => [group.id, groupFromSnapshot(group)])),
    direct: new Map([...options.state.direct].map(([groupId, members]) => [groupId, new Set(members)]))
  }
  for (const group of directory.groups.keys()) if (!directory.direct.has(group)) directory.direct.set(group, new Set())
  try {
    return await read(options, directory, options.state.links)
  } catch (error) {
    const details = error instanceof StudioError ? error.details : undefined
    if (details?.graphCode === 'syncStateNotFound' || details?.graphCode === 'resyncRequired' || details?.status === 410) {
      throw new StudioError('REMOTE_ERROR', 'Microsoft Graph no longer knows where the last read stopped (its delta token expired after 7 days, or was reset): the whole directory is read instead.', { reason: 'delta_expired' })
    }
    throw error
  }
}

export function isDeltaExpired(error: unknown): boolean {
  return error instanceof StudioError && error.details?.reason === 'delta_expired'
}

async function read(options: ReadOptions, directory: EntraDirectory, links: DeltaLinks | null): Promise<EntraReadResult> {
  const { graph, writer } = options
  const started = Date.now()
  const progress: EntraSnapshotProgress = { phase: 'people', people: directory.users.size, groups: directory.groups.size, devices: 0, requests: 0 }
  const report = (): void => options.onProgress?.({ ...progress, requests: graph.requests })
  const deltaLinks = await readRounds(graph, directory, links, progress, report)
  const extra: Pick<SnapshotSummary, 'licences' | 'devices'> = {}
  if (options.features?.licences) {
    progress.phase = 'licences'
    report()
    const licences: SubscribedSku[] = []
    for await (const page of graph.pages<SubscribedSku>('subscribedSkus', "the tenant's licences")) licences.push(...page)
    writer.addLicences(licences.map(normaliseEntraLicence))
    extra.licences = licences.length
  }
  if (options.features?.devices) {
    progress.phase = 'devices'
    report()
    for await (const page of graph.pages<ManagedDevice>(`deviceManagement/managedDevices?$select=${entraDeviceProperties.join(',')}`, "Intune's managed devices")) {
      writer.addDevices(page.map(normaliseEntraDevice))
      progress.devices += page.length
      report()
    }
    extra.devices = progress.devices
  }
  progress.phase = 'writing'
  report()
  const written = writeDirectory(directory, writer)
  return { summary: { ...written, ...extra, requests: graph.requests, rateLimited: graph.throttled, durationMs: Date.now() - started }, deltaLinks }
}

/** A snapshot person back into the Graph user it was made from (attributes keep Graph's names). */
function userFromPerson(person: DirectoryPerson): User & { id: string; managerId: string | null } {
  const user: Record<string, unknown> = { id: person.id }
  for (const key of entraUserProperties) if (key !== 'id' && key in person.attributes) user[key] = person.attributes[key]
  const skus = person.attributes.assignedLicenses
  user.assignedLicenses = Array.isArray(skus) ? skus.map((skuId) => ({ skuId, disabledPlans: [] })) : []
  return { ...(user as unknown as User & { id: string }), managerId: person.managerId }
}

/** A snapshot group back into the Graph properties its kind was made from (entraGroupType). */
function groupFromSnapshot(group: DirectoryGroup): Group & { id: string } {
  const unified = group.type.startsWith('MICROSOFT_365')
  const types = [...(unified ? ['Unified'] : []), ...(group.type.endsWith('_DYNAMIC') ? ['DynamicMembership'] : [])]
  return { id: group.id, displayName: group.name, description: group.description, groupTypes: types, mailEnabled: unified || /^(MAIL_ENABLED_SECURITY|DISTRIBUTION)/.test(group.type), securityEnabled: /^(SECURITY|MAIL_ENABLED_SECURITY)/.test(group.type) }
}
