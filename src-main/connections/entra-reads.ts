/**
 * An Entra connection's reads, for Connections: its settings from the form (validated; the secret's
 * expiry as entered), the token source and Graph client for its hosts and secret, and "Fetch
 * directory" — only the changes since the last fetch when delta is on and a deltaLink is stored,
 * else everything; an expired delta token falls back to a full read, said in the snapshot's note.
 * "Reset delta" to latest: deltaLinks from now, so the next fetch reads only changes made after it.
 * "Test connection": sign-in, each permission the features need, people readable, the secret's expiry.
 * The Graph token is the app's own (client credentials) or, for delegated sign-in, the authorized
 * admin's, refreshed from the token cache the keychain keeps.
 */
import { entraConnectionFormIssues, StudioError, type Checklist, type ChecklistItem, type EntraConnectionForm, type SnapshotSummary } from '../../src-shared/contract'
import { expiryDay, secretExpiryState } from '../../src-shared/entra-setup'
import { checkEntraConnection, type EntraFeatures } from '../connectors/entra/entra-check'
import { fetchEntraChanges, fetchEntraSnapshot, groupsDeltaPath, isDeltaExpired, usersDeltaPath, type EntraSnapshotProgress } from '../connectors/entra/entra-snapshot'
import { delegatedScopes, delegatedTokens, type TokenCacheStore } from '../connectors/entra/entra-delegated'
import { clientCredentialTokens, type EntraClientCredentials, type EntraTokenSource } from '../connectors/entra/entra-tokens'
import { GraphClient } from '../connectors/entra/graph-client'
import type { DeltaLinks, SnapshotStore } from '../directory/snapshot-store'
import type { EntraSettings } from './connection-repo'

/** The settings a valid form saves; throws VALIDATION_FAILED with located issues otherwise. */
export function entraSettingsFrom(form: EntraConnectionForm, existing: EntraSettings | null, secretStored: boolean): EntraSettings {
  const issues = entraConnectionFormIssues(form, secretStored)
  if (issues.length > 0) throw new StudioError('VALIDATION_FAILED', issues.length === 1 ? (issues[0]?.message ?? '') : 'Some fields need attention before this connection can be saved.', { issues })
  const entered = form.secretExpiresOn ? `${form.secretExpiresOn}T00:00:00.000Z` : null
  // A new secret forgets what Graph said of the old one; an expiry entered by the admin wins.
  const known = form.clientSecret ? null : existing?.secretExpirySource === 'graph' ? existing.secretExpiresAt : null
  const settings = {
    tenantType: form.tenantType,
    signIn: form.signIn,
    tenantId: form.tenantId.toLowerCase(),
    clientId: form.clientId.toLowerCase(),
    authorityHost: new URL(form.authorityHost).origin,
    graphHost: new URL(form.graphHost).origin,
    delta: form.delta,
    devices: form.devices,
    secretExpiresAt: entered ?? known,
    secretExpirySource: entered ? ('entered' as const) : known ? ('graph' as const) : null
  }
  // An authorization holds only for the same sign-in, tenant, app and login host.
  const kept = existing !== null && existing.signIn === 'delegated' && !authorizationChanged(existing, settings)
  return { ...settings, authorizedAs: kept ? existing.authorizedAs : null, authorizedAt: kept ? existing.authorizedAt : null }
}

/** Whether an earlier "Authorize" no longer applies to these settings (its token cache must go). */
export function authorizationChanged(before: Pick<EntraSettings, 'signIn' | 'tenantId' | 'clientId' | 'authorityHost'>, after: Pick<EntraSettings, 'signIn' | 'tenantId' | 'clientId' | 'authorityHost'>): boolean {
  return before.signIn !== after.signIn || before.tenantId !== after.tenantId || before.clientId !== after.clientId || before.authorityHost !== after.authorityHost
}

/** What an Entra connection reads Graph with: its client secret, the keychain's token cache (delegated) and the features its mappings use. */
export interface EntraAccess {
  secret: string
  cache: TokenCacheStore
  features: EntraFeatures
}

export function entraCredentials(settings: EntraSettings, secret: string): EntraClientCredentials {
  return { tenantId: settings.tenantId, clientId: settings.clientId, clientSecret: secret, authorityHost: settings.authorityHost, graphHost: settings.graphHost, secretExpiresAt: settings.secretExpiresAt }
}

export function entraClients(settings: EntraSettings, access: EntraAccess, signal?: AbortSignal): { tokens: EntraTokenSource; graph: GraphClient } {
  const credentials = entraCredentials(settings, access.secret)
  const tokens = settings.signIn === 'delegated' ? delegatedTokens(credentials, delegatedScopes(access.features, settings.graphHost), access.cache) : clientCredentialTokens(credentials)
  return { tokens, graph: new GraphClient(tokens, settings.graphHost, signal ? { signal } : {}) }
}

export function describeEntraProgress(progress: EntraSnapshotProgress): { label: string; done: number; total: number | null; etaMs: number | null } {
  const labels: Record<EntraSnapshotProgress['phase'], string> = {
    people: `Reading people (${progress.people.toLocaleString('en-GB')})…`,
    groups: `Reading groups and their members (${progress.groups.toLocaleString('en-GB')})…`,
    licences: "Reading the tenant's licences…",
    devices: `Reading Intune devices (${progress.devices.toLocaleString('en-GB')})…`,
    writing: 'Writing the snapshot…'
  }
  const label = labels[progress.phase]
  return { label, done: progress.people + progress.groups, total: null, etaMs: null }
}

/** Reads the directory into a new snapshot of the connection, and makes it current. */
export async function fetchEntraDirectory(options: { connectionId: string; settings: EntraSettings; access: EntraAccess; snapshots: SnapshotStore; signal: AbortSignal; onProgress: (progress: EntraSnapshotProgress) => void }): Promise<SnapshotSummary> {
  const { connectionId, settings, snapshots } = options
  const { graph } = entraClients(settings, options.access, options.signal)
  const state = settings.delta ? snapshots.deltaState(connectionId) : null
  const previous = state ? snapshots.load(connectionId) : null
  let note: string | null = null
  if (state && previous) {
    const writer = snapshots.begin(connectionId)
    try {
      const result = await fetchEntraChanges({ graph, writer, previous: previous.data, state, features: options.access.features, onProgress: options.onProgress })
      return writer.commit({ ...result.summary, mode: 'delta', note: null }, result.deltaLinks)
    } catch (error) {
      writer.abort()
      if (!isDeltaExpired(error)) throw error
      note = (error as Error).message
    }
  }
  const writer = snapshots.begin(connectionId)
  try {
    const result = await fetchEntraSnapshot({ graph, writer, features: options.access.features, onProgress: options.onProgress })
    return writer.commit({ ...result.summary, mode: 'full', note }, settings.delta ? result.deltaLinks : null)
  } catch (error) {
    writer.abort()
    throw error
  }
}

/** deltaLinks that start now (`$deltatoken=latest`): the next delta read gives only later changes. */
export async function latestDeltaLinks(settings: EntraSettings, access: EntraAccess): Promise<DeltaLinks> {
  const { graph } = entraClients(settings, access)
  const link = async (path: string, what: string): Promise<string> => {
    const pages = graph.deltaPages<unknown>(`${path}&$deltatoken=latest`, what)
    for (let next = await pages.next(); ; next = await pages.next()) if (next.done) return next.value
  }
  return { users: await link(usersDeltaPath, 'users'), groups: await link(groupsDeltaPath, 'groups') }
}

/**
 * Assigns and removes a user's licences in Entra (assignLicense), with Entra's refusals in the
 * admin's words: no usage location (set it under the user's Properties), or no seats left.
 */
export async function assignEntraLicences(settings: EntraSettings, access: EntraAccess, personId: string, add: readonly string[], remove: readonly string[], names: Readonly<Record<string, string>>): Promise<void> {
  const { graph } = entraClients(settings, access)
  const listed = (skus: readonly string[]): string => skus.map((sku) => names[sku] ?? sku).join(', ')
  try {
    await graph.post(`users/${encodeURIComponent(personId)}/assignLicense`, 'the user’s licences', { addLicenses: add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: [...remove] })
  } catch (error) {
    if (!(error instanceof StudioError)) throw error
    const status = (error.details as { status?: number } | undefined)?.status
    const change = [add.length > 0 ? `assign ${listed(add)}` : '', remove.length > 0 ? `remove ${listed(remove)}` : ''].filter(Boolean).join(' and ')
    if (status === 400 && /usage location/i.test(error.message)) throw new StudioError('REMOTE_ERROR', `Entra ID could not ${change}: the user has no usage location. Set one in the Entra admin center (Users › the user › Properties › Usage location), then sync again.`, { status: 400 })
    if (status === 400) throw new StudioError('REMOTE_ERROR', `Entra ID refused to ${change}: ${error.message.replace(/^Microsoft Graph refused to read [^(]*\(/, '(')}`, { status: 400 })
    if (error.code === 'FORBIDDEN') throw new StudioError('FORBIDDEN', `The app may not ${change} in Entra ID: add LicenseAssignment.ReadWrite.All as an Application permission under API permissions, then Grant admin consent.`, error.details)
    throw error
  }
}

/** "Test connection" as a checklist, and the secret's expiry when Graph told it. */
export async function testEntraConnection(settings: EntraSettings, access: EntraAccess, now: () => Date): Promise<{ check: Checklist; secretExpiresAt: string | null }> {
  const { tokens, graph } = entraClients(settings, access)
  const checkedAt = now().toISOString()
  const item = (key: string, label: string, ok: boolean, message: string, count: number | null = null): ChecklistItem => ({ key, label, ok, message, count })
  let result: Awaited<ReturnType<typeof checkEntraConnection>>
  try {
    result = await checkEntraConnection({ tokens, graph, tenantId: settings.tenantId, clientId: settings.clientId, clientSecret: access.secret, authorityHost: settings.authorityHost, features: access.features })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { check: { checkedAt, ok: false, items: [item('sign-in', 'Sign in to Entra ID', false, message)] }, secretExpiresAt: null }
  }
  const delegated = settings.signIn === 'delegated'
  const who = delegated ? `${settings.authorizedAs ?? 'the admin who authorized'}, through ${result.appName ? `"${result.appName}"` : `app ${settings.clientId}`}` : result.appName ? `"${result.appName}"` : `app ${settings.clientId}`
  const items: ChecklistItem[] = [item('sign-in', 'Sign in to Entra ID', true, `Signed in to tenant ${settings.tenantId} as ${who}.`)]
  for (const permission of result.permissions) {
    const optional = permission.permission === 'Application.Read.All'
    // A delegated sign-in does not ask for the optional one: the secret's expiry is entered instead.
    if (optional && delegated) continue
    const message = permission.granted ? permission.why : optional ? `Not granted: ${permission.why.replace(/^Optional: /, '')}` : `Missing. ${permission.why} Add it as ${delegated ? 'a Delegated' : 'an Application'} permission under API permissions, then Grant admin consent: ${result.adminConsentUrl}`
    items.push(item(`permission:${permission.permission}`, permission.permission, permission.granted || optional, message))
  }
  try {
    const counted = await graph.get<{ '@odata.count'?: number }>('users?$top=1&$select=id&$count=true', 'users', { ConsistencyLevel: 'eventual' })
    items.push(item('users', 'Read people', true, 'People can be read.', counted['@odata.count'] ?? null))
  } catch (error) {
    items.push(item('users', 'Read people', false, error instanceof Error ? error.message : String(error)))
  }
  const expiresAt = result.secretExpiresAt ?? settings.secretExpiresAt
  if (expiresAt) {
    const { days, level } = secretExpiryState(expiresAt, now())
    const on = expiryDay(expiresAt)
    const message = level === 'expired' ? `Expired on ${on}: create a new secret under Certificates & secrets and paste it here.` : level === 'ok' ? `Expires on ${on}.` : `Expires on ${on}, in ${days} day${days === 1 ? '' : 's'}: create a new secret under Certificates & secrets before then, and paste it here.`
    items.push(item('secret-expiry', 'Client secret', level !== 'expired', message))
  }
  return { check: { checkedAt, ok: items.every((each) => each.ok), items }, secretExpiresAt: result.secretExpiresAt }
}

