/**
 * Start-up migrations on real SQLite files: from nothing, from a file written by the first release's
 * schema (test/fixtures/first-migration.db), all-or-nothing on failure, and refusal of a newer file.
 */
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './database'
import { SettingsRepo } from './settings-repo'
import { migrationsFolder, repoRoot, tempDir } from '../../test/helpers/temp-workspace'

const fixture = path.join(repoRoot, 'test/fixtures/first-migration.db')

function tables(file: string): string[] {
  const sqlite = new Database(file, { readonly: true })
  const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  sqlite.close()
  return names
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** A copy of the real migrations plus one that fails halfway through. */
function migrationsWithBrokenLast(): string {
  const folder = path.join(tempDir('studio-migrations-'), 'drizzle')
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalFile = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] }
  const last = journal.entries.at(-1)
  if (!last) throw new Error('no migrations')
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' })
  writeFileSync(journalFile, JSON.stringify(journal))
  writeFileSync(
    path.join(folder, '9999_broken.sql'),
    'CREATE TABLE `half_done` (`id` text);\n--> statement-breakpoint\nTHIS IS NOT SQL;'
  )
  return folder
}

/** A copy of the real migrations up to and including `tag`. */
function migrationsUpTo(tag: string): string {
  const folder = path.join(tempDir('studio-migrations-'), 'drizzle')
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalFile = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  const end = journal.entries.findIndex((entry) => entry.tag === tag)
  if (end < 0) throw new Error(`no migration ${tag}`)
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }))
  return folder
}

const allTables = [
  '__drizzle_migrations',
  'conflict_resolution',
  'connection',
  'connection_config',
  'directory_snapshot',
  'halo_instance',
  'halo_lookup',
  'onboarding_ticket',
  'plan',
  'plan_row',
  'secret_ref',
  'setting',
  'snapshot_app',
  'snapshot_app_assignment',
  'snapshot_device',
  'snapshot_direct_member',
  'snapshot_group',
  'snapshot_licence',
  'snapshot_membership',
  'snapshot_person',
  'sso_setting',
  'sync_link',
  'sync_op',
  'sync_run'
]

describe('openDatabase', () => {
  it('creates and migrates a new file, with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'studio.db')
    const opened = openDatabase({ file, migrationsFolder })
    expect(opened.migration.applied).toBe(opened.migration.total)
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    opened.close()
    expect(tables(file)).toEqual(allTables)
    const again = openDatabase({ file, migrationsFolder })
    expect(again.migration.applied).toBe(0)
    again.close()
  })

  it('upgrades a file written by the first migration without losing its data', () => {
    const file = path.join(tempDir(), 'studio.db')
    copyFileSync(fixture, file)
    expect(tables(file)).toEqual(['__drizzle_migrations', 'setting'])
    const opened = openDatabase({ file, migrationsFolder })
    expect(opened.migration.applied).toBe(opened.migration.total - 1)
    expect(new SettingsRepo(opened.db).get()).toEqual({ theme: 'dark' })
    const note = opened.sqlite.prepare("SELECT value FROM setting WHERE key = 'legacy.note'").pluck().get()
    expect(JSON.parse(String(note))).toBe('kept across upgrades — ünïcødé')
    opened.close()
    expect(tables(file)).toEqual(allTables)
  })

  it('gives plans saved before 0007 their site names, from their rows', () => {
    const file = path.join(tempDir(), 'studio.db')
    const older = openDatabase({ file, migrationsFolder: migrationsUpTo('0006_plans_and_sync') })
    older.sqlite.pragma('foreign_keys = OFF')
    const plan = older.sqlite.prepare("INSERT INTO plan (id, connection_id, scope, built_at, inputs, document, state) VALUES (?, 'c', 'users', '2026-11-30T10:00:00.000Z', '{}', '{}', 'ready')")
    plan.run('with-sites')
    plan.run('without-sites')
    const row = older.sqlite.prepare("INSERT INTO plan_row (plan_id, seq, key, kind, action, site, has_warnings, search_text, data) VALUES ('with-sites', ?, ?, 'user', 'create', ?, 0, '', '{}')")
    ;['Manchester', '', 'Leeds', 'Manchester'].forEach((site, seq) => row.run(seq, `k${seq}`, site))
    older.close()
    const opened = openDatabase({ file, migrationsFolder })
    const names = opened.sqlite.prepare('SELECT id, site_names AS names FROM plan ORDER BY id').all()
    expect(names).toEqual([
      { id: 'with-sites', names: '["Leeds","Manchester"]' },
      { id: 'without-sites', names: '[]' }
    ])
    opened.close()
  })

  it('leaves an existing file byte-for-byte unchanged when a migration fails', () => {
    const file = path.join(tempDir(), 'studio.db')
    copyFileSync(fixture, file)
    const before = sha(file)
    expect(() => openDatabase({ file, migrationsFolder: migrationsWithBrokenLast() })).toThrow(/syntax error/)
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0)
    expect(sha(file)).toBe(before)
    // The migration before the broken one ran in the same transaction, so it was rolled back too.
    expect(tables(file)).toEqual(['__drizzle_migrations', 'setting'])
  })

  it('leaves a new file empty when a migration fails', () => {
    const file = path.join(tempDir(), 'studio.db')
    expect(() => openDatabase({ file, migrationsFolder: migrationsWithBrokenLast() })).toThrow()
    expect(tables(file)).toEqual([])
  })

  it('refuses a file written by a newer version, saying what to do', () => {
    const file = path.join(tempDir(), 'studio.db')
    const newer = migrationsWithBrokenLast()
    writeFileSync(path.join(newer, '9999_broken.sql'), 'CREATE TABLE `from_the_future` (`id` text);')
    openDatabase({ file, migrationsFolder: newer }).close()
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(/newer version of Identity Studio/)
  })
})
