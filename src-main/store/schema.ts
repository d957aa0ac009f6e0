/**
 * The whole SQLite schema in one place. drizzle-kit generates migrations from it (npm run db:generate);
 * never edit a generated migration that has shipped. Secrets are never stored here: only references.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Workspace preferences, one JSON value per key. */
export const settingTable = sqliteTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull()
})

/**
 * One row per secret kept in the OS keychain: where it is and what it is for, never its value.
 * `expiresAt` lets the app warn before e.g. an Entra client secret runs out.
 */
export const secretRefTable = sqliteTable('secret_ref', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  keychainAccount: text('keychain_account').notNull().unique(),
  expiresAt: text('expires_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

/** A Halo instance the workspace imports into. Its client secret and tokens live in the keychain. */
export const haloInstanceTable = sqliteTable('halo_instance', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  baseUrl: text('base_url').notNull(),
  deployment: text('deployment', { enum: ['hosted', 'on-premise'] }).notNull(),
  tenant: text('tenant'),
  authServerUrl: text('auth_server_url'),
  authMode: text('auth_mode', { enum: ['client_credentials', 'authorization_code'] }).notNull(),
  clientId: text('client_id').notNull(),
  scope: text('scope').notNull(),
  rateLimitRequests: integer('rate_limit_requests').notNull(),
  rateLimitWindowMs: integer('rate_limit_window_ms').notNull(),
  /** The built-in sandbox instance of the demo workspace. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** JSON of the last "Test connection" checklist. */
  lastCheck: text('last_check'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

/** Look-ups read from a Halo instance (sites, roles, …), kept for offline mapping design. */
export const haloLookupTable = sqliteTable(
  'halo_lookup',
  {
    instanceId: text('instance_id')
      .notNull()
      .references(() => haloInstanceTable.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    records: text('records').notNull(),
    recordCount: integer('record_count').notNull(),
    fetchedAt: text('fetched_at').notNull()
  },
  (table) => [primaryKey({ columns: [table.instanceId, table.kind] })]
)

/**
 * A directory connection (an Okta org, later an Entra tenant) bound to the Halo instance it imports
 * into. `settings` is JSON of the non-secret details (org URL, auth mode, client ID); the token or
 * private key is in the keychain. A Halo instance with connections cannot be deleted (restrict).
 */
export const connectionTable = sqliteTable('connection', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['okta', 'entra'] }).notNull(),
  name: text('name').notNull(),
  haloInstanceId: text('halo_instance_id')
    .notNull()
    .references(() => haloInstanceTable.id, { onDelete: 'restrict' }),
  settings: text('settings').notNull(),
  /** JSON of the last "Test credentials" checklist. */
  lastTest: text('last_test'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

/**
 * A connection's mapping configuration (src-shared/mapping/config-schema.ts): one versioned JSON
 * document, saved only when valid. A connection without a row uses its source's defaults.
 */
export const connectionConfigTable = sqliteTable('connection_config', {
  connectionId: text('connection_id')
    .primaryKey()
    .references(() => connectionTable.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  document: text('document').notNull(),
  updatedAt: text('updated_at').notNull()
})

/**
 * One fetch of a connection's directory. Rows are written while `state` is "building"; on success
 * the new snapshot becomes "complete" and the previous one is deleted in the same transaction, so
 * readers always see one whole snapshot (the last good one stays usable offline).
 */
export const directorySnapshotTable = sqliteTable('directory_snapshot', {
  id: text('id').primaryKey(),
  connectionId: text('connection_id')
    .notNull()
    .references(() => connectionTable.id, { onDelete: 'cascade' }),
  state: text('state', { enum: ['building', 'complete'] }).notNull(),
  startedAt: text('started_at').notNull(),
  completedAt: text('completed_at'),
  /** JSON summary: counts, people per status, requests, duration. */
  summary: text('summary'),
  /** JSON: where the directory's next changes are read from (Entra's users and groups deltaLinks), when it has them. */
  deltaLinks: text('delta_links')
})

const snapshotId = () =>
  text('snapshot_id')
    .notNull()
    .references(() => directorySnapshotTable.id, { onDelete: 'cascade' })

export const snapshotPersonTable = sqliteTable(
  'snapshot_person',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
    status: text('status').notNull(),
    /** Lower-cased display name, login and email, for search. */
    searchText: text('search_text').notNull(),
    displayName: text('display_name').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.id] })]
)

export const snapshotGroupTable = sqliteTable(
  'snapshot_group',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.id] })]
)

/**
 * Memberships in the order they are read (group by group). No index by person: keeping one cost more
 * than half the time of a 160,000-membership snapshot, and readers take a snapshot's memberships whole.
 */
export const snapshotMembershipTable = sqliteTable(
  'snapshot_membership',
  {
    snapshotId: snapshotId(),
    groupId: text('group_id').notNull(),
    personId: text('person_id').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.groupId, table.personId] })]
)

/**
 * A group's direct members as the directory lists them, users and groups (Entra nests groups;
 * snapshot_membership holds the flattened view). Kept so the next delta round can be merged.
 */
export const snapshotDirectMemberTable = sqliteTable(
  'snapshot_direct_member',
  {
    snapshotId: snapshotId(),
    groupId: text('group_id').notNull(),
    memberId: text('member_id').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.groupId, table.memberId] })]
)

export const snapshotAppTable = sqliteTable(
  'snapshot_app',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.id] })]
)

/** An Entra snapshot's licences (subscribed SKUs), read when licence import is on; `data` is a DirectoryLicence. */
export const snapshotLicenceTable = sqliteTable(
  'snapshot_licence',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.id] })]
)

/** An Entra snapshot's Intune devices, read when devices are on; `data` is a DirectoryDevice. */
export const snapshotDeviceTable = sqliteTable(
  'snapshot_device',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** Lower-cased name, login, serial number and model, for search. */
    searchText: text('search_text').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.id] })]
)

export const snapshotAppAssignmentTable = sqliteTable(
  'snapshot_app_assignment',
  {
    snapshotId: snapshotId(),
    appId: text('app_id').notNull(),
    personId: text('person_id').notNull()
  },
  (table) => [primaryKey({ columns: [table.snapshotId, table.appId, table.personId] })]
)

/**
 * A preview's plan (src-shared/plan/plan-schema.ts) for one connection: its summary, guardrail, the
 * sites, CAB changes and tickets, and the fingerprints of its inputs (snapshot, configuration, Halo
 * state) so a sync of a plan whose inputs changed asks for a rebuild. Rows are in plan_row.
 */
export const planTable = sqliteTable('plan', {
  id: text('id').primaryKey(),
  connectionId: text('connection_id')
    .notNull()
    .references(() => connectionTable.id, { onDelete: 'cascade' }),
  scope: text('scope', { enum: ['users', 'agents', 'both'] }).notNull(),
  builtAt: text('built_at').notNull(),
  /** JSON: snapshot id and time, configuration hash, Halo state time, whether Halo was read live or from the cache. */
  inputs: text('inputs').notNull(),
  /** JSON of the plan without its rows. */
  document: text('document').notNull(),
  /** JSON: the site names its rows use, sorted (the preview's site filter). */
  siteNames: text('site_names').notNull().default('[]'),
  state: text('state', { enum: ['ready', 'synced', 'superseded'] }).notNull(),
  /** JSON: the last rehearsal of its sync on a sandbox copy of Halo (counts, Halo's refusals), or null. */
  rehearsal: text('rehearsal')
})

/** A plan's rows in plan order, with what the preview table filters and searches on. */
export const planRowTable = sqliteTable(
  'plan_row',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => planTable.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    key: text('key').notNull(),
    kind: text('kind', { enum: ['user', 'agent'] }).notNull(),
    action: text('action').notNull(),
    /** The site's name as shown, or "" without one. */
    site: text('site').notNull(),
    hasWarnings: integer('has_warnings', { mode: 'boolean' }).notNull(),
    /** Lower-cased name, email and Halo id, for search. */
    searchText: text('search_text').notNull(),
    data: text('data').notNull()
  },
  (table) => [primaryKey({ columns: [table.planId, table.seq] }), index('plan_row_by_key').on(table.planId, table.key)]
)

/** The admin's choice for a conflict (pick a record, or skip), kept across rebuilds until the row no longer conflicts. */
export const conflictResolutionTable = sqliteTable(
  'conflict_resolution',
  {
    connectionId: text('connection_id')
      .notNull()
      .references(() => connectionTable.id, { onDelete: 'cascade' }),
    rowKey: text('row_key').notNull(),
    /** JSON: {"pick": id} or {"skip": true}. */
    choice: text('choice').notNull(),
    decidedAt: text('decided_at').notNull()
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.rowKey] })]
)

/** Which Halo record a directory person became, as syncs wrote it (per kind): later plans match by it, and deactivate it when the person leaves. */
export const syncLinkTable = sqliteTable(
  'sync_link',
  {
    connectionId: text('connection_id')
      .notNull()
      .references(() => connectionTable.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['user', 'agent'] }).notNull(),
    personId: text('person_id').notNull(),
    haloId: text('halo_id').notNull(),
    linkedAt: text('linked_at').notNull(),
    /**
     * Users of Entra connections with licence import: JSON of the SKU ids their Halo licence links
     * and Entra assignments were both brought to by the last sync, or null before any. What each
     * side changed since is measured from it (licence management from Halo).
     */
    licences: text('licences')
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.kind, table.personId] })]
)

/** Onboarding tickets logged, one per person per connection ever: never logged twice. */
export const onboardingTicketTable = sqliteTable(
  'onboarding_ticket',
  {
    connectionId: text('connection_id')
      .notNull()
      .references(() => connectionTable.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull(),
    ticketId: text('ticket_id').notNull(),
    runId: text('run_id').notNull(),
    loggedAt: text('logged_at').notNull()
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.personId] })]
)

/** One sync of a plan: its state, who asked, the guardrail override, totals; its operations are in sync_op. */
export const syncRunTable = sqliteTable('sync_run', {
  id: text('id').primaryKey(),
  connectionId: text('connection_id')
    .notNull()
    .references(() => connectionTable.id, { onDelete: 'cascade' }),
  planId: text('plan_id').notNull(),
  state: text('state', { enum: ['running', 'interrupted', 'cancelled', 'completed', 'failed'] }).notNull(),
  trigger: text('trigger', { enum: ['app', 'command-line'] }).notNull(),
  /** The number of deactivations the admin allowed past the guardrail, or null. */
  allowDeactivations: integer('allow_deactivations'),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  /** Why it stopped, in the admin's words, when it did not complete. */
  error: text('error'),
  /** JSON: the plan's summary at the start (counts per action), for the run history. */
  summary: text('summary').notNull(),
  /** The process executing the run (host, pid, a random part), or null; it renews heartbeatAt while it works. */
  owner: text('owner'),
  heartbeatAt: text('heartbeat_at')
})

/**
 * The journal: every operation of a run, written before it is sent (pending → sent) and after it
 * answers (done with the Halo id, or failed with Halo's words), so a run resumes exactly where it
 * stopped. `sent` after a crash means the answer was lost: the executor finds out what Halo did.
 */
export const syncOpTable = sqliteTable(
  'sync_op',
  {
    runId: text('run_id')
      .notNull()
      .references(() => syncRunTable.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    phase: text('phase', { enum: ['licences', 'sites', 'users', 'agents', 'directory', 'cabs', 'tickets'] }).notNull(),
    /** The plan row (or site key, CAB id, ticket's row) the operation is for. */
    ref: text('ref').notNull(),
    action: text('action').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'done', 'failed', 'skipped'] }).notNull(),
    /** JSON of what is posted (never a secret). */
    payload: text('payload').notNull(),
    haloId: text('halo_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: text('updated_at').notNull()
  },
  (table) => [primaryKey({ columns: [table.runId, table.seq] })]
)

/**
 * A connection's single sign-on settings (src-shared/contract/sso.ts), the last test sign-in (for
 * which settings, by hash; who signed in; whether Halo knows them) and the last time they were
 * applied to Halo (with the fields written, and whether the admin overrode a missing test).
 */
export const ssoSettingTable = sqliteTable('sso_setting', {
  connectionId: text('connection_id')
    .primaryKey()
    .references(() => connectionTable.id, { onDelete: 'cascade' }),
  /** JSON: SsoSettings. */
  settings: text('settings').notNull(),
  /** Entra: the Halo Entra connection (azureadconnection id) the settings go to. */
  haloConnectionId: integer('halo_connection_id'),
  /** JSON: the last "Check settings" (a checklist with the settings hash it was made for), or null. */
  lastCheck: text('last_check'),
  /** JSON: the last test sign-in, or null. */
  lastTest: text('last_test'),
  /** JSON: the last apply, or null. */
  lastApply: text('last_apply'),
  updatedAt: text('updated_at').notNull()
})
