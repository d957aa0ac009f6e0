/** Halo instance rows in SQLite, and their conversion to the client's settings. No secrets here. */
import { eq } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { StudioError, type HaloCheck, type HaloInstanceForm } from '../../src-shared/contract'
import { parseHaloAddress } from '../../src-shared/halo-url'
import type { StudioDb } from '../store/database'
import { haloInstanceTable } from '../store/schema'
import type { HaloInstanceSettings } from './halo-settings'

export type HaloInstanceRow = typeof haloInstanceTable.$inferSelect

export class HaloInstanceRepo {
  constructor(
    private readonly db: StudioDb,
    private readonly now: () => Date = () => new Date()
  ) {}

  all(): HaloInstanceRow[] {
    return this.db.select().from(haloInstanceTable).orderBy(haloInstanceTable.name).all()
  }

  find(id: string): HaloInstanceRow | undefined {
    return this.db.select().from(haloInstanceTable).where(eq(haloInstanceTable.id, id)).get()
  }

  get(id: string): HaloInstanceRow {
    const row = this.find(id)
    if (!row) throw new StudioError('NOT_FOUND', 'That Halo instance no longer exists. It may have been deleted in another window.', { id })
    return row
  }

  /** Inserts or updates from a validated form; answers the stored row. */
  save(form: HaloInstanceForm, extra: { isDemo?: boolean } = {}): HaloInstanceRow {
    const stamp = this.now().toISOString()
    const values = {
      name: form.name,
      baseUrl: parseHaloAddress(form.baseUrl, 'baseUrl').baseUrl,
      deployment: form.deployment,
      tenant: form.deployment === 'hosted' ? form.tenant : null,
      authServerUrl: form.authServerUrl ? form.authServerUrl.replace(/\/+$/, '') : null,
      authMode: form.authMode,
      clientId: form.clientId,
      scope: form.scope,
      rateLimitRequests: form.rateLimitRequests,
      rateLimitWindowMs: form.rateLimitWindowSeconds * 1000,
      updatedAt: stamp
    }
    const id = form.id ?? randomUUID()
    if (form.id) {
      this.get(form.id)
      this.db.update(haloInstanceTable).set(values).where(eq(haloInstanceTable.id, id)).run()
    } else {
      this.db.insert(haloInstanceTable).values({ ...values, id, isDemo: extra.isDemo ?? false, createdAt: stamp }).run()
    }
    return this.get(id)
  }

  recordCheck(id: string, check: HaloCheck): void {
    this.db.update(haloInstanceTable).set({ lastCheck: JSON.stringify(check) }).where(eq(haloInstanceTable.id, id)).run()
  }

  /** Removes the row; refused while connections import into this instance. */
  delete(id: string): void {
    const row = this.get(id)
    try {
      this.db.delete(haloInstanceTable).where(eq(haloInstanceTable.id, id)).run()
    } catch (error) {
      // ON DELETE RESTRICT answers SQLITE_CONSTRAINT_TRIGGER (not …_FOREIGNKEY) with this message.
      if (!(error instanceof Error) || !/FOREIGN KEY constraint failed/.test(error.message)) throw error
      throw new StudioError('VALIDATION_FAILED', `Connections still import into ${row.name}. Delete them, or point them at another Halo instance, first.`, { id })
    }
  }
}

export function settingsOf(row: HaloInstanceRow): HaloInstanceSettings {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    tenant: row.tenant,
    authServerUrl: row.authServerUrl,
    authMode: row.authMode,
    clientId: row.clientId,
    scope: row.scope,
    rateLimit: { requests: row.rateLimitRequests, windowMs: row.rateLimitWindowMs }
  }
}
