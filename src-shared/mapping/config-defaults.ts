/**
 * A new connection's configuration, per source: the field mappings Halo's own integration screens
 * pre-fill (seeds 000 and 001: name, first name, surname, email, phones, job title, department,
 * login, manager), Okta's default active statuses (seed 000), matching on email then login (Entra:
 * the object id then email), licence import off, no
 * deactivation until the admin turns it on, and the guardrails the trusted tools use (500 / 20 %).
 * Site mappings start empty: which people go where is the admin's design.
 */
import { configVersion, type ConnectionConfig, type FieldMapping } from './config-schema'

export const oktaDefaultActiveStatuses = ['ACTIVE', 'PROVISIONED', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT']

type Pairs = ReadonlyArray<readonly [source: string, target: string]>

const sourceFields: Record<ConnectionConfig['source'], { user: Pairs; agent: Pairs }> = {
  okta: {
    user: [
      ['displayName', 'name'],
      ['firstName', 'firstname'],
      ['lastName', 'surname'],
      ['email', 'emailaddress'],
      ['primaryPhone', 'phonenumber'],
      ['mobilePhone', 'mobilenumber'],
      ['title', 'title'],
      ['department', 'department'],
      ['login', 'login'],
      ['managerId', 'manager_email']
    ],
    agent: [
      ['displayName', 'name'],
      ['firstName', 'firstname'],
      ['lastName', 'surname'],
      ['email', 'email'],
      ['title', 'jobtitle'],
      ['mobilePhone', 'sms']
    ]
  },
  entra: {
    user: [
      ['displayName', 'name'],
      ['givenName', 'firstname'],
      ['surname', 'surname'],
      ['mail', 'emailaddress'],
      ['businessPhones', 'phonenumber'],
      ['mobilePhone', 'mobilenumber'],
      ['jobTitle', 'title'],
      ['department', 'department'],
      ['userPrincipalName', 'login'],
      ['manager', 'manager_email']
    ],
    agent: [
      ['displayName', 'name'],
      ['givenName', 'firstname'],
      ['surname', 'surname'],
      ['mail', 'email'],
      ['jobTitle', 'jobtitle'],
      ['mobilePhone', 'sms']
    ]
  }
}

function rows(kind: 'user' | 'agent', pairs: Pairs): FieldMapping[] {
  return pairs.map(([source, target]) => ({ id: `${kind}-${target}`, source, target, transforms: source === 'displayName' ? [] : [{ kind: 'trim' }] }))
}

export function defaultConfig(source: ConnectionConfig['source']): ConnectionConfig {
  const fields = sourceFields[source]
  return {
    version: configVersion,
    source,
    fields: { user: rows('user', fields.user), agent: rows('agent', fields.agent) },
    siteMappings: [],
    advanced: { agentRoles: [], cabs: [], userRoles: [], licences: { enabled: false, rules: [], otherwise: 'keep' }, directoryLicences: { enabled: false, clientId: null, manageFromHalo: false } },
    onboarding: {
      enabled: false,
      ticketTypeId: null,
      templateId: null,
      fields: [
        { id: 'onboarding-summary', target: 'summary', template: 'New starter: {displayName}' },
        { id: 'onboarding-details', target: 'details', template: '{displayName} ({email}) joins {department} as {title}.' }
      ]
    },
    imports: {
      importType: 'both',
      // Seed 001: after the Azure object id, by email; Okta's screens offer email then login (seed 000).
      userMatching: source === 'okta' ? ['emailaddress', 'login'] : ['emailaddress'],
      agentMatching: ['email'],
      activeStatuses: source === 'okta' ? [...oktaDefaultActiveStatuses] : [],
      deactivateOutOfScope: false,
      defaultSiteId: null,
      guardrails: { maxDeactivations: 500, maxDeactivationPercent: 20 }
    }
  }
}
