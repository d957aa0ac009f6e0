/**
 * Users as list items (their JSON with `_links.self`), as bytes made once per user and kept while the
 * sandbox runs. A snapshot reads each person about six times (the people list, then every group they
 * are in); making 1,000-member pages from the stored JSON each time made the sandbox, not the client
 * it serves, the slowest part of bench/okta-snapshot. A user, once added, never changes here, so an
 * item made once stays right.
 */
import type { OktaStore } from './okta-store'
import type { OktaViews } from './okta-views'

export class UserListItems {
  private readonly items = new Map<string, Buffer>()

  constructor(
    private readonly store: OktaStore,
    private readonly views: OktaViews
  ) {}

  /** The list items of these users, in this order (ids that are no user are left out). */
  get(ids: readonly string[]): Buffer[] {
    const missing = ids.filter((id) => !this.items.has(id))
    if (missing.length > 0) {
      for (const [id, data] of this.store.userData(missing)) this.items.set(id, Buffer.from(this.views.userListItemJson(id, data)))
    }
    return ids.flatMap((id) => this.items.get(id) ?? [])
  }
}
