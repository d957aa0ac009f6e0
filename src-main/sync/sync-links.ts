/**
 * What syncs leave behind for later plans (owner of `sync_link` and `onboarding_ticket`): which Halo
 * record each directory person became, per kind (later plans match by it, and deactivate it when the
 * person leaves the directory), the licences each user was last brought to (Entra licence import),
 * and who has had their onboarding ticket (never logged twice).
 */
import { and, eq } from 'drizzle-orm'
import type { HaloRef } from '../core/halo-state'
import type { StudioDb } from '../store/database'
import { onboardingTicketTable, syncLinkTable } from '../store/schema'

export class SyncLinks {
  constructor(private readonly db: StudioDb) {}

  links(connectionId: string): { user: Map<string, HaloRef>; agent: Map<string, HaloRef> } {
    const links = { user: new Map<string, HaloRef>(), agent: new Map<string, HaloRef>() }
    for (const row of this.db.select().from(syncLinkTable).where(eq(syncLinkTable.connectionId, connectionId)).all()) {
      links[row.kind].set(row.personId, /^\d+$/.test(row.haloId) ? Number(row.haloId) : row.haloId)
    }
    return links
  }

  link(connectionId: string, kind: 'user' | 'agent', personId: string, haloId: HaloRef, at: string): void {
    const values = { connectionId, kind, personId, haloId: String(haloId), linkedAt: at }
    this.db.insert(syncLinkTable).values(values).onConflictDoUpdate({ target: [syncLinkTable.connectionId, syncLinkTable.kind, syncLinkTable.personId], set: { haloId: values.haloId, linkedAt: at } }).run()
  }

  /** The SKU ids a user's licences were brought to on both sides (Halo's links, Entra's assignments). */
  recordLicences(connectionId: string, personId: string, haloId: HaloRef, skuIds: readonly string[], at: string): void {
    const values = { connectionId, kind: 'user' as const, personId, haloId: String(haloId), linkedAt: at, licences: JSON.stringify(skuIds) }
    this.db.insert(syncLinkTable).values(values).onConflictDoUpdate({ target: [syncLinkTable.connectionId, syncLinkTable.kind, syncLinkTable.personId], set: { haloId: values.haloId, licences: values.licences } }).run()
  }

  /** What recordLicences left per person (people never recorded are absent). */
  licenceBases(connectionId: string): Map<string, string[]> {
    const rows = this.db.select({ personId: syncLinkTable.personId, licences: syncLinkTable.licences }).from(syncLinkTable).where(and(eq(syncLinkTable.connectionId, connectionId), eq(syncLinkTable.kind, 'user'))).all()
    return new Map(rows.flatMap((row) => (row.licences === null ? [] : [[row.personId, JSON.parse(row.licences) as string[]]])))
  }

  onboarded(connectionId: string): Set<string> {
    return new Set(this.db.select({ personId: onboardingTicketTable.personId }).from(onboardingTicketTable).where(eq(onboardingTicketTable.connectionId, connectionId)).all().map((row) => row.personId))
  }

  /** Whether the person already had a ticket; records it when not. */
  recordTicket(connectionId: string, personId: string, ticketId: HaloRef, runId: string, at: string): void {
    this.db.insert(onboardingTicketTable).values({ connectionId, personId, ticketId: String(ticketId), runId, loggedAt: at }).onConflictDoNothing().run()
  }

  ticketOf(connectionId: string, personId: string): string | null {
    return this.db.select({ ticketId: onboardingTicketTable.ticketId }).from(onboardingTicketTable).where(and(eq(onboardingTicketTable.connectionId, connectionId), eq(onboardingTicketTable.personId, personId))).get()?.ticketId ?? null
  }
}
