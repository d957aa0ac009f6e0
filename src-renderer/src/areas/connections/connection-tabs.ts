/**
 * The tabs every connection is configured in, in order, and what each one decides, in the admin's
 * words. Each has its address on the connection's page (`slug`).
 */
import type { ConnectionTabSlug } from '../../../../src-shared/contract'

export interface ConnectionTab {
  slug: ConnectionTabSlug
  name: string
  summary: string
}

export const connectionTabs: readonly ConnectionTab[] = [
  { slug: 'details', name: 'Details', summary: 'Where the directory is and the credentials to read it, with a credentials test and the directory fetch.' },
  { slug: 'directory', name: 'Directory', summary: 'The people, groups and memberships last fetched, kept on this computer and browsable offline.' },
  { slug: 'field-mappings', name: 'Field mappings', summary: 'Which directory attribute fills which Halo user or agent field, with transforms.' },
  { slug: 'site-mappings', name: 'Site mappings', summary: 'Which people go to which site or organisation, and which become agents.' },
  { slug: 'advanced', name: 'Advanced', summary: 'Groups that drive agent roles, CAB membership, user roles and licences.' },
  { slug: 'onboarding', name: 'Onboarding', summary: 'A ticket logged once for each person the import creates.' },
  { slug: 'imports', name: 'Imports', summary: 'Matching rules, deactivation, previews and syncs, on demand or on a schedule.' },
  { slug: 'sso', name: 'SSO', summary: 'Single sign-on for agents and users, tested with a real sign-in before it is applied.' }
]

/** The tab a slug names; Details when it names none. */
export function openableTab(slug: string | undefined): ConnectionTab {
  const details = connectionTabs[0] as ConnectionTab
  return connectionTabs.find((tab) => tab.slug === slug) ?? details
}
