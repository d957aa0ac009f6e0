/**
 * The Entra sandbox's directory, in memory: one tenant's users (members and #EXT# guests, enabled
 * and disabled, some with empty fields, most with a manager), groups (security, Microsoft 365,
 * nested), licences, Intune devices and app registrations. Every change stamps the object with the
 * next version, and deletions and membership changes are kept as records, so /users/delta and
 * /groups/delta can answer "what changed after version v" exactly (entra.md §3.3).
 */

export interface EntraUser {
  id: string
  userPrincipalName: string
  displayName: string
  givenName: string | null
  surname: string | null
  mail: string | null
  jobTitle: string | null
  department: string | null
  companyName: string | null
  city: string | null
  country: string | null
  officeLocation: string | null
  mobilePhone: string | null
  businessPhones: string[]
  employeeId: string | null
  employeeType: string | null
  accountEnabled: boolean
  userType: 'Member' | 'Guest'
  externalUserState: 'PendingAcceptance' | 'Accepted' | null
  creationType: 'Invitation' | null
  mailNickname: string
  usageLocation: string | null
  onPremisesSamAccountName: string | null
  onPremisesSyncEnabled: boolean | null
  assignedLicenses: Array<{ skuId: string; disabledPlans: string[] }>
  managerId: string | null
  createdDateTime: string
}

export interface EntraGroup {
  id: string
  displayName: string
  description: string | null
  mail: string | null
  mailNickname: string
  mailEnabled: boolean
  securityEnabled: boolean
  groupTypes: string[]
  /** Direct members: user and group ids. */
  members: Set<string>
  createdDateTime: string
}

export interface EntraSku {
  id: string
  skuId: string
  skuPartNumber: string
  appliesTo: 'User'
  capabilityStatus: 'Enabled'
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number }
  servicePlans: Array<{ servicePlanId: string; servicePlanName: string; provisioningStatus: 'Success'; appliesTo: 'User' }>
}

export interface EntraDevice {
  id: string
  deviceName: string
  userId: string
  userPrincipalName: string
  operatingSystem: string
  osVersion: string
  complianceState: 'compliant' | 'noncompliant'
  managedDeviceOwnerType: 'company' | 'personal'
  manufacturer: string
  model: string
  serialNumber: string
  lastSyncDateTime: string
  enrolledDateTime: string
}

/** What changed, with the version it changed at. */
interface Stamped {
  version: number
}

export type RemovalReason = 'changed' | 'deleted'

export class EntraTenant {
  readonly users = new Map<string, EntraUser & Stamped>()
  readonly groups = new Map<string, EntraGroup & Stamped>()
  readonly skus: EntraSku[] = []
  readonly devices: EntraDevice[] = []
  /** Users and groups gone: id → when and how (soft-deleted "changed", or "deleted" for good). */
  readonly removed = new Map<string, { kind: 'user' | 'group'; version: number; reason: RemovalReason }>()
  /** Membership changes per group, in order. */
  readonly membershipLog = new Map<string, Array<{ version: number; memberId: string; added: boolean }>>()
  private clock = 0

  constructor(
    readonly tenantId: string,
    readonly domain: string
  ) {}

  get version(): number {
    return this.clock
  }

  private next(): number {
    this.clock += 1
    return this.clock
  }

  putUser(user: EntraUser): void {
    this.users.set(user.id, { ...user, version: this.next() })
    this.removed.delete(user.id)
  }

  updateUser(id: string, change: Partial<EntraUser>): void {
    const user = this.users.get(id)
    if (!user) throw new Error(`no user ${id}`)
    this.users.set(id, { ...user, ...change, version: this.next() })
  }

  removeUser(id: string, reason: RemovalReason): void {
    if (!this.users.delete(id)) return
    const version = this.next()
    this.removed.set(id, { kind: 'user', version, reason })
    for (const group of this.groups.values()) if (group.members.has(id)) this.removeMember(group.id, id, version)
  }

  putGroup(group: EntraGroup): void {
    this.groups.set(group.id, { ...group, version: this.next() })
    for (const member of group.members) this.logMembership(group.id, member, true, this.clock)
  }

  addMember(groupId: string, memberId: string): void {
    const group = this.groups.get(groupId)
    if (!group || group.members.has(memberId)) return
    group.members.add(memberId)
    this.logMembership(groupId, memberId, true, this.next())
  }

  removeMember(groupId: string, memberId: string, version = this.next()): void {
    const group = this.groups.get(groupId)
    if (!group?.members.delete(memberId)) return
    this.logMembership(groupId, memberId, false, version)
  }

  private logMembership(groupId: string, memberId: string, added: boolean, version: number): void {
    const log = this.membershipLog.get(groupId) ?? []
    log.push({ version, memberId, added })
    this.membershipLog.set(groupId, log)
  }

  userByKey(key: string): (EntraUser & Stamped) | undefined {
    const direct = this.users.get(key)
    if (direct) return direct
    const lower = key.toLowerCase()
    for (const user of this.users.values()) if (user.userPrincipalName.toLowerCase() === lower) return user
    return undefined
  }

  /** Every user reachable through nested groups (each once), and the groups on the way. */
  transitiveMembers(groupId: string): string[] {
    const seen = new Set<string>()
    const walk = (id: string): void => {
      for (const member of this.groups.get(id)?.members ?? []) {
        if (seen.has(member)) continue
        seen.add(member)
        if (this.groups.has(member)) walk(member)
      }
    }
    walk(groupId)
    return [...seen]
  }

  /** The groups a user or group is in, directly or (transitive) through nested groups. */
  memberOf(id: string, transitive: boolean): string[] {
    const direct = [...this.groups.values()].filter((group) => group.members.has(id)).map((group) => group.id)
    if (!transitive) return direct
    const seen = new Set<string>()
    const queue = [...direct]
    while (queue.length > 0) {
      const groupId = queue.shift() as string
      if (seen.has(groupId)) continue
      seen.add(groupId)
      queue.push(...this.memberOf(groupId, false))
    }
    return [...seen]
  }
}
