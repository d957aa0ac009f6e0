/**
 * A connection's single sign-on (the SSO tab): its settings, validated and kept; the checks before
 * anything reaches Halo (issuer and discovery, the client ID known to the provider); a test sign-in
 * whose result is kept for the settings it was made with, with whether the person who signed in is
 * a Halo user and/or agent (by email, user name or object id, as Halo matches); and Apply, which
 * shows Halo's fields before and after and writes only those that change — refused unless a test
 * passed for the same settings, or the admin overrides (recorded). Automatic redirect is never
 * applied without a passing test: it would lock people out of Halo's own login.
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { oktaSsoIssuer, oktaSsoRedirectUris, ssoSettingsIssues, ssoSettingsSchema, StudioError, type Checklist, type ChecklistItem, type SsoSettings, type SsoState } from '../../src-shared/contract'
import { entraRedirectUris } from '../../src-shared/entra-setup'
import type { LoopbackSignIn } from '../auth/loopback-flow'
import { entraSettingsOf, oktaSettingsOf, type ConnectionRepo, type ConnectionRow } from '../connections/connection-repo'
import type { HaloPersonRecord } from '../core/halo-state'
import type { HaloInstances } from '../halo/halo-instances'
import type { LookupCache } from '../halo/lookup-cache'
import type { StudioDb } from '../store/database'
import { ssoSettingTable } from '../store/schema'
import { entraConnectionFields, entraControlFields, oktaControlFields, ssoChanges, type SsoFieldChange } from './halo-sso-fields'
import type { SignedInClaims } from './id-token'
import { discover, oktaIssuerProblem, type Discovery } from './oidc-discovery'
import { probeClient, testSignIn } from './test-sign-in'

export interface SsoTest {
  settingsHash: string
  at: string
  ok: boolean
  message: string
  claims: SignedInClaims | null
  /** The Halo user and agent the person would land on, matched as Halo does (null when none). */
  halo: { userId: number | string | null; agentId: number | string | null }
}

export interface SsoApply {
  at: string
  settingsHash: string
  /** The admin applied without a passing test for these settings. */
  override: boolean
  changes: SsoFieldChange[]
}

export interface SsoServiceDeps {
  db: StudioDb
  connections: ConnectionRepo
  halo: HaloInstances
  lookups: LookupCache
  loopback: LoopbackSignIn
  openBrowser(url: string): Promise<void>
  /** The Halo instance's address (its agent web app). */
  haloUrl(instanceId: string): string
  /** An Entra connection's client secret, for the code exchange when the SSO app is the import app. */
  entraSecret(connectionId: string): Promise<string | null>
  now?: () => Date
}

/** Where the test sign-in returns to (register http://localhost/callback on the app). */
const testCallbackPath = '/callback'

const hashOf = (settings: SsoSettings): string => createHash('sha256').update(JSON.stringify(settings)).digest('hex')

export class SsoService {
  private readonly now: () => Date

  constructor(private readonly deps: SsoServiceDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  state(connectionId: string): SsoState {
    const row = this.deps.connections.get(connectionId)
    const stored = this.deps.db.select().from(ssoSettingTable).where(eq(ssoSettingTable.connectionId, connectionId)).get()
    const settings = stored ? ssoSettingsSchema.parse(JSON.parse(stored.settings)) : defaults(row)
    const lastTest = stored?.lastTest ? (JSON.parse(stored.lastTest) as SsoTest) : null
    const lastCheck = stored?.lastCheck ? (JSON.parse(stored.lastCheck) as Checklist & { settingsHash: string }) : null
    return {
      settings,
      haloConnectionId: stored?.haloConnectionId ?? null,
      lastCheck: lastCheck?.settingsHash === hashOf(settings) ? { checkedAt: lastCheck.checkedAt, ok: lastCheck.ok, items: lastCheck.items } : null,
      lastTest,
      lastApply: stored?.lastApply ? (JSON.parse(stored.lastApply) as SsoApply) : null,
      tested: lastTest?.ok === true && lastTest.settingsHash === hashOf(settings),
      saved: stored !== undefined,
      issuer: this.target(row, settings).issuer,
      redirectUris: this.redirectUris(row)
    }
  }

  /** Stops a test sign-in waiting in the browser. */
  cancelTest(): boolean {
    const waiting = this.deps.loopback.inProgress
    this.deps.loopback.cancel()
    return waiting
  }

  /** The Halo instance's Entra connections, for choosing where Entra settings go. */
  async haloEntraConnections(connectionId: string): Promise<Array<{ id: number; name: string }>> {
    const row = this.deps.connections.get(connectionId)
    const listed = await this.deps.halo.client(row.haloInstanceId).request('GET', 'azureadconnection')
    return (Array.isArray(listed) ? (listed as Array<Record<string, unknown>>) : []).flatMap((each) => (typeof each.id === 'number' ? [{ id: each.id, name: typeof each.name === 'string' && each.name !== '' ? each.name : `Connection ${each.id}` }] : []))
  }

  save(connectionId: string, input: SsoSettings, haloConnectionId: number | null = null): SsoState {
    const row = this.deps.connections.get(connectionId)
    const settings = ssoSettingsSchema.parse(input)
    if (settings.kind !== row.kind) throw new StudioError('VALIDATION_FAILED', `${row.name} is ${row.kind === 'okta' ? 'an Okta' : 'an Entra ID'} connection: its single sign-on settings are ${row.kind === 'okta' ? 'Okta' : 'Entra ID'} ones.`)
    const issues = ssoSettingsIssues(settings)
    if (issues.length > 0) throw new StudioError('VALIDATION_FAILED', issues.length === 1 ? (issues[0]?.message ?? '') : 'Some single sign-on settings need attention before they can be saved.', { issues })
    const values = { connectionId, settings: JSON.stringify(settings), haloConnectionId, updatedAt: this.now().toISOString() }
    this.deps.db.insert(ssoSettingTable).values(values).onConflictDoUpdate({ target: ssoSettingTable.connectionId, set: values }).run()
    return this.state(connectionId)
  }

  /** The checks before a test sign-in: the issuer and its discovery document, and the client ID known to the provider; kept for these settings. */
  async check(connectionId: string): Promise<Checklist> {
    const { row, settings } = this.loaded(connectionId)
    const items: ChecklistItem[] = []
    const item = (key: string, label: string, ok: boolean, message: string): void => void items.push({ key, label, ok, message, count: null })
    const target = this.target(row, settings)
    const problem = settings.kind === 'okta' ? oktaIssuerProblem(target.issuer, settings.server) : null
    if (problem) item('issuer', 'Issuer', false, problem)
    else {
      try {
        const discovery = await discover(target.issuer, { service: target.service, ...(target.issuerTemplate ? { tenantIssuer: target.issuerTemplate } : {}) })
        item('discovery', 'Sign-in configuration', true, `${target.service} publishes its sign-in configuration for ${discovery.issuer}, and names the same issuer.`)
        await probeClient({ discovery, clientId: target.clientId, service: target.service }, `http://localhost${testCallbackPath}`)
        item('client', 'Client ID', true, `${target.service} knows the app ${target.clientId}.`)
      } catch (error) {
        item(items.length === 0 ? 'discovery' : 'client', items.length === 0 ? 'Sign-in configuration' : 'Client ID', false, error instanceof Error ? error.message : String(error))
      }
    }
    const checked: Checklist = { checkedAt: this.now().toISOString(), ok: items.every((each) => each.ok), items }
    this.deps.db.update(ssoSettingTable).set({ lastCheck: JSON.stringify({ ...checked, settingsHash: hashOf(settings) }) }).where(eq(ssoSettingTable.connectionId, connectionId)).run()
    return checked
  }

  /** A real sign-in in the browser; its result is kept for these settings. */
  async test(connectionId: string): Promise<SsoTest> {
    const { row, settings } = this.loaded(connectionId)
    const target = this.target(row, settings)
    const at = this.now().toISOString()
    let result: SsoTest
    try {
      const discovery: Discovery = await discover(target.issuer, { service: target.service, ...(target.issuerTemplate ? { tenantIssuer: target.issuerTemplate } : {}) })
      const secret = settings.kind === 'entra' && settings.applicationId.toLowerCase() === entraSettingsOf(row).clientId ? await this.deps.entraSecret(connectionId) : null
      const claims = await testSignIn({
        loopback: this.deps.loopback,
        openBrowser: (url) => this.deps.openBrowser(url),
        service: target.service,
        discovery,
        clientId: target.clientId,
        clientSecret: secret,
        ...(settings.kind === 'entra' && target.issuerTemplate ? { tenants: { issuerTemplate: target.issuerTemplate, allowed: settings.allowedTenants } } : {})
      })
      const halo = this.haloMatch(row, claims)
      const who = claims.userName ?? claims.email ?? claims.subject
      const lands = halo.userId !== null || halo.agentId !== null ? `Halo knows them as ${[halo.agentId !== null ? `agent #${halo.agentId}` : '', halo.userId !== null ? `user #${halo.userId}` : ''].filter(Boolean).join(' and ')}.` : 'Halo has no user or agent with their email or user name yet: their first sign-in would fail until they are imported.'
      result = { settingsHash: hashOf(settings), at, ok: true, message: `${who} signed in; the ID token checks out. ${lands}`, claims, halo }
    } catch (error) {
      // A cancelled test says nothing about the settings: the last result stays.
      if (error instanceof StudioError && error.code === 'CANCELLED') throw error
      result = { settingsHash: hashOf(settings), at, ok: false, message: error instanceof Error ? error.message : String(error), claims: null, halo: { userId: null, agentId: null } }
    }
    this.deps.db.update(ssoSettingTable).set({ lastTest: JSON.stringify(result) }).where(eq(ssoSettingTable.connectionId, connectionId)).run()
    return result
  }

  /** What Apply would write: Halo's fields now and after. */
  async preview(connectionId: string): Promise<SsoFieldChange[]> {
    return (await this.plan(connectionId)).flatMap((part) => part.changes)
  }

  /** Writes the changed fields to Halo; refused without a passing test for these settings unless `override`. */
  async apply(connectionId: string, options: { override: boolean }): Promise<SsoApply> {
    const state = this.state(connectionId)
    const autoRedirect = state.settings.autoRedirect
    if (!state.tested && autoRedirect) throw new StudioError('VALIDATION_FAILED', 'Automatic redirect sends everyone straight to the identity provider, without Halo’s own login: it is applied only after a test sign-in passed for these settings. Run "Test sign-in" first.')
    if (!state.tested && !options.override) throw new StudioError('VALIDATION_FAILED', 'No test sign-in passed for these settings: run "Test sign-in" first, or apply anyway (recorded).')
    const client = this.deps.halo.client(this.deps.connections.get(connectionId).haloInstanceId)
    const parts = await this.plan(connectionId)
    for (const part of parts) if (Object.keys(part.write).length > 0) await client.request('POST', part.path, { body: [{ ...part.id, ...part.write }] })
    const applied: SsoApply = { at: this.now().toISOString(), settingsHash: hashOf(state.settings), override: !state.tested, changes: parts.flatMap((part) => part.changes) }
    this.deps.db.update(ssoSettingTable).set({ lastApply: JSON.stringify(applied) }).where(eq(ssoSettingTable.connectionId, connectionId)).run()
    return applied
  }

  private loaded(connectionId: string): { row: ConnectionRow; settings: SsoSettings } {
    const row = this.deps.connections.get(connectionId)
    const stored = this.deps.db.select({ settings: ssoSettingTable.settings }).from(ssoSettingTable).where(eq(ssoSettingTable.connectionId, connectionId)).get()
    if (!stored) throw new StudioError('NOT_FOUND', `${row.name} has no single sign-on settings yet: fill in the SSO tab and save.`)
    return { row, settings: ssoSettingsSchema.parse(JSON.parse(stored.settings)) }
  }

  /** The redirect URIs to register on the provider's app: Halo's, and this app's test sign-in. */
  private redirectUris(row: ConnectionRow): SsoState['redirectUris'] {
    const halo = this.deps.haloUrl(row.haloInstanceId)
    const test = { purpose: 'Identity Studio test sign-in', uri: `http://localhost${testCallbackPath}` }
    if (row.kind === 'okta') {
      const { signIn, signOut } = oktaSsoRedirectUris(halo)
      return [{ purpose: 'Sign-in redirect URI', uri: signIn }, { purpose: 'Sign-out redirect URI', uri: signOut }, test]
    }
    return [...entraRedirectUris(halo).filter((uri) => uri.purpose.endsWith('single sign-on')).map((uri) => ({ purpose: uri.purpose, uri: uri.uri })), test]
  }

  /** Who signs in where: the issuer (and its multi-tenant form) and the client ID. */
  private target(row: ConnectionRow, settings: SsoSettings): { service: string; issuer: string; issuerTemplate: string; clientId: string } {
    if (settings.kind === 'okta') return { service: 'Okta', issuer: oktaSsoIssuer(oktaSettingsOf(row).orgUrl, settings.server), issuerTemplate: '', clientId: settings.clientId }
    const entra = entraSettingsOf(row)
    const authority = entra.authorityHost.replace(/\/+$/, '')
    // Multi-tenant: people of every allowed tenant sign in at the organizations endpoints, each token naming its own tenant.
    const multi = settings.tenantType === 'multi'
    return { service: 'Microsoft Entra ID', issuer: `${authority}/${multi ? 'organizations' : entra.tenantId}/v2.0`, issuerTemplate: multi ? `${authority}/{tenantid}/v2.0` : '', clientId: settings.applicationId.toLowerCase() }
  }

  /** Halo's records read for this person: Entra by object id first, then email and user name (Halo's SSO matching). */
  private haloMatch(row: ConnectionRow, claims: SignedInClaims): SsoTest['halo'] {
    const keys = [claims.email, claims.userName].filter((key): key is string => key !== null).map((key) => key.toLowerCase())
    const find = (records: HaloPersonRecord[] | undefined, emailField: string): number | string | null => {
      const hit = (records ?? []).find((record) => (claims.objectId !== null && record.fields.azureoid?.toLowerCase() === claims.objectId.toLowerCase()) || keys.includes((record.fields[emailField] ?? '').toLowerCase()) || keys.includes((record.fields.login ?? '').toLowerCase()))
      return hit?.id ?? null
    }
    return { userId: find(this.deps.lookups.people(row.haloInstanceId, 'users')?.records, 'emailaddress'), agentId: find(this.deps.lookups.people(row.haloInstanceId, 'agents')?.records, 'email') }
  }

  /** Each Halo record the settings go to: where it is posted, its id, what differs. */
  private async plan(connectionId: string): Promise<Array<{ path: string; id: Record<string, unknown>; changes: SsoFieldChange[]; write: Record<string, unknown> }>> {
    const { row, settings } = this.loaded(connectionId)
    const client = this.deps.halo.client(row.haloInstanceId)
    const control = (await client.request('GET', 'Control')) as Record<string, unknown>
    if (settings.kind === 'okta') return [{ path: 'Control', id: {}, ...ssoChanges('Control', control, oktaControlFields(settings, this.target(row, settings).issuer)) }]
    const haloConnectionId = this.state(connectionId).haloConnectionId
    if (haloConnectionId === null) throw new StudioError('VALIDATION_FAILED', 'Choose the Halo Entra connection these settings go to (Configuration › Integrations › Microsoft Entra ID in Halo).')
    const connection = (await client.request('GET', `azureadconnection/${haloConnectionId}`, { query: { includedetails: true, includetenants: true } })) as Record<string, unknown> & { name?: unknown }
    const name = typeof connection.name === 'string' ? connection.name : `#${haloConnectionId}`
    return [
      { path: 'azureadconnection', id: { id: haloConnectionId }, ...ssoChanges(`Entra connection ${name}`, connection, entraConnectionFields(settings)) },
      { path: 'Control', id: {}, ...ssoChanges('Control', control, entraControlFields(settings)) }
    ]
  }
}

/** A new connection's settings: off, for agents and users, no automatic redirect; Entra's app and tenant type from the connection. */
function defaults(row: ConnectionRow): SsoSettings {
  if (row.kind === 'okta') return { kind: 'okta', enabled: false, clientId: '', server: { kind: 'org' }, audience: 'both', autoRedirect: false }
  const entra = entraSettingsOf(row)
  return { kind: 'entra', published: false, tenantType: entra.tenantType, allowedTenants: entra.tenantType === 'multi' ? [entra.tenantId] : [], applicationId: entra.clientId, audience: 'both', autoRedirect: false }
}
