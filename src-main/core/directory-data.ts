/**
 * The directory side of the engine's input: a snapshot's people, groups, memberships, app
 * assignments and licences, indexed once (group names, each person's groups and apps, people by the keys a manager
 * reference may use), and how an attribute is read off a person — the source's own attribute first
 * (firstName, mail, a custom one), then the normalised field of the same name (email, title).
 */
import type { AttributeValue, DirectoryGroup, DirectoryLicence, DirectoryPerson } from '../../src-shared/contract'

export interface DirectoryData {
  people: readonly DirectoryPerson[]
  groups: readonly DirectoryGroup[]
  /** Group id → member person ids. */
  members: ReadonlyMap<string, readonly string[]>
  /** App id → assigned person ids (Okta), when known. */
  appAssignments?: ReadonlyMap<string, readonly string[]>
  /** The tenant's licences (Entra, when licence import is on); people's `assignedLicenses` name them by id. */
  licences?: readonly DirectoryLicence[]
}

const normalisedKeys = new Set(['id', 'status', 'login', 'email', 'firstName', 'lastName', 'displayName', 'title', 'department', 'employeeNumber', 'manager', 'managerId', 'mobilePhone', 'phone', 'city', 'countryCode', 'created', 'lastUpdated'])

export function readAttribute(person: DirectoryPerson, name: string): AttributeValue {
  if (name === 'id' || name === 'status') return person[name]
  const own = person.attributes[name]
  if (own !== undefined) return own
  return normalisedKeys.has(name) ? ((person as unknown as Record<string, AttributeValue>)[name] ?? null) : null
}

/** An attribute as text: a list gives its first non-empty entry; nothing gives "". */
export function attributeText(value: AttributeValue): string {
  if (value === null) return ''
  if (Array.isArray(value)) return value.find((entry) => entry.trim() !== '') ?? ''
  return String(value)
}

/** Every value of an attribute (a list's entries, or the one value), for criteria that test any. */
export function attributeTexts(value: AttributeValue): string[] {
  if (value === null) return ['']
  if (Array.isArray(value)) return value.length > 0 ? value : ['']
  return [String(value)]
}

/** Attribute names the snapshot's people have, with a sample value each (for pickers and validation). */
export function knownAttributes(people: readonly DirectoryPerson[]): Map<string, string> {
  const known = new Map<string, string>([...normalisedKeys].map((key) => [key, '']))
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      const sample = attributeText(value)
      if (!known.has(key) || (known.get(key) === '' && sample !== '')) known.set(key, sample)
    }
  }
  return known
}

export class DirectoryIndex {
  private readonly groupIdsByName = new Map<string, string[]>()
  private readonly membersByName = new Map<string, Uint8Array>()
  private readonly positions = new Map<string, number>()
  private readonly appsOfPerson = new Map<string, Set<string>>()
  private peopleByKey: Map<string, DirectoryPerson> | null = null
  readonly groupNames = new Map<string, string>()

  constructor(readonly data: DirectoryData) {
    data.people.forEach((person, position) => this.positions.set(person.id, position))
    for (const group of data.groups) {
      this.groupNames.set(group.id, group.name)
      const ids = this.groupIdsByName.get(group.name)
      if (ids) ids.push(group.id)
      else this.groupIdsByName.set(group.name, [group.id])
    }
    for (const [appId, personIds] of data.appAssignments ?? []) {
      for (const personId of personIds) {
        const apps = this.appsOfPerson.get(personId)
        if (apps) apps.add(appId)
        else this.appsOfPerson.set(personId, new Set([appId]))
      }
    }
  }

  /** Whether any group has exactly this name. */
  hasGroup(name: string): boolean {
    return this.groupIdsByName.has(name)
  }

  /** A person's position in `data.people` (-1 for someone not in the snapshot), which `membersOfGroup` is indexed by. */
  position(personId: string): number {
    return this.positions.get(personId) ?? -1
  }

  /**
   * Who is in the group(s) with exactly this name (several APP_GROUPs may share one): 1 at each
   * member's position. Built when a mapping first asks (mappings use a few of many groups) and read
   * for every person, so a plain array beats a set of ids.
   */
  membersOfGroup(name: string): Uint8Array {
    let members = this.membersByName.get(name)
    if (!members) {
      members = new Uint8Array(this.data.people.length)
      for (const groupId of this.groupIdsByName.get(name) ?? []) {
        for (const personId of this.data.members.get(groupId) ?? []) {
          const position = this.positions.get(personId)
          if (position !== undefined) members[position] = 1
        }
      }
      this.membersByName.set(name, members)
    }
    return members
  }

  assignedTo(personId: string, appId: string): boolean {
    return this.appsOfPerson.get(personId)?.has(appId) ?? false
  }

  /** A person named by a manager reference: their id, employee number, login or email. */
  person(reference: string): DirectoryPerson | null {
    if (!this.peopleByKey) {
      this.peopleByKey = new Map()
      for (const person of this.data.people) {
        for (const key of [person.id, person.employeeNumber, person.login, person.email]) {
          if (key && !this.peopleByKey.has(key.toLowerCase())) this.peopleByKey.set(key.toLowerCase(), person)
        }
      }
    }
    return this.peopleByKey.get(reference.trim().toLowerCase()) ?? null
  }
}
