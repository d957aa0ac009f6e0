/**
 * A whole Entra directory read from the sandbox into a real SQLite snapshot equals the sandbox's own
 * truth: every user with Graph's properties and their manager's email, every group with its kind,
 * memberships flattened through nested groups, in one request per page of users and of groups; and
 * the two deltaLinks it leaves report nothing when nothing changed. Asked for them, it also holds
 * exactly the tenant's licences and Intune devices; not asked, it holds none and Graph is not asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SnapshotSummary } from '../../../src-shared/contract'
import { SnapshotStore } from '../../directory/snapshot-store'
import { startEntraSandbox, type EntraSandbox } from '../../sandbox/entra'
import { addTestHaloInstance, openTempWorkspace, type TempWorkspace } from '../../../test/helpers/temp-workspace'
import { fetchEntraChanges, fetchEntraSnapshot, flattenMemberships, isDeltaExpired, type EntraReadFeatures } from './entra-snapshot'
import { clientCredentialTokens } from './entra-tokens'
import { GraphClient } from './graph-client'

let entra: EntraSandbox
let workspace: TempWorkspace
let connectionId: string
let store: SnapshotStore
let graph: GraphClient

/** The snapshot equals the sandbox's directory: people, their managers, groups, flattened memberships. */
function expectSnapshotEqualsTruth(): void {
  const loaded = store.load(connectionId)
  if (!loaded) throw new Error('no snapshot')
  const { data } = loaded
  const truth = entra.tenant
  expect(data.people).toHaveLength(truth.users.size)
  expect(data.groups).toHaveLength(truth.groups.size)
  for (const person of data.people) {
    const user = truth.users.get(person.id)
    if (!user) throw new Error(`unknown person ${person.id}`)
    const manager = user.managerId ? truth.users.get(user.managerId) : undefined
    expect(person).toMatchObject({ login: user.userPrincipalName, email: user.mail, title: user.jobTitle, department: user.department, managerId: user.managerId, manager: manager?.mail ?? null, status: user.accountEnabled ? 'enabled' : 'disabled', countryCode: user.usageLocation, mobilePhone: user.mobilePhone })
    expect(person.attributes).toMatchObject({ userType: user.userType, givenName: user.givenName, businessPhones: user.businessPhones, assignedLicenses: user.assignedLicenses.map((licence) => licence.skuId) })
  }
  for (const group of data.groups) {
    expect(group.name).toBe(truth.groups.get(group.id)?.displayName)
    const expected = truth.transitiveMembers(group.id).filter((id) => truth.users.has(id)).sort()
    expect([...(data.members.get(group.id) ?? [])].sort(), group.name).toEqual(expected)
    expect(group.memberCount).toBe(expected.length)
  }
}

/** Reads the changes since the stored deltaLinks into a new snapshot; answers its request count. */
async function readChanges(): Promise<number> {
  const previous = store.load(connectionId)
  const state = store.deltaState(connectionId)
  if (!previous || !state) throw new Error('no snapshot to merge into')
  const client = new GraphClient(clientCredentialTokens({ ...entra.credentials.app, authorityHost: entra.baseUrl }), entra.baseUrl)
  const writer = store.begin(connectionId)
  try {
    const { summary, deltaLinks } = await fetchEntraChanges({ graph: client, writer, previous: previous.data, state })
    writer.commit(summary, deltaLinks)
    return summary.requests
  } catch (error) {
    writer.abort()
    throw error
  }
}

beforeAll(async () => {
  entra = await startEntraSandbox({ people: 1500, groups: 40 })
  workspace = openTempWorkspace()
  const instanceId = await addTestHaloInstance(workspace)
  // An Okta connection row stands in until Entra connections are saved (the snapshot store needs a connection).
  connectionId = (await workspace.services.connections.saveOkta({ name: 'Snapshot target', haloInstanceId: instanceId, orgUrl: 'https://northwind.okta.com', authMode: 'api_token', apiToken: 'not-used', clientId: null, privateKey: null, keyId: null })).id
}, 60_000)

afterAll(async () => {
  await workspace.dispose()
  await entra.close()
})

describe('fetchEntraSnapshot', () => {
  it('reads the directory the sandbox holds, in a request per page', async () => {
    graph = new GraphClient(clientCredentialTokens({ ...entra.credentials.app, authorityHost: entra.baseUrl }), entra.baseUrl)
    store = new SnapshotStore(workspace.database.db, workspace.database.sqlite)
    const writer = store.begin(connectionId)
    const { summary, deltaLinks } = await fetchEntraSnapshot({ graph, writer })
    writer.commit(summary, deltaLinks)
    const truth = entra.tenant
    expect(summary).toMatchObject({ people: truth.users.size, groups: truth.groups.size, apps: 0 })
    expect(summary.requests).toBe(Math.ceil(truth.users.size / 200) + Math.ceil(truth.groups.size / 100))
    expect(summary.statusCounts).toEqual({ enabled: [...truth.users.values()].filter((user) => user.accountEnabled).length, disabled: [...truth.users.values()].filter((user) => !user.accountEnabled).length })
    expectSnapshotEqualsTruth()
    const data = store.load(connectionId)?.data
    expect(data?.people.filter((person) => person.attributes.userType === 'Guest').every((person) => person.login?.includes('#EXT#'))).toBe(true)
    expect(data?.groups.find((group) => group.name === 'All Staff')?.type).toBe('MICROSOFT_365')
    expect(data?.groups.find((group) => group.name === 'Halo Agents')?.type).toBe('SECURITY')
    expect(await readChanges()).toBe(2)
    expectSnapshotEqualsTruth()
  })

  it('merges a 1 % change, a manager change and nested membership changes in a few requests, and ends equal to the directory', async () => {
    entra.mutate(0.01)
    const truth = entra.tenant
    const users = [...truth.users.values()].filter((user) => user.userType === 'Member')
    const [someone, newBoss] = users
    truth.updateUser(someone?.id ?? '', { managerId: newBoss?.id ?? null })
    const halo = [...truth.groups.values()].find((group) => group.displayName === 'Halo Agents')
    const support = [...truth.groups.values()].find((group) => group.displayName === 'IT Support Agents')
    const outsider = users.find((user) => !truth.transitiveMembers(halo?.id ?? '').includes(user.id))
    truth.addMember(support?.id ?? '', outsider?.id ?? '')
    truth.removeMember(halo?.id ?? '', support?.id ?? '')
    const requests = await readChanges()
    expect(requests).toBeLessThanOrEqual(4)
    expectSnapshotEqualsTruth()
    expect(store.load(connectionId)?.data.members.get(halo?.id ?? '')).not.toContain(outsider?.id)
  })

  it('says an expired delta token is expired, so the caller reads everything again', async () => {
    entra.expireDeltaTokens()
    const failed = await readChanges().catch((error: unknown) => error)
    expect(isDeltaExpired(failed)).toBe(true)
    expect((failed as Error).message).toBe('Microsoft Graph no longer knows where the last read stopped (its delta token expired after 7 days, or was reset): the whole directory is read instead.')
  })
})

describe('fetchEntraSnapshot with licences and devices', () => {
  let target: string
  const skusPath = '/v1.0/subscribedSkus'
  const devicesPath = '/v1.0/deviceManagement/managedDevices'
  const asked = (): { skus: number; devices: number } => ({ skus: entra.traffic.byPath.get(skusPath) ?? 0, devices: entra.traffic.byPath.get(devicesPath) ?? 0 })

  /** A whole read into its own connection's snapshot; answers what it read and the licence and device requests it made. */
  async function fetchWith(features?: EntraReadFeatures): Promise<{ summary: SnapshotSummary; requests: { skus: number; devices: number } }> {
    const snapshots = new SnapshotStore(workspace.database.db, workspace.database.sqlite)
    const client = new GraphClient(clientCredentialTokens({ ...entra.credentials.app, authorityHost: entra.baseUrl }), entra.baseUrl)
    const before = asked()
    const writer = snapshots.begin(target)
    const { summary, deltaLinks } = await fetchEntraSnapshot({ graph: client, writer, ...(features ? { features } : {}) })
    const committed = writer.commit(summary, deltaLinks)
    const after = asked()
    return { summary: committed, requests: { skus: after.skus - before.skus, devices: after.devices - before.devices } }
  }

  beforeAll(async () => {
    const instanceId = await addTestHaloInstance(workspace)
    target = (await workspace.services.connections.saveOkta({ name: 'Features target', haloInstanceId: instanceId, orgUrl: 'https://northwind.okta.com', authMode: 'api_token', apiToken: 'not-used', clientId: null, privateKey: null, keyId: null })).id
  })

  it('holds exactly the tenant’s licences and Intune devices when asked for them, a page of 100 devices a request', async () => {
    const truth = entra.tenant
    expect(truth.devices.length).toBeGreaterThan(100)
    const { summary, requests } = await fetchWith({ licences: true, devices: true })
    expect(summary).toMatchObject({ people: truth.users.size, licences: truth.skus.length, devices: truth.devices.length })
    expect(requests).toEqual({ skus: 1, devices: Math.ceil(truth.devices.length / 100) })
    expect(summary.requests).toBe(Math.ceil(truth.users.size / 200) + Math.ceil(truth.groups.size / 100) + 1 + Math.ceil(truth.devices.length / 100))

    const snapshots = new SnapshotStore(workspace.database.db, workspace.database.sqlite)
    const consumed = (skuId: string): number => [...truth.users.values()].filter((user) => user.assignedLicenses.some((licence) => licence.skuId === skuId)).length
    const byId = <T extends { id: string }>(a: T, b: T): number => a.id.localeCompare(b.id)
    // Each licence as Graph has it (its display name is the product's, looked up from the part number).
    expect(snapshots.load(target)?.data.licences).toMatchObject(
      truth.skus.map((sku) => ({ id: sku.skuId, partNumber: sku.skuPartNumber, total: sku.prepaidUnits.enabled, consumed: consumed(sku.skuId), status: sku.capabilityStatus })).sort(byId)
    )
    const devices = snapshots.devices(target, { offset: 0, limit: truth.devices.length + 1 })
    expect(devices.total).toBe(truth.devices.length)
    expect([...devices.rows].sort(byId)).toEqual(
      truth.devices
        .map((device) => ({
          id: device.id,
          name: device.deviceName,
          personId: device.userId,
          login: device.userPrincipalName,
          operatingSystem: device.operatingSystem,
          osVersion: device.osVersion,
          compliance: device.complianceState,
          ownership: device.managedDeviceOwnerType,
          manufacturer: device.manufacturer,
          model: device.model,
          serialNumber: device.serialNumber,
          lastSyncAt: device.lastSyncDateTime
        }))
        .sort(byId)
    )
  })

  it('holds neither, and asks Graph for neither, when not asked', async () => {
    for (const features of [undefined, { licences: false, devices: false }]) {
      const { summary, requests } = await fetchWith(features)
      expect(summary.licences).toBeUndefined()
      expect(summary.devices).toBeUndefined()
      expect(requests).toEqual({ skus: 0, devices: 0 })
      const snapshots = new SnapshotStore(workspace.database.db, workspace.database.sqlite)
      expect(snapshots.load(target)?.data.licences).toEqual([])
      expect(snapshots.devices(target, { offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] })
    }
  })
})

describe('flattenMemberships', () => {
  it('follows nested groups, cycles included, and keeps each user once', () => {
    const direct = new Map([
      ['a', new Set(['u1', 'b'])],
      ['b', new Set(['u2', 'c', 'u1'])],
      ['c', new Set(['a', 'u3'])],
      ['d', new Set<string>()]
    ])
    const flat = flattenMemberships(direct, (id) => id.startsWith('u'))
    expect(flat.get('a')?.sort()).toEqual(['u1', 'u2', 'u3'])
    expect(flat.get('c')?.sort()).toEqual(['u1', 'u2', 'u3'])
    expect(flat.get('d')).toEqual([])
  })
})
