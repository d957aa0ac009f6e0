/**
 * Reads a whole Entra directory into a snapshot with two delta rounds (entra.md §3.3): users with
 * exactly the properties the snapshot keeps and their manager, then groups with their members
 * (members@delta, merged across pages: a big group comes in slices). That costs a request per page
 * of users and of groups, never one per group, and leaves a deltaLink for each, which later runs
 * can read changes from. Memberships are flattened through nested groups: a person in a group
 * inside a group is a member of both, as mappings expect. Apps are Okta's notion; Entra snapshots
 * have none.
 */
import type { Group, User } from '@microsoft/microsoft-graph-types'
import type { SnapshotSummary } from '../../../src-shared/contract'
import type { SnapshotWriter } from '../../directory/snapshot-store'
import { entraGroupProperties, entraStatus, entraUserProperties, normaliseEntraGroup, normaliseEntraUser } from './entra-normalise'
import type { GraphClient } from './graph-client'

export interface EntraDeltaLinks {
  users: string
  groups: string
}

export interface EntraSnapshotProgress {
  phase: 'people' | 'groups' | 'writing'
  people: number
  groups: number
  requests: number
}

type DirectoryObjectRef = { '@odata.type'?: string; id: string; '@removed'?: { reason: string } }
type UserItem = User & { id: string; 'manager@delta'?: DirectoryObjectRef[]; '@removed'?: { reason: string } }
type GroupItem = Group & { id: string; 'members@delta'?: DirectoryObjectRef[]; '@removed'?: { reason: string } }

export const usersDeltaPath = `users/delta?$select=${[...entraUserProperties, 'manager'].join(',')}`
export const groupsDeltaPath = `groups/delta?$select=${[...entraGroupProperties, 'members'].join(',')}`

/** Reads every page of one delta round into `each`, answering the round's deltaLink. */
async function readRound<T>(pages: AsyncGenerator<T[], string>, each: (items: T[]) => void): Promise<string> {
  for (;;) {
    const next = await pages.next()
    if (next.done) return next.value
    each(next.value)
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

export async function fetchEntraSnapshot(options: { graph: GraphClient; writer: SnapshotWriter; onProgress?: (progress: EntraSnapshotProgress) => void }): Promise<{ summary: Omit<SnapshotSummary, 'id' | 'fetchedAt'>; deltaLinks: EntraDeltaLinks }> {
  const { graph, writer } = options
  const started = Date.now()
  const progress: EntraSnapshotProgress = { phase: 'people', people: 0, groups: 0, requests: 0 }
  const report = (): void => options.onProgress?.({ ...progress, requests: graph.requests })

  const users = new Map<string, UserItem>()
  const usersLink = await readRound(graph.deltaPages<UserItem>(usersDeltaPath, 'users'), (items) => {
    for (const item of items) {
      if (item['@removed']) users.delete(item.id)
      else users.set(item.id, { ...users.get(item.id), ...item })
    }
    progress.people = users.size
    report()
  })

  progress.phase = 'groups'
  const groups = new Map<string, GroupItem>()
  const direct = new Map<string, Set<string>>()
  const groupsLink = await readRound(graph.deltaPages<GroupItem>(groupsDeltaPath, 'groups'), (items) => {
    for (const item of items) {
      if (item['@removed']) {
        groups.delete(item.id)
        direct.delete(item.id)
        continue
      }
      const { 'members@delta': members = [], ...group } = item
      groups.set(item.id, { ...groups.get(item.id), ...group })
      const set = direct.get(item.id) ?? new Set<string>()
      for (const member of members) {
        if (member['@removed']) set.delete(member.id)
        else set.add(member.id)
      }
      direct.set(item.id, set)
    }
    progress.groups = groups.size
    report()
  })

  progress.phase = 'writing'
  report()
  const statusCounts: Record<string, number> = {}
  const people = [...users.values()].map((user) => {
    const managerId = user['manager@delta']?.find((ref) => !ref['@removed'])?.id ?? null
    const manager = managerId ? users.get(managerId) : undefined
    const person = normaliseEntraUser(user, managerId ? { id: managerId, email: manager?.mail ?? manager?.userPrincipalName ?? null } : null)
    statusCounts[entraStatus(user)] = (statusCounts[entraStatus(user)] ?? 0) + 1
    return person
  })
  for (let at = 0; at < people.length; at += 1000) writer.addPeople(people.slice(at, at + 1000))
  const flat = flattenMemberships(direct, (id) => users.has(id))
  writer.addGroups([...groups.values()].map((group) => normaliseEntraGroup(group, flat.get(group.id)?.length ?? 0)))
  let memberships = 0
  for (const [groupId, ids] of flat) if (ids.length > 0) memberships += writer.addMemberPage(groupId, Buffer.from(JSON.stringify(ids.map((id) => ({ id })))))
  return {
    summary: { people: people.length, groups: groups.size, memberships, apps: 0, statusCounts, requests: graph.requests, rateLimited: graph.throttled, durationMs: Date.now() - started },
    deltaLinks: { users: usersLink, groups: groupsLink }
  }
}
