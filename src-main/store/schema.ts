/**
 * The whole SQLite schema in one place. drizzle-kit generates migrations from it (npm run db:generate);
 * never edit a generated migration that has shipped. Secrets are never stored here: only references.
 */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

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
