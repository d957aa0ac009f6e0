/**
 * What a sync sends for a plan, as journal operations (pure): each site to create, each user and
 * agent record with something to write (creates, updates, deactivations, reactivations), each CAB's
 * member changes, and each onboarding ticket — in the plan's order within each phase. Users bound
 * for a site the sync creates name it by key; tickets name their user's row; the sync fills in the
 * ids as they are made.
 */
import type { Plan, PlanRow } from '../../src-shared/plan/plan-schema'
import type { NewOp } from './sync-journal'

export function planOps(plan: Omit<Plan, 'rows'>, rows: Iterable<PlanRow>): NewOp[] {
  const ops: NewOp[] = plan.sites.map((site) => ({ phase: 'sites', ref: site.key, action: 'create', payload: { name: site.name, client_id: site.clientId } }))
  for (const row of rows) {
    if (row.write === null) continue
    ops.push({
      phase: row.kind === 'user' ? 'users' : 'agents',
      ref: row.key,
      action: row.action,
      payload: { record: row.write, personId: row.personId, ...(row.site?.kind === 'create' ? { siteRef: row.site.key } : {}) }
    })
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
