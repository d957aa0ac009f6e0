/**
 * What syncs leave behind for later plans (owner of `sync_link` and `onboarding_ticket`): which Halo
 * record each directory person became, per kind (later plans match by it, and deactivate it when the
 * person leaves the directory), and who has had their onboarding ticket (never logged twice).
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
    this.db.insert(syncLinkTable).values(values).onConflictDoUpdate({ target: [syncLinkTable.connectionId, syncLinkTable.kind, syncLinkTable.personId], set: values }).run()
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
