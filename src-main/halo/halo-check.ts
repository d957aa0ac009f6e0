/**
 * "Test connection": signs in, then reads users, agents and every look-up, one checklist line each,
 * saying what works and, for what does not, Halo's reason and what to change. Look-ups read here are
 * cached, so a successful test also prepares offline work.
 */
import { haloLookupKinds, haloLookupLabels, StudioError, type HaloCheck, type HaloCheckItem, type HaloLookupKind } from '../../src-shared/contract'
import type { HaloAuth } from './halo-auth'
import type { HaloClient } from './halo-client'
import type { LookupCache } from './lookup-cache'

export const lookupQueries: Partial<Record<HaloLookupKind, Record<string, string | boolean>>> = {
  cabs: { includemembers: true },
  sites: { includeinactive: true },
  clients: { includeinactive: true }
}

/**
 * The Halo permission that opens each area, for a 403 (Halo does not say which one is missing).
 * Effective permission = the application's scopes ∩ the agent it logs in as (halo-api.md §1.4).
 */
const permissionToGrant: Record<HaloLookupKind | 'users' | 'agents', string> = {
  users: 'the "read:customers" scope and Customers access for the agent',
  clients: 'the "read:customers" scope and Customers access for the agent',
  sites: 'the "read:customers" scope and Customers access for the agent',
  agents: 'the "admin" scope and an administrator role for the agent',
  organisations: 'the "admin" scope and an administrator role for the agent',
  roles: 'the "admin" scope and an administrator role for the agent',
  userRoles: 'the "admin" scope and an administrator role for the agent',
  teams: 'the "admin" scope and an administrator role for the agent',
  cabs: 'the "admin" scope and an administrator role for the agent',
  ticketTypes: 'the "admin" scope and an administrator role for the agent',
  templates: 'the "admin" scope and an administrator role for the agent',
  fieldInfo: 'the "admin" scope and an administrator role for the agent',
  licences: 'the "read:softwarelicensing" scope and Software Licensing access for the agent'
}

export async function checkHaloConnection(options: {
  instanceId: string
  auth: HaloAuth
  client: HaloClient
  cache: LookupCache
  now: () => Date
}): Promise<HaloCheck> {
  const { auth, client, cache } = options
  const items: HaloCheckItem[] = []
  const failureText = (error: unknown, area?: keyof typeof permissionToGrant): string => {
    if (!(error instanceof StudioError)) return String(error)
    const forbidden = (error.details as { reason?: unknown } | undefined)?.reason === 'forbidden'
    return forbidden && area ? `${error.message} Grant ${permissionToGrant[area]} (Configuration › Integrations › Halo API › Applications).` : error.message
  }

  try {
    const server = await auth.authServer()
    await auth.accessToken()
    items.push({ key: 'auth', label: 'Signed in to the Halo API', ok: true, message: `Token issued by ${server}.`, count: null })
  } catch (error) {
    items.push({ key: 'auth', label: 'Signed in to the Halo API', ok: false, message: failureText(error), count: null })
    const skipped = 'Not checked: the sign-in failed.'
    items.push({ key: 'users', label: 'Users readable', ok: false, message: skipped, count: null })
    items.push({ key: 'agents', label: 'Agents readable', ok: false, message: skipped, count: null })
    for (const kind of haloLookupKinds) items.push({ key: kind, label: `${haloLookupLabels[kind]} readable`, ok: false, message: skipped, count: null })
    return { checkedAt: options.now().toISOString(), ok: false, items }
  }

  try {
    const body = (await client.request('GET', 'Users', { query: { pageinate: true, page_size: 1, page_no: 1, includeinactive: true } })) as { record_count?: unknown } | null
    const count = Number(body?.record_count)
    items.push({ key: 'users', label: 'Users readable', ok: true, message: 'Users can be read and matched.', count: Number.isFinite(count) ? count : null })
  } catch (error) {
    items.push({ key: 'users', label: 'Users readable', ok: false, message: failureText(error, 'users'), count: null })
  }
  try {
    const agents = await client.list('agents', { query: { includedisabled: true } })
    items.push({ key: 'agents', label: 'Agents readable', ok: true, message: 'Agents can be read and matched.', count: agents.length })
  } catch (error) {
    items.push({ key: 'agents', label: 'Agents readable', ok: false, message: failureText(error, 'agents'), count: null })
  }
  for (const kind of haloLookupKinds) {
    try {
      const records = await client.list(kind, { query: lookupQueries[kind] })
      cache.store(options.instanceId, kind, records, options.now().toISOString())
      items.push({ key: kind, label: `${haloLookupLabels[kind]} readable`, ok: true, message: 'Read and saved for offline work.', count: records.length })
    } catch (error) {
      items.push({ key: kind, label: `${haloLookupLabels[kind]} readable`, ok: false, message: failureText(error, kind), count: null })
    }
  }
  return { checkedAt: options.now().toISOString(), ok: items.every((item) => item.ok), items }
}
