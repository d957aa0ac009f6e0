/**
 * Opens the workspace database: one SQLite file, foreign keys on, migrated at start-up, then WAL.
 * Native binding: under Electron, pass the Electron-ABI build (see docs/native-modules.md).
 */
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'
import { applyMigrations, type MigrationOutcome } from './migrate'

export type StudioDb = BetterSQLite3Database<typeof schema>

export interface OpenedDatabase {
  db: StudioDb
  sqlite: Database.Database
  migration: MigrationOutcome
  close(): void
}

export interface OpenDatabaseOptions {
  file: string
  migrationsFolder: string
  nativeBinding?: string | undefined
}

export function openDatabase({ file, migrationsFolder, nativeBinding }: OpenDatabaseOptions): OpenedDatabase {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {})
  try {
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const migration = applyMigrations(sqlite, migrationsFolder)
    // Only after a successful migration: switching to WAL rewrites the header of an older file.
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    return { db: drizzle(sqlite, { schema }), sqlite, migration, close: () => sqlite.close() }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
