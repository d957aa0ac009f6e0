/**
 * Okta users, groups and apps into the shared snapshot model (contract/directory.ts). Everything in
 * a user's profile is kept as an attribute (custom attributes included), dates become ISO strings
 * (the SDK hands Date objects, the raw API strings), and missing values become null.
 */
import type { AttributeValue, DirectoryApp, DirectoryGroup, DirectoryPerson } from '../../../src-shared/contract'

type Loose = Record<string, unknown>

export function normaliseOktaUser(user: Loose): DirectoryPerson {
  const profile = (user.profile ?? {}) as Loose
  const text = (key: string): string | null => {
    const value = profile[key]
    return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null
  }
  const firstName = text('firstName')
  const lastName = text('lastName')
  const login = text('login')
  const attributes: Record<string, AttributeValue> = {}
  for (const [key, value] of Object.entries(profile)) attributes[key] = attribute(value)
  return {
    id: String(user.id),
    status: typeof user.status === 'string' ? user.status : 'UNKNOWN',
    login,
    email: text('email'),
    firstName,
    lastName,
    displayName: text('displayName') ?? ([firstName, lastName].filter(Boolean).join(' ') || login || String(user.id)),
    title: text('title'),
    department: text('department'),
    employeeNumber: text('employeeNumber'),
    manager: text('manager'),
    managerId: text('managerId'),
    mobilePhone: text('mobilePhone'),
    phone: text('primaryPhone'),
    city: text('city'),
    countryCode: text('countryCode'),
    created: isoDate(user.created),
    lastUpdated: isoDate(user.lastUpdated),
    attributes
  }
}

export function normaliseOktaGroup(group: Loose, memberCount: number): DirectoryGroup {
  const profile = (group.profile ?? {}) as Loose
  return {
    id: String(group.id),
    name: typeof profile.name === 'string' ? profile.name : String(group.id),
    description: typeof profile.description === 'string' && profile.description !== '' ? profile.description : null,
    type: typeof group.type === 'string' ? group.type : 'OKTA_GROUP',
    memberCount
  }
}

export function normaliseOktaApp(app: Loose): DirectoryApp {
  return {
    id: String(app.id),
    name: typeof app.name === 'string' ? app.name : String(app.id),
    label: typeof app.label === 'string' ? app.label : typeof app.name === 'string' ? app.name : String(app.id),
    status: typeof app.status === 'string' ? app.status : 'ACTIVE'
  }
}

function attribute(value: unknown): AttributeValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
  return JSON.stringify(value)
}

function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  return typeof value === 'string' && value !== '' ? value : null
}
