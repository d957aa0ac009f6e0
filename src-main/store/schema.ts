/**
 * The whole SQLite schema in one place. drizzle-kit generates migrations from it (npm run db:generate);
 * never edit a generated migration that has shipped. Secrets are never stored here: only references.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
  summary: text('summary')
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

export const snapshotAppTable = sqliteTable(
  'snapshot_app',
  {
    snapshotId: snapshotId(),
    id: text('id').notNull(),
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
