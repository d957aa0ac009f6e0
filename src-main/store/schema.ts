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
