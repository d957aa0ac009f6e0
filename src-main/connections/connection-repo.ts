/** Connection rows in SQLite: kind, name, the Halo instance they import into, non-secret settings as JSON. */
import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { entraConnectionSettingsSchema, oktaAuthModeSchema, StudioError, type Checklist } from '../../src-shared/contract'
import type { StudioDb } from '../store/database'
import { connectionTable, haloInstanceTable } from '../store/schema'

export const oktaSettingsSchema = z.object({
  orgUrl: z.string(),
  authMode: oktaAuthModeSchema,
  clientId: z.string().nullable(),
  keyId: z.string().nullable(),
  /** Which kind of credential is in the keychain (a token, or a service app's key), if any. */
  credentialMode: oktaAuthModeSchema.nullable()
})
export type OktaSettings = z.infer<typeof oktaSettingsSchema>

export type EntraSettings = z.infer<typeof entraConnectionSettingsSchema>

export type ConnectionRow = typeof connectionTable.$inferSelect & { haloInstanceName: string }

export class ConnectionRepo {
  constructor(
    private readonly db: StudioDb,
    private readonly now: () => Date = () => new Date()
  ) {}

  all(): ConnectionRow[] {
    return this.db
      .select({ connection: connectionTable, haloInstanceName: haloInstanceTable.name })
      .from(connectionTable)
      .innerJoin(haloInstanceTable, eq(connectionTable.haloInstanceId, haloInstanceTable.id))
      .orderBy(connectionTable.name)
      .all()
      .map(({ connection, haloInstanceName }) => ({ ...connection, haloInstanceName }))
  }

  get(id: string): ConnectionRow {
    const row = this.all().find((candidate) => candidate.id === id)
    if (!row) throw new StudioError('NOT_FOUND', 'That connection no longer exists. It may have been deleted in another window.', { id })
    return row
  }

  save(values: { id?: string | undefined; kind: 'okta'; name: string; haloInstanceId: string; settings: OktaSettings } | { id?: string | undefined; kind: 'entra'; name: string; haloInstanceId: string; settings: EntraSettings }): ConnectionRow {
    if (!this.db.select({ id: haloInstanceTable.id }).from(haloInstanceTable).where(eq(haloInstanceTable.id, values.haloInstanceId)).get()) {
      throw new StudioError('VALIDATION_FAILED', 'Choose a Halo instance that still exists.', { issues: [{ path: 'haloInstanceId', message: 'Choose a Halo instance that still exists.' }] })
    }
    const stamp = this.now().toISOString()
    const fields = { kind: values.kind, name: values.name, haloInstanceId: values.haloInstanceId, settings: JSON.stringify(values.settings), updatedAt: stamp }
    const id = values.id ?? randomUUID()
    if (values.id) {
      this.get(values.id)
      this.db.update(connectionTable).set(fields).where(eq(connectionTable.id, id)).run()
    } else {
      this.db.insert(connectionTable).values({ ...fields, id, createdAt: stamp }).run()
    }
    return this.get(id)
  }

  recordTest(id: string, check: Checklist): void {
    this.db.update(connectionTable).set({ lastTest: JSON.stringify(check) }).where(eq(connectionTable.id, id)).run()
  }

  delete(id: string): void {
    this.db.delete(connectionTable).where(eq(connectionTable.id, id)).run()
  }
}

export function oktaSettingsOf(row: ConnectionRow): OktaSettings {
  if (row.kind !== 'okta') throw new StudioError('VALIDATION_FAILED', `${row.name} is an Entra ID connection, not an Okta one.`, { id: row.id })
  return oktaSettingsSchema.parse(JSON.parse(row.settings))
}

export function entraSettingsOf(row: ConnectionRow): EntraSettings {
  if (row.kind !== 'entra') throw new StudioError('VALIDATION_FAILED', `${row.name} is an Okta connection, not an Entra ID one.`, { id: row.id })
  return entraConnectionSettingsSchema.parse(JSON.parse(row.settings))
}
