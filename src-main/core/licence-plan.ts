/**
 * Entra licence import, planned (pure): which Halo software licences the sync creates for the
 * tenant's licences (in the client the Advanced tab names, recognised again by their SKU id in
 * `product_sku`) or whose seat count it updates, and for each imported user which of them to link
 * and unlink in Halo. With "manage from Halo" on, what changed on each side since the last sync
 * (the `base` it left) is merged: a licence linked or unlinked in Halo is assigned or removed in
 * Entra, a change made in Entra is followed in Halo; a user seen for the first time follows Entra.
 */
import type { DirectoryLicence, DirectoryPerson } from '../../src-shared/contract'
import type { AdvancedConfig } from '../../src-shared/mapping/config-schema'
import type { PlanLicence, PlanRow } from '../../src-shared/plan/plan-schema'
import type { HaloLicence, HaloPersonRecord, HaloRef } from './halo-state'

export type UserLicences = NonNullable<PlanRow['softwareLicences']>

export interface LicencePlanner {
  licences: PlanLicence[]
  /**
   * A user row's licence changes (null when none), for the person and the Halo record they match
   * (null when created), with the Halo licences linked now and after the sync, by name.
   */
  forUser(person: DirectoryPerson, record: HaloPersonRecord | null, base: readonly string[] | null): (UserLicences & { before: string[]; after: string[] }) | null
}

const licenceKey = (skuId: string): string => `licence:${skuId.toLowerCase()}`

export function licencePlanner(settings: AdvancedConfig['directoryLicences'], tenant: readonly DirectoryLicence[], halo: readonly HaloLicence[]): LicencePlanner | null {
  if (!settings.enabled || settings.clientId === null) return null
  const clientId = settings.clientId
  const inClient = halo.filter((licence) => licence.productSku && licence.clientId !== null && String(licence.clientId) === String(clientId))
  const bySku = new Map(inClient.map((licence) => [String(licence.productSku).toLowerCase(), licence]))
  const skuOfHaloId = new Map(inClient.map((licence) => [String(licence.id), String(licence.productSku).toLowerCase()]))
  const tenantBySku = new Map(tenant.map((licence) => [licence.id.toLowerCase(), licence]))
  const licences: PlanLicence[] = []
  for (const licence of tenant) {
    const existing = bySku.get(licence.id.toLowerCase())
    if (!existing) licences.push({ key: licenceKey(licence.id), skuId: licence.id, name: licence.name, action: 'create', haloId: null, clientId, count: licence.total, from: null })
    else if (existing.count !== licence.total) licences.push({ key: licenceKey(licence.id), skuId: licence.id, name: existing.name, action: 'update', haloId: existing.id, clientId, count: licence.total, from: existing.count })
  }
  const nameOf = (sku: string): string => bySku.get(sku)?.name ?? tenantBySku.get(sku)?.name ?? sku
  const sorted = (skus: Iterable<string>): string[] => [...skus].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))

  return {
    licences,
    forUser(person, record, base) {
      const assigned = person.attributes.assignedLicenses
      const entra = new Set((Array.isArray(assigned) ? assigned : []).map((sku) => sku.toLowerCase()).filter((sku) => tenantBySku.has(sku)))
      const linked = new Set((record?.licenceIds ?? []).flatMap((id) => skuOfHaloId.get(String(id)) ?? []))
      const before = base === null ? null : new Set(base.map((sku) => sku.toLowerCase()))
      const target = new Set(entra)
      if (settings.manageFromHalo && before !== null && record !== null) {
        for (const sku of linked) if (!before.has(sku)) target.add(sku)
        for (const sku of before) if (!linked.has(sku)) target.delete(sku)
      }
      const link = sorted([...target].filter((sku) => !linked.has(sku)))
      const unlink = sorted([...linked].filter((sku) => !target.has(sku)))
      const assign = sorted([...target].filter((sku) => !entra.has(sku)))
      const unassign = sorted([...entra].filter((sku) => !target.has(sku)))
      const same = before !== null && before.size === target.size && [...target].every((sku) => before.has(sku))
      if (link.length + unlink.length + assign.length + unassign.length === 0 && same) return null
      const named = (sku: string): { skuId: string; name: string } => ({ skuId: tenantBySku.get(sku)?.id ?? sku, name: nameOf(sku) })
      return {
        link: link.map((sku) => ({ key: licenceKey(sku), id: bySku.get(sku)?.id ?? null, name: nameOf(sku) })),
        unlink: unlink.map((sku) => ({ id: bySku.get(sku)?.id as HaloRef, name: nameOf(sku) })),
        assign: assign.map(named),
        unassign: unassign.map(named),
        target: sorted(target).map((sku) => tenantBySku.get(sku)?.id ?? sku),
        before: sorted(linked).map(nameOf),
        after: sorted(target).map(nameOf)
      }
    }
  }
}
