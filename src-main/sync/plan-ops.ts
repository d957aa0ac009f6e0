/**
 * What a sync sends for a plan, as journal operations (pure): each Halo software licence to create
 * or update (Entra licence import), each site to create, each user and agent record with something
 * to write (creates, updates, deactivations, reactivations), each user's Entra licences (assigned or
 * removed when Halo manages them, else only recorded as synced), each CAB's member changes, and each
 * onboarding ticket — in the plan's order within each phase. Users bound for a site or linked to a
 * licence the sync creates name it by key; tickets name their user's row; the sync fills in the ids
 * as they are made.
 */
import type { Plan, PlanRow } from '../../src-shared/plan/plan-schema'
import type { NewOp } from './sync-journal'

export function planOps(plan: Omit<Plan, 'rows'>, rows: Iterable<PlanRow>): NewOp[] {
  const ops: NewOp[] = plan.licences.map((licence) => ({
    phase: 'licences',
    ref: licence.key,
    action: licence.action,
    payload: licence.action === 'create' ? { name: licence.name, product_sku: licence.skuId, client_id: licence.clientId, count: licence.count, manufacturer: 'Microsoft' } : { id: licence.haloId, name: licence.name, count: licence.count }
  }))
  ops.push(...plan.sites.map((site): NewOp => ({ phase: 'sites', ref: site.key, action: 'create', payload: { name: site.name, client_id: site.clientId } })))
  for (const row of rows) {
    const licences = row.softwareLicences
    const created = licences?.link.filter((licence) => licence.id === null).map((licence) => licence.key) ?? []
    if (row.write !== null) {
      ops.push({
        phase: row.kind === 'user' ? 'users' : 'agents',
        ref: row.key,
        action: row.action,
        payload: { record: row.write, personId: row.personId, ...(row.site?.kind === 'create' ? { siteRef: row.site.key } : {}), ...(created.length > 0 ? { licenceRefs: created } : {}) }
      })
    }
    if (licences && row.personId !== null) {
      const changes = licences.assign.length + licences.unassign.length > 0
      ops.push({
        phase: 'directory',
        ref: row.key,
        action: changes ? 'assign' : 'record',
        payload: {
          personId: row.personId,
          haloId: row.haloId,
          // Recorded only once the Halo side is done too: the user's write, and the licences it links.
          needs: [...(row.write !== null ? [row.key] : []), ...created],
          add: licences.assign.map((licence) => licence.skuId),
          remove: licences.unassign.map((licence) => licence.skuId),
          names: Object.fromEntries([...licences.assign, ...licences.unassign].map((licence) => [licence.skuId, licence.name])),
          target: licences.target
        }
      })
    }
  }
  for (const cab of plan.cabs) ops.push({ phase: 'cabs', ref: `cab:${cab.cabId}`, action: 'update', payload: { cabId: cab.cabId, add: cab.add, remove: cab.remove } })
  for (const ticket of plan.tickets) {
    const custom = Object.entries(ticket.fields).filter(([target]) => target.startsWith('custom:'))
    ops.push({
      phase: 'tickets',
      ref: `ticket:${ticket.rowKey}`,
      action: 'create',
      payload: {
        userRef: ticket.rowKey,
        personId: ticket.personId,
        ticket: {
          tickettype_id: ticket.ticketTypeId,
          ...(ticket.templateId === null ? {} : { template_id: ticket.templateId }),
          summary: ticket.fields.summary ?? `New starter: ${ticket.name}`,
          ...(ticket.fields.details === undefined ? {} : { details: ticket.fields.details }),
          ...(custom.length > 0 ? { customfields: custom.map(([target, value]) => ({ name: target.slice('custom:'.length), value })) } : {})
        }
      }
    })
  }
  return ops
}
