/**
 * Entra licence import, planned: licences created in the chosen client or their seat counts updated,
 * users' links following Entra, and with "manage from Halo" each side's changes since the last sync
 * merged (Halo's go to Entra, Entra's to Halo; a user never synced follows Entra).
 */
import { describe, expect, it } from 'vitest'
import type { DirectoryLicence, DirectoryPerson } from '../../src-shared/contract'
import type { HaloLicence, HaloPersonRecord } from './halo-state'
import { licencePlanner } from './licence-plan'

const tenant: DirectoryLicence[] = [
  { id: 'E3', name: 'Microsoft 365 E3', partNumber: 'SPE_E3', total: 100, consumed: 80, status: 'Enabled' },
  { id: 'EMS', name: 'Enterprise Mobility + Security E3', partNumber: 'EMS', total: 20, consumed: 5, status: 'Enabled' },
  { id: 'BASIC', name: 'Microsoft 365 Business Basic', partNumber: 'O365_BUSINESS_ESSENTIALS', total: 50, consumed: 10, status: 'Enabled' }
]
const inHalo: HaloLicence[] = [
  { id: 11, name: 'M365 E3 (Entra)', clientId: 1, productSku: 'e3', count: 100 },
  { id: 12, name: 'EMS', clientId: 1, productSku: 'EMS', count: 10 },
  // Another client's copy, and a licence no import made: neither is ours.
  { id: 13, name: 'Business Basic', clientId: 2, productSku: 'BASIC', count: 50 },
  { id: 14, name: 'Adobe Acrobat Pro', clientId: 1, productSku: null, count: 60 }
]

function person(skus: string[]): DirectoryPerson {
  return { id: 'p1', status: 'enabled', login: 'ann@northwind.test', email: 'ann@northwind.test', firstName: 'Ann', lastName: 'Lee', displayName: 'Ann Lee', title: null, department: null, employeeNumber: null, manager: null, managerId: null, mobilePhone: null, phone: null, city: null, countryCode: 'GB', created: null, lastUpdated: null, attributes: { assignedLicenses: skus } }
}
const record = (licenceIds: number[]): HaloPersonRecord => ({ id: 7, fields: {}, licenceIds })

describe('licencePlanner', () => {
  const follow = licencePlanner({ enabled: true, clientId: 1, manageFromHalo: false }, tenant, inHalo)
  const manage = licencePlanner({ enabled: true, clientId: 1, manageFromHalo: true }, tenant, inHalo)

  it('is off without a client, and creates or updates the licences of the chosen client only', () => {
    expect(licencePlanner({ enabled: true, clientId: null, manageFromHalo: false }, tenant, inHalo)).toBeNull()
    expect(licencePlanner({ enabled: false, clientId: 1, manageFromHalo: false }, tenant, inHalo)).toBeNull()
    expect(follow?.licences).toEqual([
      { key: 'licence:ems', skuId: 'EMS', name: 'EMS', action: 'update', haloId: 12, clientId: 1, count: 20, from: 10 },
      { key: 'licence:basic', skuId: 'BASIC', name: 'Microsoft 365 Business Basic', action: 'create', haloId: null, clientId: 1, count: 50, from: null }
    ])
  })

  it('links a user to what Entra assigns and unlinks the rest (licences made by the sync named by key), and says nothing when all agree', () => {
    expect(follow?.forUser(person(['E3', 'BASIC']), record([11, 12, 14]), null)).toMatchObject({
      link: [{ key: 'licence:basic', id: null, name: 'Microsoft 365 Business Basic' }],
      unlink: [{ id: 12, name: 'EMS' }],
      assign: [],
      unassign: [],
      target: ['E3', 'BASIC'],
      before: ['EMS', 'M365 E3 (Entra)'],
      after: ['M365 E3 (Entra)', 'Microsoft 365 Business Basic']
    })
    expect(follow?.forUser(person(['E3']), record([11, 14]), ['E3'])).toBeNull()
    // Already alike on both sides, but never recorded: recorded now, with nothing to change.
    expect(follow?.forUser(person(['E3']), record([11]), null)).toMatchObject({ link: [], unlink: [], assign: [], unassign: [], target: ['E3'] })
  })

  it('with "manage from Halo", sends Halo\'s changes since the last sync to Entra and Entra\'s to Halo', () => {
    // EMS linked in Halo, E3 unlinked in Halo, BASIC assigned in Entra — all since the last sync left E3.
    expect(manage?.forUser(person(['E3', 'BASIC']), record([12]), ['E3'])).toMatchObject({
      link: [{ key: 'licence:basic', id: null, name: 'Microsoft 365 Business Basic' }],
      unlink: [],
      assign: [{ skuId: 'EMS', name: 'EMS' }],
      unassign: [{ skuId: 'E3', name: 'M365 E3 (Entra)' }],
      target: ['EMS', 'BASIC']
    })
    // Never synced: Halo's links follow Entra, nothing is assigned or removed there.
    expect(manage?.forUser(person(['E3']), record([12]), null)).toMatchObject({ link: [{ key: 'licence:e3', id: 11, name: 'M365 E3 (Entra)' }], unlink: [{ id: 12, name: 'EMS' }], assign: [], unassign: [], target: ['E3'] })
    // A new user (no Halo record yet) follows Entra too.
    expect(manage?.forUser(person(['EMS']), null, ['E3'])?.assign).toEqual([])
  })
})
