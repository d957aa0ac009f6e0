/**
 * Directory connections as the handlers see them: saving an Okta or Entra connection (validated;
 * its token, private key or client secret to the keychain), deleting (keychain entry and snapshots
 * too), "Test credentials", fetching the directory into a snapshot with progress events and cancel
 * (one fetch per connection at a time; a failed or cancelled fetch keeps the last good snapshot;
 * Entra reads only the changes when delta is on: entra-reads.ts), and browsing the snapshot. A
 * test or fetch failing on what the Details tab fixes (credentials, address) says so (details.fix).
 */
import { oktaConnectionFormIssues, StudioError, withFix, type Checklist, type Connection, type EntraConnectionForm, type OktaConnectionForm, type SnapshotSummary } from '../../src-shared/contract'
import { checkOktaAddress } from '../../src-shared/okta-url'
import { createOktaClient, type OktaCredentials } from '../connectors/okta/okta-client'
import { checkOktaCredentials } from '../connectors/okta/okta-check'
import { oktaError } from '../connectors/okta/okta-errors'
import { fetchOktaSnapshot, type SnapshotProgress } from '../connectors/okta/okta-snapshot'
import { PacedExecutor } from '../connectors/okta/paced-executor'
import type { EntraFeatures } from '../connectors/entra/entra-check'
import type { SnapshotStore } from '../directory/snapshot-store'
import type { EventBus } from '../runtime/event-bus'
import type { SecretVault } from '../secrets/secret-vault'
import { entraSettingsOf, oktaSettingsOf, type ConnectionRepo, type ConnectionRow, type OktaSettings } from './connection-repo'
import type { LoopbackSignIn } from '../auth/loopback-flow'
import { authorizeEntra, delegatedScopes, type TokenCacheStore } from '../connectors/entra/entra-delegated'
import { assignEntraLicences, authorizationChanged, describeEntraProgress, entraCredentials, entraSettingsFrom, fetchEntraDirectory, latestDeltaLinks, testEntraConnection, type EntraAccess } from './entra-reads'
import type { DirectoryLicenceWriter } from '../sync/sync-executor'

export interface ConnectionsDeps {
  repo: ConnectionRepo
  snapshots: SnapshotStore
  vault: SecretVault
  events: EventBus
  now?: () => Date
  /** Okta server clock speed (time-scaled sandboxes in tests and benchmarks). */
  oktaTimeScale?: number
  /** The apps a connection's mappings filter on, whose assignments a fetch reads too. */
  assignmentApps?: (connectionId: string) => string[]
  /** Which Entra licence features a connection's mappings use (they decide the permissions it needs; devices are the connection's own setting). */
  entraFeatures?: (connectionId: string) => LicenceFeatures
  /** Signing an admin in in the system browser ("Authorize" for delegated Entra connections). */
  browserSignIn?: { loopback: LoopbackSignIn; open: (url: string) => Promise<void> }
}

type LicenceFeatures = Pick<EntraFeatures, 'licences' | 'licenceManagement'>
const noLicenceFeatures: LicenceFeatures = { licences: false, licenceManagement: false }

/** The vault id of a connection's credential: the Okta API token or private key, or the Entra client secret (the "okta" in it is historic; stored ids keep it). */
export const connectionCredentialId = (id: string): string => `connection:${id}:okta-credential`

/** The vault id of a delegated Entra connection's MSAL token cache (the authorized admin's refresh token). */
export const entraTokenCacheId = (id: string): string => `connection:${id}:entra-token-cache`

export class Connections {
  private readonly fetches = new Map<string, AbortController>()
  private readonly now: () => Date

  constructor(private readonly deps: ConnectionsDeps) {
    this.now = deps.now ?? (() => new Date())
    deps.snapshots.discardUnfinished()
  }

  async list(): Promise<Connection[]> {
    const stored = new Set((await this.deps.vault.list()).filter((secret) => secret.isSet).map((secret) => secret.id))
    return this.deps.repo.all().map((row) => this.describe(row, stored.has(connectionCredentialId(row.id))))
  }

  private describe(row: ConnectionRow, credentialStored: boolean): Connection {
    const okta = row.kind === 'okta' ? oktaSettingsOf(row) : null
    const entra = row.kind === 'entra' ? entraSettingsOf(row) : null
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      haloInstanceId: row.haloInstanceId,
      haloInstanceName: row.haloInstanceName,
      okta: okta && {
        orgUrl: okta.orgUrl,
        authMode: okta.authMode,
        clientId: okta.clientId,
        keyId: okta.keyId,
        credentialSet: credentialStored && okta.credentialMode === okta.authMode,
        warnings: checkOktaAddress(okta.orgUrl).warnings
      },
      entra: entra && { ...entra, secretSet: credentialStored, deltaReady: entra.delta && this.deps.snapshots.hasDeltaLinks(row.id) },
      lastTest: row.lastTest ? (JSON.parse(row.lastTest) as Checklist) : null,
      snapshot: this.deps.snapshots.current(row.id)
    }
  }

  async saveOkta(form: OktaConnectionForm): Promise<Connection> {
    const existing = form.id ? oktaSettingsOf(this.deps.repo.get(form.id)) : null
    const stored = existing !== null && existing.credentialMode === form.authMode && (await this.deps.vault.reveal(connectionCredentialId(form.id ?? ''))) !== null
    const issues = oktaConnectionFormIssues(form, stored)
    if (issues.length > 0) {
      throw new StudioError('VALIDATION_FAILED', issues.length === 1 ? (issues[0]?.message ?? '') : 'Some fields need attention before this connection can be saved.', { issues })
    }
    const credential = form.authMode === 'api_token' ? form.apiToken : form.privateKey
    const settings: OktaSettings = {
      orgUrl: checkOktaAddress(form.orgUrl).orgUrl ?? form.orgUrl,
      authMode: form.authMode,
      clientId: form.authMode === 'service_app' ? form.clientId : null,
      keyId: form.authMode === 'service_app' ? form.keyId : null,
      credentialMode: credential ? form.authMode : (existing?.credentialMode ?? null)
    }
    const label = `${form.name}: Okta ${form.authMode === 'api_token' ? 'API token' : 'service app private key'}`
    if (credential && form.id) await this.deps.vault.put({ id: connectionCredentialId(form.id), label, value: credential })
    const row = this.deps.repo.save({ id: form.id, kind: 'okta', name: form.name, haloInstanceId: form.haloInstanceId, settings })
    if (credential && !form.id) {
      try {
        await this.deps.vault.put({ id: connectionCredentialId(row.id), label, value: credential })
      } catch (error) {
        // The keychain refused the credential: nothing is kept.
        this.deps.repo.delete(row.id)
        throw error
      }
    }
    return this.describe(row, settings.credentialMode !== null)
  }

  async saveEntra(form: EntraConnectionForm): Promise<Connection> {
    const existing = form.id ? entraSettingsOf(this.deps.repo.get(form.id)) : null
    const stored = existing !== null && (await this.deps.vault.reveal(connectionCredentialId(form.id ?? ''))) !== null
    const settings = entraSettingsFrom(form, existing, stored)
    const label = `${form.name}: Entra ID client secret`
    const put = (id: string, value: string): Promise<unknown> => this.deps.vault.put({ id: connectionCredentialId(id), label, value, expiresAt: settings.secretExpiresAt })
    if (form.clientSecret && form.id) await put(form.id, form.clientSecret)
    // Another tenant, app or sign-in: the admin's authorization no longer applies.
    if (existing && form.id && authorizationChanged(existing, settings)) await this.deps.vault.remove(entraTokenCacheId(form.id))
    const row = this.deps.repo.save({ id: form.id, kind: 'entra', name: form.name, haloInstanceId: form.haloInstanceId, settings })
    if (form.clientSecret && !form.id) {
      try {
        await put(row.id, form.clientSecret)
      } catch (error) {
        // The keychain refused the secret: nothing is kept.
        this.deps.repo.delete(row.id)
        throw error
      }
    }
    // Turning delta off, or reading another tenant or Graph host, forgets where the last read stopped; the next fetch reads everything.
    if (!settings.delta || (existing && (existing.tenantId !== settings.tenantId || existing.graphHost !== settings.graphHost))) this.deps.snapshots.setDeltaLinks(row.id, null)
    return this.describe(row, stored || form.clientSecret !== null)
  }

  async delete(id: string): Promise<void> {
    this.deps.repo.get(id)
    this.fetches.get(id)?.abort()
    this.deps.repo.delete(id)
    await this.deps.vault.remove(connectionCredentialId(id))
    await this.deps.vault.remove(entraTokenCacheId(id))
  }

  /**
   * "Authorize" a delegated Entra connection: the admin signs in in the system browser; MSAL's token
   * cache (their refresh token) goes to the keychain, and who authorized is kept on the connection.
   */
  async authorizeEntra(id: string): Promise<Connection> {
    const row = this.deps.repo.get(id)
    const settings = entraSettingsOf(row)
    if (settings.signIn !== 'delegated') throw new StudioError('VALIDATION_FAILED', `${row.name} reads Entra with the app's own permissions: there is no one to authorize. Use "Test connection".`)
    const signIn = this.deps.browserSignIn
    if (!signIn) throw new StudioError('VALIDATION_FAILED', 'Authorize from the app: the command line opens no browser.')
    // MSAL writes the new authorization to memory first: a cancelled or failed sign-in keeps the last one.
    const memory: { text: string | null } = { text: null }
    const { username } = await authorizeEntra({
      credentials: entraCredentials(settings, await this.entraSecret(row)),
      scopes: delegatedScopes({ ...this.entraFeatures(id), devices: settings.devices }, settings.graphHost),
      store: {
        load: () => Promise.resolve(memory.text),
        save: (serialized) => {
          memory.text = serialized
          return Promise.resolve()
        }
      },
      loopback: signIn.loopback,
      openBrowser: signIn.open,
      service: `Entra ID (${row.name})`
    })
    const fresh = memory.text
    if (fresh === null) throw new StudioError('SIGN_IN_FAILED', `Entra signed ${username} in but gave no tokens to keep. Authorize again.`)
    // It replaces the last one, whoever gave it; read back, so an authorization the keychain did not keep is said now, not at the next fetch.
    const cache = this.tokenCache(row)
    await cache.save(fresh)
    if ((await cache.load()) !== fresh) throw new StudioError('KEYCHAIN_UNAVAILABLE', `${row.name} was authorized, but the keychain did not keep the authorization. Check that your keychain is unlocked, then Authorize again.`)
    const saved = this.deps.repo.save({ id, kind: 'entra', name: row.name, haloInstanceId: row.haloInstanceId, settings: { ...settings, authorizedAs: username, authorizedAt: this.now().toISOString() } })
    return this.describe(saved, true)
  }

  /** Stops an "Authorize" waiting in the browser; the waiting call fails with CANCELLED. */
  cancelAuthorize(): boolean {
    const waiting = this.deps.browserSignIn?.loopback.inProgress ?? false
    this.deps.browserSignIn?.loopback.cancel()
    return waiting
  }

  testOkta(id: string): Promise<Checklist> {
    return fixedOnDetailsTab(id, async () => {
      const row = this.deps.repo.get(id)
      // A test answers at once: a rate-limited answer is reported, not waited out.
      const { settings, executor, client } = await this.oktaClient(row, { maxRetries: 0 })
      const check = await checkOktaCredentials({ client, executor, orgUrl: settings.orgUrl, authMode: settings.authMode, now: this.now })
      this.deps.repo.recordTest(id, check)
      return check
    })
  }

  /** "Test connection" for Entra: sign-in, permissions, people, the secret's expiry (kept when Graph told it). */
  testEntra(id: string): Promise<Checklist> {
    return fixedOnDetailsTab(id, async () => {
      const row = this.deps.repo.get(id)
      const settings = entraSettingsOf(row)
      const { check, secretExpiresAt } = await testEntraConnection(settings, await this.entraAccess(row), this.now)
      if (secretExpiresAt) this.deps.repo.save({ id, kind: 'entra', name: row.name, haloInstanceId: row.haloInstanceId, settings: { ...settings, secretExpiresAt, secretExpirySource: 'graph' } })
      this.deps.repo.recordTest(id, check)
      return check
    })
  }

  private entraFeatures(id: string): LicenceFeatures {
    return this.deps.entraFeatures?.(id) ?? noLicenceFeatures
  }

  /** The keychain entry holding a delegated connection's MSAL token cache. */
  private tokenCache(row: ConnectionRow): TokenCacheStore {
    const id = entraTokenCacheId(row.id)
    return {
      load: () => this.deps.vault.reveal(id),
      save: async (serialized) => {
        await this.deps.vault.put({ id, label: `${row.name}: Entra ID authorization`, value: serialized })
      }
    }
  }

  /** Licences as the connection's mappings use them; devices as its settings say. */
  private async entraAccess(row: ConnectionRow): Promise<EntraAccess> {
    return { secret: await this.entraSecret(row), cache: this.tokenCache(row), features: { ...this.entraFeatures(row.id), devices: entraSettingsOf(row).devices } }
  }

  private async entraSecret(row: ConnectionRow): Promise<string> {
    const credential = connectionCredentialId(row.id)
    const secret = this.deps.vault.given(credential) ?? (await this.deps.vault.reveal(credential))
    if (!secret) throw new StudioError('SIGN_IN_REQUIRED', `No client secret is stored for ${row.name}. Enter it on the Details tab.`, { reason: 'no_credential' })
    return secret
  }

  /** Reads the whole directory into a new snapshot; progress goes out as task:progress `fetch:<id>`. */
  async fetch(id: string): Promise<SnapshotSummary> {
    const row = this.deps.repo.get(id)
    if (this.fetches.has(id)) throw new StudioError('BUSY', `${row.name} is already being fetched. Wait for it to finish, or cancel it.`)
    const controller = new AbortController()
    this.fetches.set(id, controller)
    try {
      return await fixedOnDetailsTab(id, () => (row.kind === 'entra' ? this.fetchEntra(row, controller.signal) : this.fetchOkta(row, controller.signal)))
    } finally {
      this.fetches.delete(id)
    }
  }

  private async fetchOkta(row: ConnectionRow, signal: AbortSignal): Promise<SnapshotSummary> {
    const writer = this.deps.snapshots.begin(row.id)
    const started = Date.now()
    try {
      const { settings, executor, client } = await this.oktaClient(row, { signal })
      const figures = await fetchOktaSnapshot({
        client,
        executor,
        writer,
        assignmentApps: this.deps.assignmentApps?.(row.id) ?? [],
        onProgress: (progress) => this.deps.events.emit('task:progress', { taskId: `fetch:${row.id}`, ...describeProgress(progress, Date.now() - started) })
      }).catch((error: unknown) => {
        throw oktaError(error, { orgUrl: settings.orgUrl, what: 'the directory', tokenError: executor.lastTokenError })
      })
      return writer.commit(figures)
    } catch (error) {
      writer.abort()
      throw error
    }
  }

  private async fetchEntra(row: ConnectionRow, signal: AbortSignal): Promise<SnapshotSummary> {
    return fetchEntraDirectory({
      connectionId: row.id,
      settings: entraSettingsOf(row),
      access: await this.entraAccess(row),
      snapshots: this.deps.snapshots,
      signal,
      onProgress: (progress) => this.deps.events.emit('task:progress', { taskId: `fetch:${row.id}`, ...describeEntraProgress(progress) })
    })
  }

  /**
   * "Reset delta": `clear` forgets where the last read stopped (the next fetch reads everything);
   * `latest` starts from now (the next fetch reads only changes made after this).
   */
  async resetDelta(id: string, to: 'clear' | 'latest'): Promise<Connection> {
    const row = this.deps.repo.get(id)
    const settings = entraSettingsOf(row)
    if (to === 'clear') this.deps.snapshots.setDeltaLinks(id, null)
    else {
      if (!this.deps.snapshots.current(id)) throw new StudioError('VALIDATION_FAILED', `Fetch ${row.name}'s directory once first: the changes after now are merged into that snapshot.`)
      this.deps.snapshots.setDeltaLinks(id, await latestDeltaLinks(settings, await this.entraAccess(row)))
    }
    return (await this.list()).find((each) => each.id === id) as Connection
  }

  cancelFetch(id: string): boolean {
    const controller = this.fetches.get(id)
    controller?.abort()
    return controller !== undefined
  }

  /** The connection's whole snapshot (for an export), or null before the first fetch. */
  snapshotData(id: string): ReturnType<SnapshotStore['load']> {
    return this.deps.snapshots.load(id)
  }

  snapshotPeople(...args: Parameters<SnapshotStore['people']>): ReturnType<SnapshotStore['people']> {
    this.deps.repo.get(args[0])
    return this.deps.snapshots.people(...args)
  }

  snapshotGroups(...args: Parameters<SnapshotStore['groups']>): ReturnType<SnapshotStore['groups']> {
    this.deps.repo.get(args[0])
    return this.deps.snapshots.groups(...args)
  }

  /** An Entra connection's client secret from the keychain, or null when none is stored (single sign-on's code exchange). */
  async entraClientSecret(id: string): Promise<string | null> {
    const row = this.deps.repo.get(id)
    return row.kind === 'entra' ? this.entraSecret(row).catch(() => null) : null
  }

  /** Licence assignments in the connection's Entra tenant, for syncs where Halo manages licences. */
  entraLicenceWriter(id: string): DirectoryLicenceWriter {
    return {
      assign: async (personId, add, remove, names) => {
        const row = this.deps.repo.get(id)
        await assignEntraLicences(entraSettingsOf(row), await this.entraAccess(row), personId, add, remove, names)
      }
    }
  }

  snapshotDevices(...args: Parameters<SnapshotStore['devices']>): ReturnType<SnapshotStore['devices']> {
    this.deps.repo.get(args[0])
    return this.deps.snapshots.devices(...args)
  }

  private async oktaClient(row: ConnectionRow, pacing: { signal?: AbortSignal; maxRetries?: number } = {}): Promise<{ settings: OktaSettings; executor: PacedExecutor; client: ReturnType<typeof createOktaClient> }> {
    const settings = oktaSettingsOf(row)
    const id = connectionCredentialId(row.id)
    const secret = this.deps.vault.given(id) ?? (settings.credentialMode === settings.authMode ? await this.deps.vault.reveal(id) : null)
    if (!secret) {
      throw new StudioError('SIGN_IN_REQUIRED', `No ${settings.authMode === 'api_token' ? 'API token' : 'private key'} is stored for ${row.name}. Enter it on the Details tab.`, { reason: 'no_credential' })
    }
    const credentials: OktaCredentials =
      settings.authMode === 'api_token' ? { kind: 'api_token', token: secret } : { kind: 'service_app', clientId: settings.clientId ?? '', privateKey: secret, keyId: settings.keyId }
    const executor = new PacedExecutor({ ...pacing, timeScale: this.deps.oktaTimeScale ?? 1 })
    return { settings, executor, client: createOktaClient(settings.orgUrl, credentials, executor) }
  }
}

/**
 * Runs a test or fetch of connection `id`; what its Details tab fixes — credentials refused, expired
 * or missing (Okta's token or service app, Entra's secret or authorization), an address that cannot
 * be reached — fails saying so (details.fix).
 */
async function fixedOnDetailsTab<T>(id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof StudioError)) throw error
    const reason = (error.details as { reason?: unknown } | undefined)?.reason
    const fixed = error.code === 'SIGN_IN_REQUIRED' || error.code === 'SIGN_IN_FAILED' || (error.code === 'UNREACHABLE' && reason !== 'reset')
    throw fixed ? withFix(error, { area: 'connection', id, tab: 'details' }) : error
  }
}

/** A progress event an admin can read: what is being read, how far, and roughly how long is left. */
export function describeProgress(progress: SnapshotProgress, elapsedMs: number): { label: string; done: number; total: number | null; etaMs: number | null } {
  const groupsLeft = progress.groups === null ? null : progress.groups - progress.groupsDone
  const total = progress.peopleEstimate !== null && progress.groups !== null ? progress.peopleEstimate + progress.groups : null
  const done = progress.people + progress.groupsDone
  const label =
    progress.phase === 'groups'
      ? 'Reading groups…'
      : progress.phase === 'apps'
        ? 'Reading apps…'
        : `Reading people (${progress.people.toLocaleString('en-GB')}${progress.peopleEstimate === null ? '' : ` of ${progress.peopleEstimate.toLocaleString('en-GB')}`}) and group members (${groupsLeft === null ? '…' : `${groupsLeft.toLocaleString('en-GB')} groups left`})`
  const fraction = total ? Math.min(1, done / total) : 0
  const etaMs = total && fraction > 0.05 ? Math.round((elapsedMs / fraction) * (1 - fraction)) : null
  return { label, done: Math.min(done, total ?? done), total, etaMs }
}
