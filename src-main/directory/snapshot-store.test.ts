/**
 * Snapshots on a real SQLite file: a commit replaces the previous snapshot whole, an aborted fetch
 * leaves the last good one, half-written ones are discarded on start, and the browser's queries
 * (search with literal % and _, status, group members, paging; devices by name, user, serial number
 * or model) answer from the current snapshot.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { DirectoryDevice, DirectoryPerson } from '../../src-shared/contract'
import { openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { connectionTable, haloInstanceTable } from '../store/schema'
import { SnapshotStore } from './snapshot-store'

let workspace: TempWorkspace | null = null
afterEach(async () => {
  await workspace?.dispose()
  workspace = null
})

function person(id: string, displayName: string, status = 'ACTIVE'): DirectoryPerson {
  const login = `${displayName.toLowerCase().replace(/\W+/g, '.')}@northwind.example`
  return { id, status, login, email: login, firstName: null, lastName: null, displayName, title: null, department: null, employeeNumber: null, manager: null, managerId: null, mobilePhone: null, phone: null, city: null, countryCode: null, created: null, lastUpdated: null, attributes: {} }
}

function device(id: string, name: string, change: Partial<DirectoryDevice> = {}): DirectoryDevice {
  return { id, name, personId: null, login: null, operatingSystem: 'Windows', osVersion: '10.0.22631.4460', compliance: 'compliant', ownership: 'company', manufacturer: 'Dell Inc.', model: 'Latitude 7440', serialNumber: `SN${id}`, lastSyncAt: '2026-11-30T10:00:00.000Z', ...change }
}

function setUp(): SnapshotStore {
  workspace = openTempWorkspace()
  const { db } = workspace.database
  const stamp = new Date().toISOString()
  db.insert(haloInstanceTable).values({ id: 'h', name: 'Halo', baseUrl: 'https://h.example', deployment: 'on-premise', authMode: 'client_credentials', clientId: 'c', scope: 'all', rateLimitRequests: 300, rateLimitWindowMs: 300_000, createdAt: stamp, updatedAt: stamp }).run()
  db.insert(connectionTable).values({ id: 'c1', kind: 'okta', name: 'Okta', haloInstanceId: 'h', settings: '{}', createdAt: stamp, updatedAt: stamp }).run()
  return new SnapshotStore(db, workspace.database.sqlite)
}

const figures = { people: 0, groups: 0, memberships: 0, apps: 0, statusCounts: {}, requests: 0, rateLimited: 0, durationMs: 0 }

describe('SnapshotStore', () => {
  it('replaces the snapshot whole on commit and keeps the last good one when a fetch is aborted', () => {
    const store = setUp()
    const first = store.begin('c1')
    first.addPeople([person('1', 'Ada Lovelace'), person('2', 'Alan Turing')])
    expect(store.current('c1')).toBeNull()
    first.commit({ ...figures, people: 2 })
    expect(store.people('c1', { offset: 0, limit: 10 }).total).toBe(2)

    const second = store.begin('c1')
    second.addPeople([person('3', 'Grace Hopper')])
    second.abort()
    expect(store.people('c1', { offset: 0, limit: 10 }).rows.map((row) => row.displayName)).toEqual(['Ada Lovelace', 'Alan Turing'])

    const third = store.begin('c1')
    third.addPeople([person('3', 'Grace Hopper')])
    third.commit({ ...figures, people: 1 })
    expect(store.people('c1', { offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['3'])
    expect(workspace?.database.sqlite.prepare('SELECT COUNT(*) AS n FROM snapshot_person').get()).toEqual({ n: 1 })
  })

  it('discards snapshots a crash left half-written', () => {
    const store = setUp()
    store.begin('c1').addPeople([person('1', 'Ada Lovelace')])
    store.discardUnfinished()
    expect(workspace?.database.sqlite.prepare('SELECT COUNT(*) AS n FROM directory_snapshot').get()).toEqual({ n: 0 })
  })

  it('keeps only the ids of a member page, and refuses one that is not JSON', () => {
    const store = setUp()
    const writer = store.begin('c1')
    const page = [{ id: '1', profile: { login: 'ada@example.com', nested: { id: 'not-a-member' } } }, { profile: {} }, 'stray', { id: '2' }, { id: '1' }]
    expect(writer.addMemberPage('g1', Buffer.from(JSON.stringify(page), 'utf8'))).toBe(2)
    expect(writer.addMemberPage('g1', Buffer.from('[]'))).toBe(0)
    expect(() => writer.addMemberPage('g2', Buffer.from('[{"id":"3"'))).toThrow('The member list of group g2 is not valid JSON.')
    const rows = workspace?.database.sqlite.prepare('SELECT group_id AS g, person_id AS p FROM snapshot_membership ORDER BY p').all()
    expect(rows).toEqual([{ g: 'g1', p: '1' }, { g: 'g1', p: '2' }])
  })

  it('searches, filters by status and group, and pages', () => {
    const store = setUp()
    const writer = store.begin('c1')
    writer.addPeople([person('1', 'Ada Lovelace'), person('2', 'Alan Turing', 'SUSPENDED'), person('3', 'Grace 100% Hopper'), person('4', 'Zoë Ångström')])
    writer.addGroups([{ id: 'g1', name: 'Engineering', description: null, type: 'OKTA_GROUP', memberCount: 2 }])
    expect(writer.addMemberPage('g1', Buffer.from(JSON.stringify([{ id: '1', profile: { login: 'ada' } }, { id: '3' }])))).toBe(2)
    writer.commit(figures)
    expect(store.people('c1', { search: 'TURING', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['2'])
    expect(store.people('c1', { search: '100%', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['3'])
    expect(store.people('c1', { search: '%', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['3'])
    expect(store.people('c1', { search: 'ångström', offset: 0, limit: 10 }).total).toBe(1)
    expect(store.people('c1', { status: 'SUSPENDED', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['2'])
    expect(store.people('c1', { groupId: 'g1', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['1', '3'])
    const page = store.people('c1', { offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4 })
    expect(page.rows.map((row) => row.id)).toEqual(['2', '3'])
    expect(store.groups('c1', { search: 'engin', offset: 0, limit: 10 }).rows.map((row) => row.id)).toEqual(['g1'])
  })

  it('searches devices by name, user, serial number or model, and pages them by name', () => {
    const store = setUp()
    expect(store.devices('c1', { offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] })
    const writer = store.begin('c1')
    writer.addDevices([
      device('3', 'nw-lt-00003', { personId: '1', login: 'ada.lovelace@northwind.example' }),
      device('1', 'NW-MB-00001', { operatingSystem: 'macOS', osVersion: '15.1', manufacturer: 'Apple', model: 'MacBook Air', compliance: 'noncompliant' }),
      device('2', 'Kiosk 100% lobby', { ownership: 'personal' }),
      device('4', 'NW-LT-00004', { login: 'alan.turing@northwind.example' })
    ])
    writer.commit({ ...figures, devices: 4 })
    const names = (query: { search?: string; offset?: number; limit?: number }): string[] => store.devices('c1', { offset: 0, limit: 10, ...query }).rows.map((row) => row.name)
    expect(names({})).toEqual(['Kiosk 100% lobby', 'nw-lt-00003', 'NW-LT-00004', 'NW-MB-00001'])
    expect(names({ search: 'ADA.LOVELACE' })).toEqual(['nw-lt-00003'])
    expect(names({ search: 'sn4' })).toEqual(['NW-LT-00004'])
    expect(names({ search: 'macbook' })).toEqual(['NW-MB-00001'])
    expect(names({ search: 'nw-lt' })).toEqual(['nw-lt-00003', 'NW-LT-00004'])
    expect(names({ search: '%' })).toEqual(['Kiosk 100% lobby'])
    const page = store.devices('c1', { offset: 1, limit: 2 })
    expect(page.total).toBe(4)
    expect(page.rows.map((row) => row.id)).toEqual(['3', '4'])
    expect(store.devices('c1', { search: 'nw-', offset: 2, limit: 10 })).toMatchObject({ total: 3, rows: [{ id: '1', compliance: 'noncompliant', model: 'MacBook Air' }] })

    // A new snapshot without devices leaves none behind.
    store.begin('c1').commit(figures)
    expect(store.devices('c1', { offset: 0, limit: 10 }).total).toBe(0)
    expect(workspace?.database.sqlite.prepare('SELECT COUNT(*) AS n FROM snapshot_device').get()).toEqual({ n: 0 })
  })
})
