/** Reads and writes workspace preferences (and the workspace's own id) in the `setting` table. */
import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/contract'
import type { StudioDb } from './database'
import { settingTable } from './schema'

const workspaceIdKey = 'workspace.id'

export class SettingsRepo {
  constructor(
    private readonly db: StudioDb,
    private readonly now: () => Date = () => new Date()
  ) {}

  get(): Settings {
    const rows = this.db.select().from(settingTable).all()
    const stored: Record<string, unknown> = {}
    for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown
    // Unknown or invalid stored values fall back to defaults key by key, so one bad value never locks the app out.
    const merged: Record<string, unknown> = { ...defaultSettings }
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      const candidate = settingsSchema.shape[key].safeParse(stored[key])
      if (candidate.success) merged[key] = candidate.data
    }
    return settingsSchema.parse(merged)
  }

  update(patch: SettingsPatch): Settings {
    const updatedAt = this.now().toISOString()
    this.db.transaction((tx) => {
      // The patch comes parsed from JSON, so a key present always carries a value.
      for (const [key, value] of Object.entries(patch)) {
        tx.insert(settingTable)
          .values({ key, value: JSON.stringify(value), updatedAt })
          .onConflictDoUpdate({ target: settingTable.key, set: { value: JSON.stringify(value), updatedAt } })
          .run()
      }
    })
    return this.get()
  }

  /** An internal marker (not a preference): what the app has done once in this workspace. */
  marker(key: `marker.${string}`): string | null {
    const row = this.db.select().from(settingTable).where(eq(settingTable.key, key)).get()
    return row ? (JSON.parse(row.value) as string) : null
  }

  setMarker(key: `marker.${string}`, value: string): void {
    const updatedAt = this.now().toISOString()
    this.db
      .insert(settingTable)
      .values({ key, value: JSON.stringify(value), updatedAt })
      .onConflictDoUpdate({ target: settingTable.key, set: { value: JSON.stringify(value), updatedAt } })
      .run()
  }

  /** A random id for this workspace, made once; it keeps keychain entries of different data folders apart. */
  workspaceId(): string {
    const row = this.db.select().from(settingTable).where(eq(settingTable.key, workspaceIdKey)).get()
    if (row) return JSON.parse(row.value) as string
    const id = randomUUID()
    this.db
      .insert(settingTable)
      .values({ key: workspaceIdKey, value: JSON.stringify(id), updatedAt: this.now().toISOString() })
      .onConflictDoNothing()
      .run()
    return this.workspaceId()
  }
}
