/**
 * The files the command line reads and writes for fully offline planning (docs/file-formats.md): a
 * directory snapshot (people, groups, memberships, app assignments) and a Halo state (look-ups as
 * Halo sent them, users and agents as planning compares them), each versioned and checked with zod
 * on the way in, with the problem said where it is. The configuration file is the app's export
 * (docs/config-format.md); the plan file is the preview's JSON export.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { directoryGroupSchema, directoryPersonSchema, haloLookupKinds, StudioError, type HaloLookupKind } from '../../src-shared/contract'
import type { DirectoryData } from '../core/directory-data'
import type { HaloRecords } from '../core/halo-state'

const haloId = z.union([z.number(), z.string()])

export const snapshotFileSchema = z.object({
  format: z.literal('identity-studio/snapshot'),
  version: z.literal(1),
  source: z.enum(['okta', 'entra']),
  connection: z.string(),
  fetchedAt: z.string(),
  people: z.array(directoryPersonSchema),
  groups: z.array(directoryGroupSchema),
  /** Group id → the ids of its members. */
  memberships: z.record(z.string(), z.array(z.string())),
  /** Okta app id → the ids of the people assigned to it. */
  appAssignments: z.record(z.string(), z.array(z.string())).default({})
})
export type SnapshotFile = z.infer<typeof snapshotFileSchema>

const haloPersonSchema = z.object({ id: haloId, fields: z.record(z.string(), z.string().nullable()), roleIds: z.array(haloId).optional() })

export const haloStateFileSchema = z.object({
  format: z.literal('identity-studio/halo-state'),
  version: z.literal(1),
  instance: z.string(),
  /** When Halo's users and agents were read, or null if never. */
  fetchedAt: z.string().nullable(),
  /** Look-ups by kind (sites, clients, roles, …) as Halo sent them; a kind left out was never read. */
  lookups: z.partialRecord(z.enum(haloLookupKinds), z.array(z.record(z.string(), z.unknown()))),
  users: z.array(haloPersonSchema),
  agents: z.array(haloPersonSchema)
})
export type HaloStateFile = z.infer<typeof haloStateFileSchema>

/** Reads and checks one of the files, saying which file and where it is wrong. */
export function readStateFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new StudioError('VALIDATION_FAILED', `${file} could not be read as ${what}: ${error instanceof Error ? error.message : String(error)}`, { issues: [] })
  }
  const checked = schema.safeParse(parsed)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new StudioError('VALIDATION_FAILED', `${file} is not ${what}${issue ? ` (${issue.path.join('.') || 'the file'}: ${issue.message})` : ''}. Make it with halo-identity ${what === 'a directory snapshot' ? 'export-snapshot' : 'export-halo-state'}.`, { issues: [] })
  }
  return checked.data
}

export function snapshotFile(source: 'okta' | 'entra', connection: string, fetchedAt: string, data: DirectoryData): SnapshotFile {
  return {
    format: 'identity-studio/snapshot',
    version: 1,
    source,
    connection,
    fetchedAt,
    people: [...data.people],
    groups: [...data.groups],
    memberships: Object.fromEntries([...data.members].map(([group, ids]) => [group, [...ids]])),
    appAssignments: Object.fromEntries([...(data.appAssignments ?? [])].map(([app, ids]) => [app, [...ids]]))
  }
}

export function directoryOf(file: SnapshotFile): DirectoryData {
  return { people: file.people, groups: file.groups, members: new Map(Object.entries(file.memberships)), appAssignments: new Map(Object.entries(file.appAssignments)) }
}

export function haloStateFile(instance: string, fetchedAt: string | null, lookups: (kind: HaloLookupKind) => Array<Record<string, unknown>> | null, halo: HaloRecords): HaloStateFile {
  const kinds = haloLookupKinds.flatMap((kind) => {
    const records = lookups(kind)
    return records === null ? [] : [[kind, records] as const]
  })
  return {
    format: 'identity-studio/halo-state',
    version: 1,
    instance,
    fetchedAt,
    lookups: Object.fromEntries(kinds),
    users: halo.users.map((record) => ({ id: record.id, fields: nullable(record.fields), ...(record.roleIds ? { roleIds: record.roleIds } : {}) })),
    agents: halo.agents.map((record) => ({ id: record.id, fields: nullable(record.fields), ...(record.roleIds ? { roleIds: record.roleIds } : {}) }))
  }
}

function nullable(fields: Record<string, string | null | undefined>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? null]))
}
