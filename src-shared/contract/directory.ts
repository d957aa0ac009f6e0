/**
 * The directory snapshot model every source (Okta, Entra) is normalised into: people, groups,
 * memberships and app assignments, as the core (mappings, preview) and the snapshot browser see them.
 * Source shapes never cross this line; all of a person's source attributes are kept in `attributes`
 * so mappings can use custom ones.
 */
import { z } from 'zod'

export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])
export type AttributeValue = z.infer<typeof attributeValueSchema>

export const directoryPersonSchema = z.object({
  id: z.string(),
  /** The source's own status word (Okta: ACTIVE, SUSPENDED, …; Entra: enabled / disabled). */
  status: z.string(),
  login: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  manager: z.string().nullable(),
  managerId: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  created: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  attributes: z.record(z.string(), attributeValueSchema)
})
export type DirectoryPerson = z.infer<typeof directoryPersonSchema>

export const directoryGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The source's kind of group (Okta: OKTA_GROUP, APP_GROUP, BUILT_IN). */
  type: z.string(),
  memberCount: z.number().int()
})
export type DirectoryGroup = z.infer<typeof directoryGroupSchema>

export const directoryAppSchema = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  status: z.string()
})
export type DirectoryApp = z.infer<typeof directoryAppSchema>

/** A licence the tenant subscribes to (Entra's subscribedSku), read when licence import is on. */
export const directoryLicenceSchema = z.object({
  /** The SKU id, what users' assignedLicenses name. */
  id: z.string(),
  /** Its product name (e.g. Microsoft 365 E3), or its part number when the product is not a well-known one. */
  name: z.string(),
  /** Microsoft's part number, e.g. SPE_E3. */
  partNumber: z.string(),
  /** Seats bought (prepaidUnits.enabled) and in use. */
  total: z.number().int(),
  consumed: z.number().int(),
  /** Enabled, Warning, Suspended, Deleted or LockedOut. */
  status: z.string()
})
export type DirectoryLicence = z.infer<typeof directoryLicenceSchema>

/** A device Intune manages, read when devices are on. */
export const directoryDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The person it is enrolled to (their directory id and login), when any. */
  personId: z.string().nullable(),
  login: z.string().nullable(),
  operatingSystem: z.string().nullable(),
  osVersion: z.string().nullable(),
  /** compliant, noncompliant, inGracePeriod, … */
  compliance: z.string().nullable(),
  /** company or personal. */
  ownership: z.string().nullable(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  lastSyncAt: z.string().nullable()
})
export type DirectoryDevice = z.infer<typeof directoryDeviceSchema>

export const snapshotSummarySchema = z.object({
  id: z.string(),
  fetchedAt: z.string(),
  people: z.number().int(),
  groups: z.number().int(),
  memberships: z.number().int(),
  apps: z.number().int(),
  /** Entra: licences (subscribed SKUs) and Intune devices read, when those features are on. */
  licences: z.number().int().optional(),
  devices: z.number().int().optional(),
  /** People per source status, e.g. {ACTIVE: 280, SUSPENDED: 4}. */
  statusCounts: z.record(z.string(), z.number().int()),
  requests: z.number().int(),
  /** Answers of "too many requests" waited out (429s). */
  rateLimited: z.number().int(),
  durationMs: z.number().int(),
  /** Entra: everything was read, or only the changes since the last fetch (delta). */
  mode: z.enum(['full', 'delta']).optional(),
  /** What the admin should know about this read, e.g. why a delta read became a full one. */
  note: z.string().nullable().optional()
})
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }

export const snapshotPeopleQuerySchema = z
  .object({ connectionId: z.string().min(1), search: z.string().max(200).optional(), status: z.string().max(40).optional(), groupId: z.string().optional(), ...page })
  .strict()
export const snapshotGroupsQuerySchema = z.object({ connectionId: z.string().min(1), search: z.string().max(200).optional(), ...page }).strict()
export const snapshotDevicesQuerySchema = snapshotGroupsQuerySchema

export const snapshotPeoplePageSchema = z.object({ total: z.number().int(), rows: z.array(directoryPersonSchema) })
export const snapshotGroupsPageSchema = z.object({ total: z.number().int(), rows: z.array(directoryGroupSchema) })
export const snapshotDevicesPageSchema = z.object({ total: z.number().int(), rows: z.array(directoryDeviceSchema) })
