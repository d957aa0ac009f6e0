/** A rehearsal's sandbox starts as Halo was read: look-ups whole, users and agents rebuilt with their ids, types, custom fields, roles and licences. */
import { describe, expect, it } from 'vitest'
import { personRecord, rehearsalRecords } from './rehearsal-records'

describe('rehearsal records', () => {
  it('rebuilds a user as Halo sends one, from what planning kept of it', () => {
    const user = personRecord({
      id: 42,
      fields: { name: 'Ava Hughes', emailaddress: 'ava@northwind.example', site_id: '7', client_id: '3', inactive: 'true', okta_id: '00u1', phonenumber: null, 'custom:CFStarter': 'yes' },
      licenceIds: [5]
    })
    expect(user).toEqual({ id: 42, name: 'Ava Hughes', emailaddress: 'ava@northwind.example', site_id: 7, client_id: 3, inactive: true, okta_id: '00u1', customfields: [{ name: 'CFStarter', value: 'yes' }], licences: [{ id: 5 }] })
  })

  it('keeps an agent’s roles and flag, and every look-up record with an id', () => {
    const lookups = (kind: string): Record<string, unknown>[] | null => (kind === 'sites' ? [{ id: 7, name: 'London', client_id: 3 }, { name: 'no id' }] : kind === 'roles' ? [{ id: 'b1f0', name: 'Admin' }] : null)
    const records = rehearsalRecords(lookups, { users: [], agents: [{ id: 9, fields: { name: 'Ben', isdisabled: 'false', licence_type: '2' }, roleIds: ['b1f0'] }] })
    expect(records).toEqual([
      { kind: 'sites', record: { id: 7, name: 'London', client_id: 3 } },
      { kind: 'roles', record: { id: 'b1f0', name: 'Admin' } },
      { kind: 'agents', record: { id: 9, name: 'Ben', isdisabled: false, licence_type: 2, roles: [{ id: 'b1f0' }] } }
    ])
  })
})
