/** The tabs every connection is configured in, and what each one decides, in the admin's words. */
export interface ConnectionTab {
  name: string
  summary: string
}

export const connectionTabs: readonly ConnectionTab[] = [
  { name: 'Details', summary: 'Where the directory is and the credentials to read it, with a credentials test.' },
  { name: 'Field mappings', summary: 'Which directory attribute fills which Halo user or agent field, with transforms.' },
  { name: 'Site mappings', summary: 'Which people go to which site or organisation, and which become agents.' },
  { name: 'Advanced', summary: 'Groups that drive agent roles, CAB membership, user roles and licences.' },
  { name: 'Onboarding', summary: 'A ticket logged once for each person the import creates.' },
  { name: 'Imports', summary: 'Matching rules, deactivation, previews and syncs, on demand or on a schedule.' },
  { name: 'SSO', summary: 'Single sign-on for agents and users, tested with a real sign-in before it is applied.' }
]
