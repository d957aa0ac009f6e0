/**
 * What the mapping engine knows of Halo, as plain data: the cached look-ups it maps onto (sites with
 * their client, clients, agent roles, user roles, CABs, ticket types and templates, user and ticket
 * custom fields) and the
 * existing users and agents it matches people against. Built by the caller from the look-up cache or
 * from a live read; the engine does no I/O.
 */
export type HaloRef = number | string

export interface HaloNamed {
  id: HaloRef
  name: string
}

export interface HaloSite extends HaloNamed {
  clientId: HaloRef | null
  clientName: string | null
}

export interface HaloTemplate extends HaloNamed {
  /** The ticket type the template is for, when Halo says. */
  ticketTypeId: HaloRef | null
}

export interface HaloCab extends HaloNamed {
  /** The agents on the board, when Halo listed its members. */
  memberAgentIds?: HaloRef[]
}

/** A Halo software licence; `productSku` holds the Entra SKU id of one a licence import made. */
export interface HaloLicence extends HaloNamed {
  clientId: HaloRef | null
  productSku: string | null
  count: number | null
}

export interface HaloLookups {
  /** Null where the look-up was never cached (existence cannot be checked). */
  sites: HaloSite[] | null
  clients: HaloNamed[] | null
  agentRoles: HaloNamed[] | null
  userRoles: HaloNamed[] | null
  cabs: HaloCab[] | null
  ticketTypes: HaloNamed[] | null
  templates: HaloTemplate[] | null
  /** User custom field names (CF…). */
  customFields: string[] | null
  /** Ticket custom field names (CF…), for onboarding tickets. */
  ticketCustomFields: string[] | null
  /** Software licences (optional: callers that never import licences leave it out). */
  licences?: HaloLicence[] | null
}

/**
 * An existing Halo user or agent: its id, its fields as text by Halo key (every mappable field,
 * custom fields as `custom:<CF name>`, the stored directory ids, `site_id`, the flags `inactive` /
 * `isdisabled` as "true" / "false", `licence_type`), and the role ids it has when Halo said.
 */
export interface HaloPersonRecord {
  id: HaloRef
  fields: Record<string, string | null | undefined>
  roleIds?: HaloRef[]
  /** Users: the software licences (ids) linked to them, of those Halo was asked about (licences an Entra import made). */
  licenceIds?: HaloRef[]
}

export interface HaloRecords {
  users: HaloPersonRecord[]
  agents: HaloPersonRecord[]
}

export function sameRef(a: HaloRef | null | undefined, b: HaloRef | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a).toLowerCase() === String(b).toLowerCase()
}
