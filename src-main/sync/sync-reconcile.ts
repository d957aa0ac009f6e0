/**
 * Finding out whether a create whose answer was lost happened: the record is looked for in Halo by
 * what the create wrote that only it has — a user or agent by the stored directory id (okta_id /
 * azureoid, by advanced search; where an instance refuses that, by a plain search checked field by
 * field), an Entra agent (no directory id field) by email, a site by name under its client, a
 * software licence by its Entra SKU id (product_sku) under its client, an
 * onboarding ticket by its user and ticket type (the user is new, so any such ticket is ours).
 * Answers the record's id, or null when Halo does not have it (the create is sent again).
 */
import { StudioError } from '../../src-shared/contract'
import { externalIdField } from '../../src-shared/mapping/halo-fields'
import type { HaloClient } from '../halo/halo-client'
import type { SyncOp, SyncPhase } from './sync-journal'

type Row = Record<string, unknown>

export async function findCreated(client: HaloClient, phase: SyncPhase, op: SyncOp, source: 'okta' | 'entra'): Promise<string | null> {
  if (phase === 'sites') {
    const { name, client_id: clientId } = op.payload as { name: string; client_id: number | string }
    const sites = await client.list('sites', { query: { search: name, client_id: clientId, includeinactive: true } })
    return idOf(sites.find((site) => same(site.name, name) && String(site.client_id) === String(clientId)))
  }
  if (phase === 'licences') {
    const { product_sku: sku, client_id: clientId } = op.payload as { product_sku: string; client_id: number | string }
    const licences = await client.list('licences', { query: { client_id: clientId } })
    return idOf(licences.find((licence) => same(licence.product_sku, sku) && String(licence.client_id) === String(clientId)))
  }
  if (phase === 'tickets') {
    const ticket = op.payload.ticket as Row
    const tickets = await client.list('tickets', { query: { user_id: ticket.user_id as number, tickettype_id: ticket.tickettype_id as number } })
    return idOf(tickets[0])
  }
  if (phase !== 'users' && phase !== 'agents') return null
  const kind = phase === 'users' ? 'user' : 'agent'
  const record = op.payload.record as Row
  const external = externalIdField(source, kind)
  const flags = phase === 'users' ? { includeinactive: true, includeactive: true } : { includeenabled: true, includedisabled: true }
  if (external && typeof record[external] === 'string') {
    const value = record[external]
    try {
      const found = await client.list(phase, { query: { ...flags, advanced_search: JSON.stringify([{ filter_name: external, filter_type: 2, filter_value: value }]) } })
      return idOf(found.find((row) => same(text(row[external]) ?? text(row[external === 'okta_id' ? 'oktaid' : 'azure_id']), value)))
    } catch (error) {
      // An instance that does not allow that advanced search: a plain search, checked here.
      if (!(error instanceof StudioError && (error.details as { status?: number } | undefined)?.status === 400)) throw error
    }
  }
  const email = text(record[phase === 'users' ? 'emailaddress' : 'email'])
  const name = text(record.name)
  const search = email ?? name
  if (search === null) return null
  const candidates = (await client.list(phase, { query: { ...flags, search } })) as Row[]
  const match = candidates.find((row) => (external && typeof record[external] === 'string' ? same(text(row[external]), record[external]) : email !== null ? same(text(row[phase === 'users' ? 'emailaddress' : 'email']), email) : same(text(row.name), name ?? '')))
  return idOf(match)
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null
}

function same(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()
}

function idOf(row: { id?: unknown } | undefined): string | null {
  return row && (typeof row.id === 'number' || typeof row.id === 'string') ? String(row.id) : null
}
