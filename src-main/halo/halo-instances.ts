/**
 * The Halo instances of a workspace as the handlers see them: saving (validated, secret to the
 * keychain), deleting (keychain entries too), signing in and out, testing, refreshing the look-up
 * cache (offline when the instance cannot be reached) and reading it. One client per instance.
 */
import { haloInstanceFormIssues, haloLookupKinds, StudioError, type HaloCheck, type HaloInstance, type HaloInstanceForm, type HaloLookupKind } from '../../src-shared/contract'
import type { LoopbackSignIn } from '../auth/loopback-flow'
import type { ExternalLinks } from '../runtime/external-links'
import type { SecretVault } from '../secrets/secret-vault'
import { HaloAuth } from './halo-auth'
import { checkHaloConnection, lookupQueries } from './halo-check'
import { HaloClient } from './halo-client'
import { HaloInstanceRepo, settingsOf, type HaloInstanceRow } from './halo-instance-repo'
import type { HaloRecords } from '../core/halo-state'
import type { HaloPeopleKind } from './halo-people'
import type { LookupCache } from './lookup-cache'
import { vaultTokenCache } from './token-cache'

interface Connected {
  auth: HaloAuth
  client: HaloClient
}

export interface HaloInstancesDeps {
  repo: HaloInstanceRepo
  cache: LookupCache
  vault: SecretVault
  links: ExternalLinks
  loopback: LoopbackSignIn
  timeoutMs?: number
  now?: () => Date
}

/** The vault id of an instance's client secret. */
export const haloClientSecretId = (id: string): string => `halo:${id}:client-secret`
const tokensId = (id: string): string => `halo:${id}:tokens`

export class HaloInstances {
  private readonly connected = new Map<string, Connected>()
  private readonly now: () => Date

  constructor(private readonly deps: HaloInstancesDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  async list(): Promise<HaloInstance[]> {
    return Promise.all(this.deps.repo.all().map((row) => this.describe(row)))
  }

  async describe(row: HaloInstanceRow): Promise<HaloInstance> {
    const secrets = new Set((await this.deps.vault.list()).filter((s) => s.isSet).map((s) => s.id))
    return {
      id: row.id,
      name: row.name,
      baseUrl: row.baseUrl,
      deployment: row.deployment,
      tenant: row.tenant,
      authServerUrl: row.authServerUrl,
      authMode: row.authMode,
      clientId: row.clientId,
      scope: row.scope,
      rateLimitRequests: row.rateLimitRequests,
      rateLimitWindowSeconds: Math.round(row.rateLimitWindowMs / 1000),
      isDemo: row.isDemo,
      secretSet: secrets.has(haloClientSecretId(row.id)),
      signedIn: secrets.has(tokensId(row.id)),
      lastCheck: row.lastCheck ? (JSON.parse(row.lastCheck) as HaloCheck) : null,
      lookups: this.deps.cache.summaries(row.id)
    }
  }

  async save(form: HaloInstanceForm, extra: { isDemo?: boolean } = {}): Promise<HaloInstance> {
    const existing = form.id ? this.deps.repo.get(form.id) : undefined
    const secretStored = existing ? (await this.deps.vault.reveal(haloClientSecretId(existing.id))) !== null : false
    const issues = haloInstanceFormIssues(form, secretStored)
    if (issues.length > 0) {
      throw new StudioError('VALIDATION_FAILED', issues.length === 1 ? (issues[0]?.message ?? '') : 'Some fields need attention before this Halo instance can be saved.', { issues })
    }
    // The secret goes first: if the keychain refuses it, nothing is saved.
    const id = form.id ?? undefined
    let row: HaloInstanceRow
    if (form.clientSecret && !id) {
      row = this.deps.repo.save(form, extra)
      try {
        await this.deps.vault.put({ id: haloClientSecretId(row.id), label: `${row.name}: Halo client secret`, value: form.clientSecret })
      } catch (error) {
        this.deps.repo.delete(row.id)
        throw error
      }
    } else {
      if (form.clientSecret && id) await this.deps.vault.put({ id: haloClientSecretId(id), label: `${form.name}: Halo client secret`, value: form.clientSecret })
      row = this.deps.repo.save(form, extra)
    }
    if (existing && signInChanged(existing, row)) await this.deps.vault.remove(tokensId(row.id))
    this.connected.delete(row.id)
    return this.describe(row)
  }

  async delete(id: string): Promise<void> {
    // The row goes first: if connections still import into it, nothing is removed.
    this.deps.repo.delete(id)
    await this.deps.vault.remove(haloClientSecretId(id))
    await this.deps.vault.remove(tokensId(id))
    this.connected.delete(id)
  }

  async signIn(id: string): Promise<HaloInstance> {
    const row = this.deps.repo.get(id)
    if (row.authMode !== 'authorization_code') {
      throw new StudioError('VALIDATION_FAILED', `${row.name} signs in with a client ID and secret; there is nothing to sign in to in the browser. Use "Test connection".`)
    }
    const { auth } = this.connect(row)
    await auth.signIn(this.deps.loopback, async (url) => {
      this.deps.links.approve(url)
      await this.deps.links.open(url)
    })
    return this.describe(row)
  }

  /** Stops a browser sign-in that is waiting; the waiting halo:signIn fails with CANCELLED. */
  cancelSignIn(): boolean {
    const waiting = this.deps.loopback.inProgress
    this.deps.loopback.cancel()
    return waiting
  }

  async signOut(id: string): Promise<HaloInstance> {
    const row = this.deps.repo.get(id)
    await this.connect(row).auth.signOut()
    return this.describe(row)
  }

  async test(id: string): Promise<HaloCheck> {
    const row = this.deps.repo.get(id)
    const check = await checkHaloConnection({ instanceId: id, ...this.connect(row), cache: this.deps.cache, now: this.now })
    this.deps.repo.recordCheck(id, check)
    return check
  }

  /**
   * Reads every look-up again, and Halo's users and agents for matching (users with the licences an
   * Entra import made that they are linked to); if the instance cannot be reached the cache is kept
   * and offline is set.
   */
  async refreshLookups(id: string): Promise<{ offline: boolean; reason: string | null; lookups: HaloInstance['lookups'] }> {
    const row = this.deps.repo.get(id)
    const { client } = this.connect(row)
    const fresh: [HaloLookupKind, Record<string, unknown>[]][] = []
    const people: Array<[HaloPeopleKind, Record<string, unknown>[]]> = []
    const licensed = new Map<string, number[]>()
    try {
      for (const kind of haloLookupKinds) fresh.push([kind, await client.list(kind, { query: lookupQueries[kind] })])
      // Everyone, inactive and disabled too: matching must find the record to reactivate.
      people.push(['users', await client.list('users', { query: { includeinactive: true, includeactive: true } })])
      people.push(['agents', await client.list('agents', { query: { includeenabled: true, includedisabled: true, includeroles: true } })])
      // Who is linked to each licence an Entra import made (few licences; Halo lists a licence's users by licence_id).
      for (const licence of fresh.find(([kind]) => kind === 'licences')?.[1] ?? []) {
        if (typeof licence.product_sku !== 'string' || licence.product_sku === '' || licence.deleted === true) continue
        for (const user of await client.list('users', { query: { licence_id: licence.id as number, includeinactive: true, includeactive: true } })) {
          const ids = licensed.get(String(user.id)) ?? []
          ids.push(licence.id as number)
          licensed.set(String(user.id), ids)
        }
      }
    } catch (error) {
      if (error instanceof StudioError && error.code === 'UNREACHABLE') {
        return { offline: true, reason: error.message, lookups: this.deps.cache.summaries(id) }
      }
      throw error
    }
    const fetchedAt = this.now().toISOString()
    for (const [kind, records] of fresh) this.deps.cache.store(id, kind, records, fetchedAt)
    for (const [kind, records] of people) this.deps.cache.storePeople(id, kind, records, fetchedAt, kind === 'users' ? licensed : undefined)
    return { offline: false, reason: null, lookups: this.deps.cache.summaries(id) }
  }

  /** What is cached of an instance, as Halo sent the look-ups and as planning compares its users and agents (for an export). */
  cachedState(id: string): { name: string; fetchedAt: string | null; lookups: (kind: HaloLookupKind) => Record<string, unknown>[] | null; halo: HaloRecords } {
    const row = this.deps.repo.get(id)
    const users = this.deps.cache.people(id, 'users')
    const agents = this.deps.cache.people(id, 'agents')
    return { name: row.name, fetchedAt: users?.fetchedAt ?? null, lookups: (kind) => this.deps.cache.records(id, kind), halo: { users: users?.records ?? [], agents: agents?.records ?? [] } }
  }

  lookupRecords(id: string, kind: HaloLookupKind, search?: string): ReturnType<LookupCache['rows']> {
    this.deps.repo.get(id)
    return this.deps.cache.rows(id, kind, search)
  }

  /** The API client of an instance (also used by imports and syncs). */
  client(id: string): HaloClient {
    return this.connect(this.deps.repo.get(id)).client
  }

  private connect(row: HaloInstanceRow): Connected {
    const known = this.connected.get(row.id)
    if (known) return known
    const settings = settingsOf(row)
    const timeoutMs = this.deps.timeoutMs ?? 30_000
    const auth = new HaloAuth({
      settings,
      cache: vaultTokenCache(this.deps.vault, row.id, row.name),
      clientSecret: () => this.deps.vault.reveal(haloClientSecretId(row.id)),
      timeoutMs
    })
    const connected = { auth, client: new HaloClient({ settings, auth, timeoutMs }) }
    this.connected.set(row.id, connected)
    return connected
  }
}

/** Tokens belong to one address, tenant, application and scope; changing any of them means a new sign-in. */
function signInChanged(before: HaloInstanceRow, after: HaloInstanceRow): boolean {
  return (
    before.baseUrl !== after.baseUrl ||
    before.tenant !== after.tenant ||
    before.authServerUrl !== after.authServerUrl ||
    before.authMode !== after.authMode ||
    before.clientId !== after.clientId ||
    before.scope !== after.scope
  )
}
