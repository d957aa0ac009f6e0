/**
 * Applies drizzle-kit's migrations (drizzle/) to a SQLite file, all or nothing: the bookkeeping table
 * and every pending migration run in one transaction, so a failure leaves the file as it was.
 * Uses drizzle's own journal format and `__drizzle_migrations` table, so drizzle tools still read it.
 */
import type Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { StudioError } from '../../src-shared/contract'

const bookkeeping = '__drizzle_migrations'

export interface MigrationOutcome {
  applied: number
  total: number
}

export function applyMigrations(sqlite: Database.Database, migrationsFolder: string): MigrationOutcome {
  const migrations = readMigrationFiles({ migrationsFolder })
  const known = new Set(migrations.map((m) => m.hash))
  const run = sqlite.transaction((): MigrationOutcome => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS ${bookkeeping} (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`
    )
    const recorded = sqlite.prepare(`SELECT hash, created_at FROM ${bookkeeping}`).all() as {
      hash: string
      created_at: number
    }[]
    const unknown = recorded.filter((row) => !known.has(row.hash))
    if (unknown.length > 0) {
      throw new StudioError(
        'INTERNAL',
        'This data folder was written by a newer version of Identity Studio. Update the app, or start it with a different STUDIO_DATA_DIR.',
        { unknownMigrations: unknown.length }
      )
    }
    const done = new Set(recorded.map((row) => row.hash))
    const insert = sqlite.prepare(`INSERT INTO ${bookkeeping} (hash, created_at) VALUES (?, ?)`)
    let applied = 0
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue
      for (const statement of migration.sql) {
        if (statement.trim() !== '') sqlite.exec(statement)
      }
      insert.run(migration.hash, migration.folderMillis)
      applied += 1
    }
    return { applied, total: migrations.length }
  })
  // IMMEDIATE takes the write lock up front, so a second app instance cannot migrate concurrently.
  return run.immediate()
}
