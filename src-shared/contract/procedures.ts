/**
 * Every procedure the renderer may call: its `domain:action` name and zod schemas for input and output.
 * Main registers exactly one handler per entry; both transports and the preload derive from this map.
 */
import { z } from 'zod'
import { appInfoSchema, keychainStatusSchema } from './app-info'
import { settingsPatchSchema, settingsSchema } from './settings'
import { secretSummarySchema } from './secrets'
import { checklistSchema } from './checklist'
import { connectionSchema, entraConnectionFormSchema, oktaConnectionFormSchema } from './connections'
import { snapshotDevicesPageSchema, snapshotDevicesQuerySchema, snapshotGroupsPageSchema, snapshotGroupsQuerySchema, snapshotPeoplePageSchema, snapshotPeopleQuerySchema, snapshotSummarySchema } from './directory'
import { mappingProcedures } from './mapping'
import { planProcedures } from './plans'
import { ssoProcedures } from './sso'
import { guideProcedures } from './guide'
import { haloCheckSchema, haloInstanceFormSchema, haloInstanceSchema, haloLookupKindSchema, haloLookupRowSchema, haloRefreshSchema } from './halo'

const noInput = z.object({}).strict()
const byId = z.object({ id: z.string().min(1) }).strict()

export const procedures = {
  'app:info': {
    summary: 'Version, data folder, transport and keychain state, for the About dialog and health checks.',
    input: noInput,
    output: appInfoSchema
  },
  'app:openExternal': {
    summary: 'Open an https link the app approved (documentation, vendor consoles) in the system browser.',
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) })
  },
  'settings:get': {
    summary: 'The workspace preferences.',
    input: noInput,
    output: settingsSchema
  },
  'settings:update': {
    summary: 'Change some preferences; answers the whole new set and announces settings:changed.',
    input: settingsPatchSchema,
    output: settingsSchema
  },
  'secrets:status': {
    summary: 'Whether a keychain is usable and which secrets are stored (set / not set, never values).',
    input: noInput,
    output: z.object({ keychain: keychainStatusSchema, secrets: z.array(secretSummarySchema) })
  },
  'halo:list': {
    summary: 'The Halo instances of this workspace, with secret / sign-in state and cached look-ups.',
    input: noInput,
    output: z.array(haloInstanceSchema)
  },
  'halo:save': {
    summary: 'Add or change a Halo instance after validating it; a new secret goes to the keychain.',
    input: haloInstanceFormSchema,
    output: haloInstanceSchema
  },
  'halo:delete': {
    summary: 'Remove a Halo instance, its keychain entries and its cached look-ups.',
    input: byId,
    output: z.object({ deleted: z.literal(true) })
  },
  'halo:signIn': {
    summary: 'Sign in to an authorization-code instance in the system browser (loopback redirect, PKCE).',
    input: byId,
    output: haloInstanceSchema
  },
  'halo:cancelSignIn': {
    summary: 'Stop waiting for a browser sign-in (the loopback listener closes); answers whether one was waiting.',
    input: noInput,
    output: z.object({ cancelled: z.boolean() })
  },
  'halo:signOut': {
    summary: 'Forget the tokens of an instance.',
    input: byId,
    output: haloInstanceSchema
  },
  'halo:test': {
    summary: 'Sign in and read each look-up; answers a checklist saying what works and how to fix what does not.',
    input: byId,
    output: haloCheckSchema
  },
  'halo:refreshLookups': {
    summary: 'Read the look-ups again; when the instance cannot be reached, the cache stays and offline is set.',
    input: byId,
    output: haloRefreshSchema
  },
  'halo:lookupRecords': {
    summary: 'Cached look-up rows of one kind, optionally filtered by a search text.',
    input: z.object({ id: z.string().min(1), kind: haloLookupKindSchema, search: z.string().max(200).optional() }).strict(),
    output: z.object({ fetchedAt: z.string().nullable(), total: z.number().int(), rows: z.array(haloLookupRowSchema) })
  },
  'connections:list': {
    summary: 'The directory connections of this workspace, with credential state, last test and snapshot summary.',
    input: noInput,
    output: z.array(connectionSchema)
  },
  'connections:saveOkta': {
    summary: 'Add or change an Okta connection after validating it; a new token or private key goes to the keychain.',
    input: oktaConnectionFormSchema,
    output: connectionSchema
  },
  'connections:saveEntra': {
    summary: 'Add or change an Entra ID connection after validating it; a new client secret goes to the keychain.',
    input: entraConnectionFormSchema,
    output: connectionSchema
  },
  'connections:resetDelta': {
    summary: "Entra: forget where the last read stopped (clear: the next fetch reads everything), or start from now (latest: the next fetch reads only later changes).",
    input: z.object({ connectionId: z.string().min(1), to: z.enum(['clear', 'latest']) }).strict(),
    output: connectionSchema
  },
  'connections:authorizeEntra': {
    summary: 'Entra, delegated sign-in: "Authorize" in the system browser (authorization code + PKCE through a loopback redirect); the refresh token goes to the keychain.',
    input: byId,
    output: connectionSchema
  },
  'connections:cancelAuthorize': {
    summary: 'Stop an "Authorize" that is waiting in the browser.',
    input: noInput,
    output: z.object({ cancelled: z.boolean() })
  },
  'connections:delete': {
    summary: 'Remove a connection, its keychain entry and its snapshot.',
    input: byId,
    output: z.object({ deleted: z.literal(true) })
  },
  'connections:testOkta': {
    summary: '"Test credentials": who the credentials act as and whether users, groups and apps can be read.',
    input: byId,
    output: checklistSchema
  },
  'connections:testEntra': {
    summary: '"Test connection" for Entra ID: the sign-in, each permission the mappings need (with why and the admin-consent link), people readable, the client secret\'s expiry.',
    input: byId,
    output: checklistSchema
  },
  'connections:fetch': {
    summary: 'Read the whole directory into a new snapshot (progress as task:progress fetch:<id>); the last good one stays until it succeeds.',
    input: byId,
    output: snapshotSummarySchema
  },
  'connections:cancelFetch': {
    summary: 'Cancel a running directory fetch; the last good snapshot stays.',
    input: byId,
    output: z.object({ cancelled: z.boolean() })
  },
  'snapshot:people': {
    summary: "People of a connection's snapshot: search, status and group filters, paged.",
    input: snapshotPeopleQuerySchema,
    output: snapshotPeoplePageSchema
  },
  'snapshot:groups': {
    summary: "Groups of a connection's snapshot, searchable and paged.",
    input: snapshotGroupsQuerySchema,
    output: snapshotGroupsPageSchema
  },
  'snapshot:devices': {
    summary: "Intune devices of an Entra connection's snapshot (when it reads devices), searchable and paged.",
    input: snapshotDevicesQuerySchema,
    output: snapshotDevicesPageSchema
  },
  ...mappingProcedures,
  ...planProcedures,
  ...ssoProcedures,
  ...guideProcedures
} as const

export type Procedures = typeof procedures
export type ProcedureName = keyof Procedures
export type ProcedureInput<N extends ProcedureName> = z.input<Procedures[N]['input']>
export type ProcedureOutput<N extends ProcedureName> = z.output<Procedures[N]['output']>

export const procedureNames = Object.keys(procedures) as ProcedureName[]

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(procedures, name)
}
