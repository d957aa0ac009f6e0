/**
 * A second, small tenant beside the demo one — Contoso Pharmaceuticals, a customer organisation —
 * whose people sign in to a multi-tenant app registered in the demo tenant: what an MSP's Halo
 * single sign-on with several tenants meets. Its people are members of their own tenant, with
 * their own domain; their ID tokens name their tenant (tid) and its issuer.
 */
import { EntraTenant, type EntraUser } from './entra-tenant'
import { stableGuid } from '../shared/prng'

export const partnerDomain = 'contosopharma.onmicrosoft.com'
const emailDomain = 'contoso-pharma.example'
const people: ReadonlyArray<readonly [given: string, surname: string, title: string]> = [
  ['Ines', 'Moreau', 'Lab Manager'],
  ['Kofi', 'Mensah', 'Research Scientist'],
  ['Sofia', 'Lindqvist', 'Quality Lead'],
  ['Ravi', 'Iyer', 'IT Coordinator'],
  ['Hana', 'Kobayashi', 'Regulatory Affairs'],
  ['Tomasz', 'Nowak', 'Site Engineer']
]

/** Guid kind for the partner's ids (stableGuid's second argument; the demo tenant's are below 10). */
const partnerKind = 11

export function seedPartnerTenant(seed: number): EntraTenant {
  const tenant = new EntraTenant(stableGuid(seed, partnerKind, 0), partnerDomain)
  people.forEach(([given, surname, title], index) => tenant.putUser(partnerUser(seed, index, given, surname, title)))
  return tenant
}

function partnerUser(seed: number, index: number, given: string, surname: string, title: string): EntraUser {
  const login = `${given}.${surname}`.toLowerCase()
  return {
    id: stableGuid(seed, partnerKind, index + 1),
    userPrincipalName: `${login}@${emailDomain}`,
    displayName: `${given} ${surname}`,
    givenName: given,
    surname,
    mail: `${login}@${emailDomain}`,
    jobTitle: title,
    department: null,
    companyName: 'Contoso Pharmaceuticals',
    city: 'Cambridge',
    country: 'United Kingdom',
    officeLocation: 'Cambridge Research Park',
    mobilePhone: null,
    businessPhones: [],
    employeeId: null,
    employeeType: 'Employee',
    accountEnabled: true,
    userType: 'Member',
    externalUserState: null,
    creationType: null,
    mailNickname: login,
    usageLocation: 'GB',
    onPremisesSamAccountName: null,
    onPremisesSyncEnabled: null,
    assignedLicenses: [],
    managerId: null,
    createdDateTime: '2025-09-01T09:00:00.000Z'
  }
}
