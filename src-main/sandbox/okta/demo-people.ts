/**
 * Who is in the Okta demo org, and as what. The people are the Halo sandbox's (shared/people.ts):
 * Halo's demo users are personAt(seed, 0…299) and its agents personAt(seed, 900000 + n), all with
 * `<login>@northwind.example`. The Okta org holds the agents (but the API agent), most of those users
 * with the same login and email — some changed since Halo last synced (title, department, surname,
 * phone, the case of the email), about 6 % missing (Halo-only) — and people Halo does not know yet
 * (index 300 on). Each person's Okta status, dates, location and memberships come from the seed
 * alone, so person n is the same in every org of that seed, whatever its size.
 */
import { demoEmailDomain } from '../halo/demo-company'
import { departments, personAt, type Person } from '../shared/people'
import { SeededRandom } from '../shared/prng'
import type { OktaUserStatus } from '../../../src-shared/okta-statuses'

/** Halo's demo users are personAt(seed, 0 … haloDemoUsers - 1); its agents 900000 + 0 … 24. */
export const haloDemoUsers = 300
export const haloDemoAgents = 25
export const haloAgentBase = 900_000

/** The org's "now": every date in the demo org is before it (deterministic, unlike the clock). */
export const orgNow = Date.UTC(2026, 9, 31, 12, 0, 0)

export type PersonSource = 'halo-user' | 'halo-agent' | 'okta-only'
export type Location = 'London' | 'Manchester' | 'Leeds' | 'Edinburgh' | 'Remote' | 'Dublin' | 'Kraków'
export type HaloChange = 'title' | 'department' | 'lastName' | 'mobilePhone' | 'emailCase'

export interface PlannedPerson {
  index: number
  source: PersonSource
  /** Position in the plan (0-based). */
  ordinal: number
  person: Person
  login: string
  email: string
  firstName: string
  lastName: string
  displayName: string
  title: string | null
  department: (typeof departments)[number]
  location: Location
  status: OktaUserStatus
  userType: 'Employee' | 'Contractor'
  provider: 'OKTA' | 'ACTIVE_DIRECTORY' | 'IMPORT'
  mobilePhone: string | null
  primaryPhone: string | null
  /** What differs from the Halo sandbox's copy of this person (halo-user only). */
  change: HaloChange | null
  /** Seeded draws for optional memberships, so adding groups never reshuffles people. */
  draws: { portal: number; m365: number; slack: number; zoom: number; vip: number; vpn: number; haloDirect: number; slackDirect: number; legacy: number; quality: number }
  random: SeededRandom
}

const forcedStatuses: readonly OktaUserStatus[] = ['STAGED', 'PROVISIONED', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED']
const longNames: ReadonlyArray<{ firstName: string; lastName: string }> = [
  { firstName: 'Maximilian-Alexander', lastName: 'Featherstonehaugh-Montgomery-Wolfeschlegelstein' },
  { firstName: 'Zoë-Małgorzata', lastName: 'Ó Súilleabháin-Fernández de la Cruz Østergaard' }
]
const extraSurnames = ['Okafor', 'Lindqvist', 'Moreau', 'Kowalski', 'Byrne', 'Mensah']

export function mix(seed: number, index: number, salt: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 2654435761) + Math.imul(index + 1, 40503) + Math.imul(salt, 97)) >>> 0
}

function isHaloOnly(seed: number, index: number): boolean {
  return new SeededRandom(mix(seed, index, 11)).chance(0.06)
}

/** The plan's candidates in order: Halo agents (not the API agent), Halo users, then Okta-only people. */
function* candidates(seed: number): Generator<{ index: number; source: PersonSource }> {
  for (let agent = 1; agent < haloDemoAgents; agent += 1) yield { index: haloAgentBase + agent, source: 'halo-agent' }
  for (let index = 0; ; index += 1) {
    if (index < haloDemoUsers) {
      if (!isHaloOnly(seed, index)) yield { index, source: 'halo-user' }
    } else yield { index, source: 'okta-only' }
  }
}

/** The first `count` people of the org of `seed`. */
export function planPeople(seed: number, count: number): PlannedPerson[] {
  const planned: PlannedPerson[] = []
  let oktaOnly = 0
  for (const candidate of candidates(seed)) {
    if (planned.length >= count) break
    const extra = candidate.source === 'okta-only' ? oktaOnly++ : -1
    planned.push(planPerson(seed, candidate.index, candidate.source, planned.length, extra))
  }
  return planned
}

/** Indexes (0 … haloDemoUsers - 1) of Halo users the Okta org does not have. */
export function haloOnlyIndexes(seed: number): number[] {
  return Array.from({ length: haloDemoUsers }, (_, index) => index).filter((index) => isHaloOnly(seed, index))
}

function planPerson(seed: number, index: number, source: PersonSource, ordinal: number, extraOrdinal: number): PlannedPerson {
  const person = personAt(seed, index)
  const random = new SeededRandom(mix(seed, index, 23))
  const agent = source === 'halo-agent'
  let department: PlannedPerson['department'] = agent ? 'IT' : person.department
  let title: string | null = agent ? 'IT Support' : person.jobTitle
  let { firstName, lastName } = person
  let email = `${person.login}@${demoEmailDomain}`
  let mobilePhone: string | null = random.chance(0.12) ? null : person.mobile
  const primaryPhone = random.chance(0.25) ? null : person.phone

  let change: HaloChange | null = null
  if (source === 'halo-user' && random.chance(0.12)) {
    change = random.pick<HaloChange>(['title', 'title', 'department', 'lastName', 'mobilePhone', 'emailCase'])
    if (change === 'title') title = `Senior ${person.jobTitle}`
    if (change === 'department') department = departments[(departments.indexOf(person.department) + 1) % departments.length] ?? 'IT'
    if (change === 'lastName') lastName = `${person.lastName}-${random.pick(extraSurnames)}`
    if (change === 'mobilePhone') mobilePhone = `+44 7${random.int(100, 999)} ${random.int(100000, 999999)}`
    if (change === 'emailCase') email = `${capitalise(person.login)}@${demoEmailDomain}`
  }
  const longName = extraOrdinal >= forcedStatuses.length ? longNames[extraOrdinal - forcedStatuses.length] : undefined
  if (longName) ({ firstName, lastName } = longName)
  if (!agent && random.chance(0.02)) title = null

  const admin = agent && index - haloAgentBase <= 2
  const status: OktaUserStatus = admin ? 'ACTIVE' : (forcedStatuses[extraOrdinal] ?? (agent ? 'ACTIVE' : drawStatus(random)))
  const place = random.next()
  const location: Location =
    place < 0.45 ? 'London' : place < 0.6 ? 'Manchester' : place < 0.72 ? 'Leeds' : place < 0.82 ? 'Edinburgh' : place < 0.92 ? 'Remote' : place < 0.96 ? 'Dublin' : 'Kraków'
  const providerDraw = random.next()
  const draws = {
    portal: random.next(),
    m365: random.next(),
    slack: random.next(),
    zoom: random.next(),
    vip: random.next(),
    vpn: random.next(),
    haloDirect: random.next(),
    slackDirect: random.next(),
    legacy: random.next(),
    quality: random.next()
  }
  return {
    index,
    source,
    ordinal,
    person,
    login: `${person.login}@${demoEmailDomain}`,
    email,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    title,
    department,
    location,
    status,
    userType: !agent && random.chance(0.08) ? 'Contractor' : 'Employee',
    provider: providerDraw < 0.3 ? 'ACTIVE_DIRECTORY' : providerDraw < 0.33 ? 'IMPORT' : 'OKTA',
    mobilePhone,
    primaryPhone,
    change,
    draws,
    random
  }
}

function drawStatus(random: SeededRandom): OktaUserStatus {
  const draw = random.next()
  if (draw < 0.86) return 'ACTIVE'
  if (draw < 0.9) return 'DEPROVISIONED'
  if (draw < 0.92) return 'SUSPENDED'
  if (draw < 0.94) return 'LOCKED_OUT'
  if (draw < 0.96) return 'PASSWORD_EXPIRED'
  if (draw < 0.98) return 'PROVISIONED'
  if (draw < 0.99) return 'STAGED'
  return 'RECOVERY'
}

function capitalise(login: string): string {
  return login
    .split('.')
    .map((part) => (part.charAt(0).toUpperCase() + part.slice(1)))
    .join('.')
}
