/**
 * The Halo fields a mapping may fill, for users and for agents (reference halo-api.md §5.1, §5.2):
 * their API names, labels for pickers, and what the engine checks (required, longest value, email).
 * User custom fields are not listed here: they come from the instance's cached field list and are
 * targeted as `custom:<CF name>`. Also the ticket fields an onboarding ticket may fill (summary,
 * details, ticket custom fields). Lengths are conservative guesses where Halo documents none [U].
 */
export type HaloRecordKind = 'user' | 'agent'

export interface HaloFieldSpec {
  key: string
  label: string
  /** Halo refuses a record without it (a 400 on POST). */
  required?: boolean
  maxLength: number
  email?: boolean
  /** Holds a person reference resolved at import time (the manager). */
  manager?: boolean
}

export const haloUserFields: readonly HaloFieldSpec[] = [
  { key: 'name', label: 'Name', required: true, maxLength: 255 },
  { key: 'firstname', label: 'First name', maxLength: 100 },
  { key: 'surname', label: 'Surname', maxLength: 100 },
  { key: 'initials', label: 'Initials', maxLength: 20 },
  { key: 'title', label: 'Job title', maxLength: 255 },
  { key: 'emailaddress', label: 'Email address', maxLength: 255, email: true },
  { key: 'email2', label: 'Email 2', maxLength: 255, email: true },
  { key: 'email3', label: 'Email 3', maxLength: 255, email: true },
  { key: 'phonenumber', label: 'Phone number', maxLength: 50 },
  { key: 'mobilenumber', label: 'Mobile number', maxLength: 50 },
  { key: 'mobilenumber2', label: 'Mobile number 2', maxLength: 50 },
  { key: 'homenumber', label: 'Home number', maxLength: 50 },
  { key: 'fax', label: 'Fax', maxLength: 50 },
  { key: 'department', label: 'Department', maxLength: 255 },
  { key: 'login', label: 'Login', maxLength: 255 },
  { key: 'samaccountname', label: 'sAMAccountName', maxLength: 100 },
  { key: 'manager_email', label: 'Manager (email)', maxLength: 255, manager: true },
  { key: 'admanager', label: 'Manager (name)', maxLength: 255, manager: true },
  { key: 'matching_value', label: 'Matching value', maxLength: 255 },
  { key: 'third_party_id', label: 'Third-party ID', maxLength: 255 },
  { key: 'notes', label: 'Notes', maxLength: 4000 }
]

export const haloAgentFields: readonly HaloFieldSpec[] = [
  { key: 'name', label: 'Name', required: true, maxLength: 255 },
  { key: 'firstname', label: 'First name', maxLength: 100 },
  { key: 'surname', label: 'Surname', maxLength: 100 },
  { key: 'initials', label: 'Initials', maxLength: 20 },
  { key: 'email', label: 'Email', maxLength: 255, email: true },
  { key: 'jobtitle', label: 'Job title', maxLength: 255 },
  { key: 'sms', label: 'Mobile (SMS)', maxLength: 50 },
  { key: 'extensionnumber', label: 'Extension number', maxLength: 50 },
  { key: 'department', label: 'Department', maxLength: 255 },
  { key: 'ad', label: 'AD login', maxLength: 255 },
  { key: 'linemanager', label: 'Line manager', maxLength: 255, manager: true },
  { key: 'matching_value', label: 'Matching value', maxLength: 255 },
  { key: 'federated_identity_id', label: 'Federated identity ID', maxLength: 255 }
]

export const customFieldPrefix = 'custom:'
/** Halo custom field values: the longest text a custom field takes [U]. */
export const customFieldMaxLength = 4000

/** What an onboarding ticket may fill besides ticket custom fields (halo-api.md §4.10). */
export const haloTicketFields: readonly HaloFieldSpec[] = [
  { key: 'summary', label: 'Summary', required: true, maxLength: 255 },
  { key: 'details', label: 'Details', maxLength: 64_000 }
]

export function ticketFieldSpec(key: string): HaloFieldSpec | null {
  if (key.startsWith(customFieldPrefix)) return { key, label: key.slice(customFieldPrefix.length), maxLength: customFieldMaxLength }
  return haloTicketFields.find((field) => field.key === key) ?? null
}

/**
 * Whether a custom field (its FieldInfo `usage`, as text) is one for users or for tickets. Halo's
 * numbering is not documented [U]: "1" is taken for users; a field that does not say counts for both.
 */
export function customFieldApplies(usage: string | null, to: 'user' | 'ticket'): boolean {
  if (usage === null) return true
  return to === 'user' ? usage === 'user' || usage === '1' : usage === 'ticket'
}

export function haloFields(kind: HaloRecordKind): readonly HaloFieldSpec[] {
  return kind === 'user' ? haloUserFields : haloAgentFields
}

/** A target's spec; custom fields (users only) get a generic one. */
export function haloFieldSpec(kind: HaloRecordKind, key: string): HaloFieldSpec | null {
  if (kind === 'user' && key.startsWith(customFieldPrefix)) return { key, label: key.slice(customFieldPrefix.length), maxLength: customFieldMaxLength }
  return haloFields(kind).find((field) => field.key === key) ?? null
}

/** Where a person's directory id is kept on the Halo record, by source and record kind. */
export function externalIdField(source: 'okta' | 'entra', kind: HaloRecordKind): string | null {
  if (source === 'okta') return 'okta_id'
  // Agents have no Azure object id field; they are matched on the chosen fields (halo-api.md §5.3).
  return kind === 'user' ? 'azureoid' : null
}
