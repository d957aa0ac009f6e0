/**
 * SecretVault pairs the keychain (values) with the `secret_ref` table (what each secret is for and
 * when it expires). Values never touch SQLite; the renderer only ever sees summaries. The command
 * line may add an environment (secret-environment.ts): a secret given there is used instead of the
 * keychain, and with no keychain at all what the run itself obtains (Halo's sign-in tokens) is kept
 * in this process's memory only.
 */
import { eq } from 'drizzle-orm'
import { StudioError, type SecretSummary } from '../../src-shared/contract'
import type { StudioDb } from '../store/database'
import { secretRefTable } from '../store/schema'
import type { SecretEnvironment } from './secret-environment'
import type { SecretStore } from './secret-store'

export interface PutSecret {
  id: string
  label: string
  value: string
  expiresAt?: string | null
}

export class SecretVault {
  private environment: SecretEnvironment | null = null
  private readonly thisRunOnly = new Map<string, string>()

  constructor(
    private readonly db: StudioDb,
    private readonly store: SecretStore,
    private readonly workspaceId: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  async put({ id, label, value, expiresAt = null }: PutSecret): Promise<SecretSummary> {
    if (value.length === 0) throw new StudioError('VALIDATION_FAILED', `The secret "${label}" is empty.`)
    const status = await this.store.status()
    if (!status.available && this.environment) {
      this.thisRunOnly.set(id, value)
      return { id, label, isSet: true, expiresAt, updatedAt: this.now().toISOString() }
    }
    if (!status.available) throw new StudioError('KEYCHAIN_UNAVAILABLE', status.message)
    const account = this.accountFor(id)
    const existed = this.row(id) !== undefined
    await this.store.set(account, value)
    const stamp = this.now().toISOString()
    try {
      this.db
        .insert(secretRefTable)
        .values({ id, label, keychainAccount: account, expiresAt, createdAt: stamp, updatedAt: stamp })
        .onConflictDoUpdate({ target: secretRefTable.id, set: { label, expiresAt, updatedAt: stamp } })
        .run()
    } catch (error) {
      // Keep the two sides consistent: a new keychain entry without its reference would be orphaned.
      if (!existed) await this.store.delete(account)
      throw error
    }
    return { id, label, isSet: true, expiresAt, updatedAt: stamp }
  }

  /** The secret's value, for main-process callers only (connectors, Halo client). */
  async reveal(id: string): Promise<string | null> {
    const given = this.given(id)
    if (given !== null) return given
    const row = this.row(id)
    if (row && this.environment && !(await this.store.status()).available) return null
    return row ? this.store.get(row.keychainAccount) : null
  }

  /** A value given by the environment, or kept for this run only; null otherwise (the keychain is not asked). */
  given(id: string): string | null {
    return this.environment?.valueFor(id) ?? this.thisRunOnly.get(id) ?? null
  }

  /** Secrets given by the environment come first from now on (the command line). */
  useEnvironment(environment: SecretEnvironment): void {
    this.environment = environment
  }

  async remove(id: string): Promise<boolean> {
    if (this.thisRunOnly.delete(id)) return true
    const row = this.row(id)
    if (!row) return false
    await this.store.delete(row.keychainAccount)
    this.db.delete(secretRefTable).where(eq(secretRefTable.id, id)).run()
    return true
  }

  async list(): Promise<SecretSummary[]> {
    const rows = this.db.select().from(secretRefTable).orderBy(secretRefTable.label).all()
    const status = await this.store.status()
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        label: row.label,
        isSet: status.available ? (await this.store.get(row.keychainAccount)) !== null : false,
        expiresAt: row.expiresAt,
        updatedAt: row.updatedAt
      }))
    )
  }

  private row(id: string) {
    return this.db.select().from(secretRefTable).where(eq(secretRefTable.id, id)).get()
  }

  private accountFor(id: string): string {
    return `${this.workspaceId}/${id}`
  }
}
