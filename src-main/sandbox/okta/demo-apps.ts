/**
 * The Okta demo org's applications (okta.md §5 Application, shapes from the real system-apps
 * listing): Okta's own apps, the Active Directory the APP_GROUPs come from, Halo ITSM (SAML),
 * Microsoft Office 365, Slack, Zoom, an inactive bookmark, and the OAuth clients Identity Studio
 * uses — two API service apps (private_key_jwt; one granted only okta.users.read) and the native
 * OIDC app for sign-in. For OIDC apps the client_id is the app id, as in Okta. Each app says how
 * people are assigned: directly (scope USER) or through groups (scope GROUP), by group key.
 */
import { createHash } from 'node:crypto'
import type { PlannedPerson } from './demo-people'
import { oktaId } from './okta-ids'
import type { Json } from './okta-store'

export interface DemoApp {
  key: string
  json: Json & { id: string; name: string; label: string; status: string }
  /** Assigned directly (scope USER). */
  direct?: (person: PlannedPerson) => boolean
  /** Assigned through these groups (keys), in priority order. */
  groups?: readonly string[]
}

export interface OAuthClientIds {
  service: string
  limitedService: string
  native: string
}

export const adDomain = 'corp.northwind.example'

export function oauthClientIds(seed: number): OAuthClientIds {
  return { service: oktaId('0oa', seed, 'app', 'service'), limitedService: oktaId('0oa', seed, 'app', 'limited-service'), native: oktaId('0oa', seed, 'app', 'native') }
}

export function activeDirectoryAppId(seed: number): string {
  return oktaId('0oa', seed, 'app', 'active-directory')
}

const notifications = { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } }

function kidFor(seed: number, key: string): string {
  return createHash('sha256').update(`${seed}:kid:${key}`).digest('base64url')
}

function base(seed: number, orgId: string, key: string, fields: { name: string; label: string; signOnMode: string; created: string; status?: string; features?: string[] }): DemoApp['json'] {
  const id = key === 'active-directory' ? activeDirectoryAppId(seed) : oktaId('0oa', seed, 'app', key)
  return {
    id,
    orn: `orn:okta:idp:${orgId}:apps:${fields.name}:${id}`,
    name: fields.name,
    label: fields.label,
    status: fields.status ?? 'ACTIVE',
    lastUpdated: fields.created < '2026' ? fields.created.replace(/^\d{4}/, (year) => String(Number(year) + 1)) : fields.created,
    created: fields.created,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { [`${fields.name}_link`]: true } },
    features: fields.features ?? [],
    signOnMode: fields.signOnMode,
    credentials: { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: { kid: kidFor(seed, key) } },
    universalLogout: null,
    settings: { app: {}, notifications, manualProvisioning: false, implicitAssignment: false, notes: { admin: null, enduser: null } }
  }
}

function serviceApp(seed: number, orgId: string, key: 'service' | 'limited-service', label: string, publicJwk: Json): DemoApp['json'] {
  const json = base(seed, orgId, key, { name: 'oidc_client', label, signOnMode: 'OPENID_CONNECT', created: '2026-06-02T10:15:07.000Z' })
  json.credentials = { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: { kid: kidFor(seed, key) }, oauthClient: { autoKeyRotation: true, client_id: json.id, token_endpoint_auth_method: 'private_key_jwt', pkce_required: false } }
  json.settings = {
    app: {},
    notifications,
    manualProvisioning: false,
    implicitAssignment: false,
    oauthClient: { client_uri: null, logo_uri: null, redirect_uris: [], response_types: ['token'], grant_types: ['client_credentials'], application_type: 'service', jwks: { keys: [publicJwk] } }
  }
  return json
}

/** The demo org's apps; `keys` are the service apps' public JWKs. */
export function demoApps(seed: number, orgId: string, keys: { service: Json; limitedService: Json }): DemoApp[] {
  const saml = (key: string, name: string, label: string, created: string, acs: string): DemoApp['json'] => {
    const json = base(seed, orgId, key, { name, label, signOnMode: 'SAML_2_0', created, features: [] })
    json.settings = {
      ...(json.settings as Json),
      signOn: { defaultRelayState: '', ssoAcsUrl: acs, recipient: acs, destination: acs, audience: acs.replace(/\/[^/]*$/, ''), subjectNameIdTemplate: '${user.userName}', subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', responseSigned: true, assertionSigned: true, signatureAlgorithm: 'RSA_SHA256', digestAlgorithm: 'SHA256' }
    }
    return json
  }
  const native = base(seed, orgId, 'native', { name: 'oidc_client', label: 'Identity Studio for Halo (sign-in)', signOnMode: 'OPENID_CONNECT', created: '2026-06-02T10:21:44.000Z' })
  native.credentials = { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' }, signing: { kid: kidFor(seed, 'native') }, oauthClient: { autoKeyRotation: true, client_id: native.id, token_endpoint_auth_method: 'none', pkce_required: true } }
  native.settings = {
    app: {},
    notifications,
    manualProvisioning: false,
    implicitAssignment: false,
    oauthClient: { client_uri: null, logo_uri: null, redirect_uris: ['http://127.0.0.1', 'http://localhost'], response_types: ['code'], grant_types: ['authorization_code', 'refresh_token'], application_type: 'native', consent_method: 'REQUIRED', issuer_mode: 'ORG_URL' }
  }
  const admins = (person: PlannedPerson): boolean => person.source === 'halo-agent' && person.index <= 900_002
  return [
    { key: 'saasure', json: base(seed, orgId, 'saasure', { name: 'saasure', label: 'Okta Admin Console', signOnMode: 'OPENID_CONNECT', created: '2019-04-02T08:30:11.000Z' }), direct: admins },
    { key: 'okta-dashboard', json: base(seed, orgId, 'okta-dashboard', { name: 'okta_enduser', label: 'Okta Dashboard', signOnMode: 'OPENID_CONNECT', created: '2019-04-02T08:30:12.000Z' }) },
    { key: 'okta-browser-plugin', json: base(seed, orgId, 'okta-browser-plugin', { name: 'okta_browser_plugin', label: 'Okta Browser Plugin', signOnMode: 'OPENID_CONNECT', created: '2019-04-02T08:30:14.000Z' }) },
    // [U] the signOnMode Okta shows for a directory integration.
    { key: 'active-directory', json: base(seed, orgId, 'active-directory', { name: 'active_directory', label: adDomain, signOnMode: 'BOOKMARK', created: '2019-05-14T13:02:55.000Z', features: ['IMPORT_PROFILE_UPDATES', 'IMPORT_NEW_USERS'] }), direct: (person) => person.provider === 'ACTIVE_DIRECTORY' },
    { key: 'halo-itsm', json: saml('halo-itsm', 'northwind_haloitsm_1', 'Halo ITSM', '2024-02-19T11:42:09.000Z', 'https://northwind.haloitsm.com/auth/account/saml2response'), groups: ['halo-agents', 'halo-portal'], direct: (person) => person.draws.haloDirect < 0.02 },
    { key: 'office365', json: base(seed, orgId, 'office365', { name: 'office365', label: 'Microsoft Office 365', signOnMode: 'WS_FEDERATION', created: '2019-06-03T09:12:40.000Z', features: ['PUSH_NEW_USERS', 'PUSH_USER_DEACTIVATION', 'PUSH_PROFILE_UPDATES'] }), groups: ['app-m365'] },
    { key: 'slack', json: saml('slack', 'slack', 'Slack', '2020-01-20T15:05:31.000Z', 'https://northwind.slack.com/sso/saml'), groups: ['app-slack'], direct: (person) => person.draws.slackDirect < 0.03 },
    { key: 'zoom', json: saml('zoom', 'zoomus', 'Zoom', '2020-03-16T08:47:02.000Z', 'https://northwind.zoom.us/saml/SSO'), groups: ['app-zoom'] },
    { key: 'legacy-expenses', json: base(seed, orgId, 'legacy-expenses', { name: 'northwind_legacyexpenses_1', label: 'Legacy Expenses', signOnMode: 'BROWSER_PLUGIN', created: '2019-09-09T10:00:00.000Z', status: 'INACTIVE' }), direct: (person) => person.draws.legacy < 0.05 },
    { key: 'service', json: serviceApp(seed, orgId, 'service', 'Identity Studio connector', keys.service) },
    { key: 'limited-service', json: serviceApp(seed, orgId, 'limited-service', 'Identity Studio connector (users only)', keys.limitedService) },
    { key: 'native', json: native, groups: ['halo-agents', 'halo-portal'] }
  ]
}
