/**
 * Graph users and groups into the shared snapshot model (contract/directory.ts). A person's
 * attributes keep Graph's own property names (the Entra mapping defaults use them: givenName,
 * surname, mail, businessPhones, jobTitle, userPrincipalName, manager), `manager` being the manager's
 * email (or user principal name), and `assignedLicenses` the licences' SKU ids. The status is
 * "enabled" or "disabled" (accountEnabled). Groups keep their kind: Microsoft 365, security,
 * mail-enabled security or distribution, and dynamic. Subscribed SKUs become licences (named by
 * part number, seats bought and used) and Intune's managed devices keep who they are enrolled to.
 */
import type { Group, ManagedDevice, SubscribedSku, User } from '@microsoft/microsoft-graph-types'
import type { AttributeValue, DirectoryDevice, DirectoryGroup, DirectoryLicence, DirectoryPerson } from '../../../src-shared/contract'

/** The user properties a snapshot reads ($select), besides the manager. */
export const entraUserProperties = [
  'id',
  'userPrincipalName',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'jobTitle',
  'department',
  'companyName',
  'city',
  'country',
  'officeLocation',
  'mobilePhone',
  'businessPhones',
  'employeeId',
  'employeeType',
  'accountEnabled',
  'userType',
  'externalUserState',
  'usageLocation',
  'onPremisesSamAccountName',
  'assignedLicenses',
  'createdDateTime'
] as const

export const entraGroupProperties = ['id', 'displayName', 'description', 'groupTypes', 'securityEnabled', 'mailEnabled'] as const

function skuIdOf(licence: unknown): string[] {
  const skuId = (licence as { skuId?: unknown } | null)?.skuId
  return typeof skuId === 'string' && skuId !== '' ? [skuId] : []
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

export function entraStatus(user: Pick<User, 'accountEnabled'>): 'enabled' | 'disabled' {
  return user.accountEnabled === false ? 'disabled' : 'enabled'
}

/** `manager`: the manager's email or user principal name, when the user has one. */
export function normaliseEntraUser(user: User, manager: { id: string; email: string | null } | null): DirectoryPerson {
  const attributes: Record<string, AttributeValue> = {}
  for (const key of entraUserProperties) {
    if (key === 'id') continue
    const value = (user as Record<string, unknown>)[key]
    if (key === 'assignedLicenses') attributes[key] = Array.isArray(value) ? value.flatMap((licence) => skuIdOf(licence)) : []
    else if (Array.isArray(value)) attributes[key] = value.filter((entry): entry is string => typeof entry === 'string')
    else attributes[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null
  }
  attributes.manager = manager?.email ?? null
  const firstName = text(user.givenName)
  const lastName = text(user.surname)
  const login = text(user.userPrincipalName)
  return {
    id: String(user.id),
    status: entraStatus(user),
    login,
    email: text(user.mail),
    firstName,
    lastName,
    displayName: text(user.displayName) ?? ([firstName, lastName].filter(Boolean).join(' ') || login || String(user.id)),
    title: text(user.jobTitle),
    department: text(user.department),
    employeeNumber: text(user.employeeId),
    manager: manager?.email ?? null,
    managerId: manager?.id ?? null,
    mobilePhone: text(user.mobilePhone),
    phone: text(user.businessPhones?.[0]),
    city: text(user.city),
    countryCode: text(user.usageLocation),
    created: text(user.createdDateTime),
    lastUpdated: null,
    attributes
  }
}

export function entraGroupType(group: Pick<Group, 'groupTypes' | 'securityEnabled' | 'mailEnabled'>): string {
  const types = group.groupTypes ?? []
  const kind = types.includes('Unified') ? 'MICROSOFT_365' : group.mailEnabled ? (group.securityEnabled ? 'MAIL_ENABLED_SECURITY' : 'DISTRIBUTION') : 'SECURITY'
  return types.includes('DynamicMembership') ? `${kind}_DYNAMIC` : kind
}

export function normaliseEntraGroup(group: Group, memberCount: number): DirectoryGroup {
  return { id: String(group.id), name: text(group.displayName) ?? String(group.id), description: text(group.description), type: entraGroupType(group), memberCount }
}

/** The managed-device properties a snapshot reads ($select). */
export const entraDeviceProperties = ['id', 'deviceName', 'userId', 'userPrincipalName', 'operatingSystem', 'osVersion', 'complianceState', 'managedDeviceOwnerType', 'manufacturer', 'model', 'serialNumber', 'lastSyncDateTime'] as const

/** Product names of well-known part numbers (Microsoft's licensing service plan reference). */
const productNames: Record<string, string> = {
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  SPE_F1: 'Microsoft 365 F3',
  SPB: 'Microsoft 365 Business Premium',
  O365_BUSINESS_ESSENTIALS: 'Microsoft 365 Business Basic',
  O365_BUSINESS_PREMIUM: 'Microsoft 365 Business Standard',
  STANDARDPACK: 'Office 365 E1',
  ENTERPRISEPACK: 'Office 365 E3',
  ENTERPRISEPREMIUM: 'Office 365 E5',
  EMS: 'Enterprise Mobility + Security E3',
  EMSPREMIUM: 'Enterprise Mobility + Security E5',
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  POWER_BI_PRO: 'Power BI Pro',
  VISIOCLIENT: 'Visio Plan 2',
  PROJECTPROFESSIONAL: 'Project Plan 3'
}

export function normaliseEntraLicence(sku: SubscribedSku): DirectoryLicence {
  const partNumber = text(sku.skuPartNumber) ?? String(sku.skuId)
  return { id: String(sku.skuId), name: productNames[partNumber.toUpperCase()] ?? partNumber, partNumber, total: sku.prepaidUnits?.enabled ?? 0, consumed: sku.consumedUnits ?? 0, status: text(sku.capabilityStatus) ?? 'Enabled' }
}

export function normaliseEntraDevice(device: ManagedDevice): DirectoryDevice {
  return {
    id: String(device.id),
    name: text(device.deviceName) ?? String(device.id),
    personId: text(device.userId),
    login: text(device.userPrincipalName),
    operatingSystem: text(device.operatingSystem),
    osVersion: text(device.osVersion),
    compliance: text(device.complianceState),
    ownership: text(device.managedDeviceOwnerType),
    manufacturer: text(device.manufacturer),
    model: text(device.model),
    serialNumber: text(device.serialNumber),
    lastSyncAt: text(device.lastSyncDateTime)
  }
}
