/** Okta's eight user statuses (okta.md §1): the connector reads them all, the sandbox has them all, mappings filter on them. */
export const oktaUserStatuses = ['STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED'] as const
export type OktaUserStatus = (typeof oktaUserStatuses)[number]
