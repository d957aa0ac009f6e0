/**
 * Where Halo keeps single sign-on settings, and what applying them writes (halo-api.md §4.14): Okta's
 * on the global Control object, Entra's on the Halo Entra connection (azureadconnection) plus
 * Control's switch for Entra sign-in. The reference confirms `okta_url`, `okta_client_id`,
 * `enableoktasinglesignon`, `oktasso`, `applicationid`, `tenant_type` and
 * `enableazuresinglesignon`; the other names, and `oktasso`'s values, are our reading [U], kept here
 * only. Only fields whose value differs are written.
 */
import type { EntraSsoSettings, OktaSsoSettings, SsoAudience } from '../../src-shared/contract'

export interface SsoFieldChange {
  /** Where: "Control" or "Entra connection <name>". */
  record: string
  field: string
  label: string
  from: string | null
  to: string
}

/** What to post per field, and (where Halo stores a code) how to show a value in words. */
type Fields = Record<string, { label: string; value: string | number | boolean | Array<{ tenant_id: string }>; show?: (value: unknown) => string | null }>

/** oktasso: who may sign in with Okta [U]. */
const oktaAudience: Record<SsoAudience, number> = { agents: 1, users: 2, both: 3 }
const audienceText: Record<SsoAudience, string> = { agents: 'Agents', users: 'Users', both: 'Agents and users' }
const tenantTypeText: Record<string, string> = { single: 'Single tenant', multi: 'Multi-tenant' }

/** A code Halo stores, in words; a code we do not know is shown as Halo has it. */
const inWords = (words: Record<string, string>, value: unknown): string | null => (typeof value === 'string' ? (words[value] ?? value) : shown(value))

export function oktaControlFields(settings: OktaSsoSettings, issuer: string): Fields {
  return {
    enableoktasinglesignon: { label: 'Okta single sign-on', value: settings.enabled },
    okta_url: { label: 'Okta URL (issuer)', value: issuer },
    okta_client_id: { label: 'Client ID', value: settings.clientId },
    oktasso: { label: 'Single sign-on for', value: oktaAudience[settings.audience], show: (value) => audienceText[(Object.keys(oktaAudience) as SsoAudience[]).find((audience) => oktaAudience[audience] === Number(value)) ?? 'both'] },
    okta_auto_redirect: { label: 'Redirect straight to Okta', value: settings.autoRedirect }
  }
}

export function entraConnectionFields(settings: EntraSsoSettings): Fields {
  return {
    published: { label: 'Published', value: settings.published },
    tenant_type: { label: 'Tenant type', value: settings.tenantType === 'multi' ? 'multi' : 'single', show: (value) => inWords(tenantTypeText, value) },
    applicationid: { label: 'Application ID', value: settings.applicationId.toLowerCase() },
    sso_for: { label: 'Single sign-on for', value: settings.audience, show: (value) => inWords(audienceText, value) },
    auto_redirect: { label: 'Redirect straight to Entra ID', value: settings.autoRedirect },
    tenants: { label: 'Allowed tenants', value: settings.tenantType === 'multi' ? settings.allowedTenants.map((tenant) => ({ tenant_id: tenant.toLowerCase() })) : [] }
  }
}

export const entraControlFields = (settings: EntraSsoSettings): Fields => ({ enableazuresinglesignon: { label: 'Entra ID single sign-on', value: settings.published } })

function shown(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'boolean') return value ? 'On' : 'Off'
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((entry) => (entry !== null && typeof entry === 'object' ? (shown((entry as { tenant_id?: unknown }).tenant_id) ?? '') : (shown(entry) ?? ''))).join(', ')
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value)
}

/** The fields that differ from what Halo has, with before and after, and what to post. */
export function ssoChanges(record: string, current: Record<string, unknown>, wanted: Fields): { changes: SsoFieldChange[]; write: Record<string, unknown> } {
  const changes: SsoFieldChange[] = []
  const write: Record<string, unknown> = {}
  for (const [field, { label, value, show }] of Object.entries(wanted)) {
    // A switch Halo does not list is off.
    const now = typeof value === 'boolean' ? (current[field] ?? false) : current[field]
    const from = show && now !== undefined && now !== null && now !== '' ? show(now) : shown(now)
    const to = (show ? show(value) : shown(value)) ?? ''
    if ((from ?? '') === to) continue
    changes.push({ record, field, label, from, to })
    write[field] = value
  }
  return { changes, write }
}
