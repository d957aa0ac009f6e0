/**
 * Reads a whole Okta directory into a snapshot with the fewest requests the API allows: groups first
 * (200 per page, with member counts, so the size of the work is known — Everyone's count is the number
 * of people), then people of every status (200 per page, a filter so DEPROVISIONED are included) and
 * each non-empty group's members (1,000 per page, the endpoint's maximum; never per user) side by side,
 * then apps (and the users of apps the mappings filter on). Pages are written to the snapshot as they arrive, so memory stays flat; member pages go
 * to SQLite as Okta sent them, which keeps only each member's id.
 */
import type { Client } from '@okta/okta-sdk-nodejs'
import type { SnapshotSummary } from '../../../src-shared/contract'
import { oktaUserStatuses } from '../../../src-shared/okta-statuses'
import type { SnapshotWriter } from '../../directory/snapshot-store'
import { normaliseOktaApp, normaliseOktaGroup, normaliseOktaUser } from './okta-normalise'
import { oktaPageBodies, oktaPages, type OktaRow } from './okta-pages'
import type { PacedExecutor } from './paced-executor'

/** `filter` (unlike a plain list) includes DEPROVISIONED people (okta.md §1). */
export const everyStatusFilter = oktaUserStatuses.map((status) => `status eq "${status}"`).join(' or ')

export const oktaPageSizes = { users: 200, groups: 200, members: 1000, apps: 200, appUsers: 500 } as const

export interface SnapshotProgress {
  phase: 'groups' | 'people' | 'apps'
  people: number
  /** Everyone's member count, once groups are read. */
  peopleEstimate: number | null
  groupsDone: number
  groups: number | null
  requests: number
}

export async function fetchOktaSnapshot(options: {
  client: Client
  executor: PacedExecutor
  writer: SnapshotWriter
  onProgress?: (progress: SnapshotProgress) => void
  /** Apps whose assignments the mappings filter on (site mappings' app filters): their users are read too. */
  assignmentApps?: readonly string[]
  /**
   * Workers reading group members at once (the executor caps requests overall). Six leave two of the
   * executor's eight slots to the people list, which reads a page ahead: its pages follow a cursor,
   * one after another, so it is the longest chain and must not queue behind member pages.
   */
  memberWorkers?: number
}): Promise<Omit<SnapshotSummary, 'id' | 'fetchedAt'>> {
  const { client, executor, writer } = options
  const started = Date.now()
  const progress: SnapshotProgress = { phase: 'groups', people: 0, peopleEstimate: null, groupsDone: 0, groups: null, requests: 0 }
  const report = (): void => options.onProgress?.({ ...progress, requests: executor.requests })

  const groups: Array<{ id: string; count: number | null }> = []
  for await (const page of oktaPages(client, '/api/v1/groups', { limit: oktaPageSizes.groups, expand: 'stats' })) {
    const rows = page.map((group) => {
      const count = Number(((group._embedded as OktaRow | undefined)?.stats as OktaRow | undefined)?.usersCount)
      const known = Number.isFinite(count) ? count : null
      groups.push({ id: String(group.id), count: known })
      if (group.type === 'BUILT_IN' && known !== null) progress.peopleEstimate = known
      return normaliseOktaGroup(group, known ?? 0)
    })
    writer.addGroups(rows)
  }
  progress.groups = groups.length
  progress.phase = 'people'
  report()

  const statusCounts: Record<string, number> = {}
  const people = async (): Promise<void> => {
    for await (const page of oktaPages(client, '/api/v1/users', { filter: everyStatusFilter, limit: oktaPageSizes.users }, { readAhead: true })) {
      const rows = page.map(normaliseOktaUser)
      for (const row of rows) statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1
      writer.addPeople(rows)
      progress.people += rows.length
      report()
    }
  }
  let memberships = 0
  const queue = groups.filter((group) => group.count !== 0)
  progress.groupsDone = groups.length - queue.length
  const memberWorker = async (): Promise<void> => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      // A member is a whole user, read in full by the people list: only its id is kept, by SQLite.
      for await (const page of oktaPageBodies(client, `/api/v1/groups/${encodeURIComponent(group.id)}/users`, { limit: oktaPageSizes.members })) {
        memberships += writer.addMemberPage(group.id, page)
      }
      progress.groupsDone += 1
      report()
    }
  }
  await Promise.all([people(), ...Array.from({ length: options.memberWorkers ?? 6 }, memberWorker)])

  progress.phase = 'apps'
  report()
  let apps = 0
  const appIds = new Set<string>()
  for await (const page of oktaPages(client, '/api/v1/apps', { limit: oktaPageSizes.apps })) {
    const rows = page.map(normaliseOktaApp)
    writer.addApps(rows)
    for (const app of rows) appIds.add(app.id)
    apps += page.length
  }
  // Only apps the org still has: a filter naming a deleted app matches no one (validation says so).
  for (const appId of new Set(options.assignmentApps ?? [])) {
    if (!appIds.has(appId)) continue
    for await (const page of oktaPages(client, `/api/v1/apps/${encodeURIComponent(appId)}/users`, { limit: oktaPageSizes.appUsers })) writer.addAssignments(appId, page.map((user) => String(user.id)))
  }
  return {
    people: progress.people,
    groups: groups.length,
    memberships,
    apps,
    statusCounts,
    requests: executor.requests,
    rateLimited: executor.rateLimited,
    durationMs: Date.now() - started
  }
}
