/**
 * Stored rows → the JSON Okta answers with (okta.md §5, payloads): `_links` built on the sandbox's
 * own origin; a user fetched by id carries the lifecycle links its status allows, list items only
 * `self`; groups carry logo/users/apps (and source for APP_GROUPs) links and, when asked,
 * `_embedded.stats` / `_embedded.app`; apps, app users and app groups their own links.
 */
import type { OktaUserStatus } from '../../../src-shared/okta-statuses'
import type { Json } from './okta-store'

type Link = { href: string; method?: string }

const lifecycle: Record<OktaUserStatus, readonly string[]> = {
  STAGED: ['activate', 'deactivate'],
  PROVISIONED: ['suspend', 'resetPassword', 'reactivate', 'resetFactors', 'deactivate'],
  ACTIVE: ['suspend', 'resetPassword', 'expirePassword', 'forgotPassword', 'changeRecoveryQuestion', 'resetFactors', 'changePassword', 'deactivate'],
  RECOVERY: ['suspend', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  PASSWORD_EXPIRED: ['resetPassword', 'resetFactors', 'expirePassword', 'forgotPassword', 'changeRecoveryQuestion', 'deactivate', 'changePassword'],
  LOCKED_OUT: ['unlock', 'resetPassword', 'expirePassword', 'suspend', 'resetFactors', 'deactivate'],
  SUSPENDED: ['unsuspend', 'resetPassword', 'expirePassword', 'resetFactors', 'deactivate'],
  DEPROVISIONED: ['activate', 'resetFactors', 'delete']
}
const linkPaths: Record<string, string> = {
  activate: '/lifecycle/activate',
  reactivate: '/lifecycle/reactivate',
  deactivate: '/lifecycle/deactivate',
  suspend: '/lifecycle/suspend',
  unsuspend: '/lifecycle/unsuspend',
  unlock: '/lifecycle/unlock',
  resetPassword: '/lifecycle/reset_password',
  expirePassword: '/lifecycle/expire_password',
  resetFactors: '/lifecycle/reset_factors',
  forgotPassword: '/credentials/forgot_password',
  changePassword: '/credentials/change_password',
  changeRecoveryQuestion: '/credentials/change_recovery_question',
  delete: ''
}

export class OktaViews {
  constructor(
    private readonly origin: () => string,
    private readonly schemaId: string
  ) {}

  private href(path: string): string {
    return `${this.origin()}${path}`
  }

  user(user: Json, full: boolean): Json {
    const id = String(user.id)
    const self = this.href(`/api/v1/users/${id}`)
    if (!full) return { ...user, _links: { self: { href: self } } }
    const links: Record<string, Link> = {}
    for (const name of lifecycle[user.status as OktaUserStatus]) links[name] = { href: `${self}${linkPaths[name] ?? ''}`, method: name === 'delete' ? 'DELETE' : 'POST' }
    links.schema = { href: this.href(`/api/v1/meta/schemas/user/${this.schemaId}`) }
    links.type = { href: this.href(`/api/v1/meta/types/user/${(user.type as { id?: string } | undefined)?.id ?? ''}`) }
    links.self = { href: self }
    return { ...user, _links: links }
  }

  /** A list item (only `_links.self`) spliced from a user's stored JSON, which has no _links of its own. */
  userListItemJson(id: string, data: string): string {
    return `${data.slice(0, data.lastIndexOf('}'))},"_links":{"self":{"href":${JSON.stringify(this.href(`/api/v1/users/${id}`))}}}}`
  }

  group(group: Json, sourceId: string | null, embedded: { stats?: { usersCount: number; appsCount: number }; app?: Json | null } = {}): Json {
    const id = String(group.id)
    const logo = group.type === 'APP_GROUP' ? 'active_directory' : 'okta'
    const links: Json = {
      logo: [
        { name: 'medium', href: this.href(`/img/logos/groups/${logo}-medium.png`), type: 'image/png' },
        { name: 'large', href: this.href(`/img/logos/groups/${logo}-large.png`), type: 'image/png' }
      ]
    }
    if (sourceId !== null) links.source = { href: this.href(`/api/v1/apps/${sourceId}`) }
    links.users = { href: this.href(`/api/v1/groups/${id}/users`) }
    links.apps = { href: this.href(`/api/v1/groups/${id}/apps`) }
    const view: Json = { ...group }
    const extra: Json = {}
    if (embedded.stats) {
      extra.stats = { usersCount: embedded.stats.usersCount, appsCount: embedded.stats.appsCount, groupPushMappingsCount: 0, hasAdminPrivilege: false, _links: { self: { href: this.href(`/api/v1/groups/${id}/stats`) } } }
    }
    if (embedded.app) extra.app = this.app(embedded.app)
    if (Object.keys(extra).length > 0) view._embedded = extra
    view._links = links
    return view
  }

  app(app: Json): Json {
    const id = String(app.id)
    const self = `/api/v1/apps/${id}`
    const links: Json = {
      uploadLogo: { href: this.href(`${self}/logo`), hints: { allow: ['POST'] } },
      appLinks: app.status === 'ACTIVE' ? [{ name: `${String(app.name)}_link`, href: this.href(`/home/${String(app.name)}/${id}/alnk`), type: 'text/html' }] : [],
      groups: { href: this.href(`${self}/groups`) },
      logo: [{ name: 'medium', href: this.href(`/img/logos/apps/${String(app.name)}-medium.png`), type: 'image/png' }],
      users: { href: this.href(`${self}/users`) }
    }
    if (app.signOnMode === 'SAML_2_0') links.metadata = { href: this.href(`${self}/sso/saml/metadata`), type: 'application/xml' }
    if (app.status === 'ACTIVE') links.deactivate = { href: this.href(`${self}/lifecycle/deactivate`) }
    else links.activate = { href: this.href(`${self}/lifecycle/activate`) }
    return { ...app, _links: links }
  }

  appUser(appId: string, user: Json, assignment: { scope: string; groupId: string | null; groupName: string | null; created: string }, embedUser: boolean): Json {
    const userId = String(user.id)
    const profile = user.profile as Json
    const links: Json = { app: { href: this.href(`/api/v1/apps/${appId}`) }, user: { href: this.href(`/api/v1/users/${userId}`) } }
    if (assignment.groupId !== null) links.group = { name: assignment.groupName, href: this.href(`/api/v1/groups/${assignment.groupId}`) }
    const view: Json = {
      id: userId,
      externalId: null,
      created: assignment.created,
      lastUpdated: assignment.created,
      scope: assignment.scope,
      status: 'ACTIVE',
      statusChanged: assignment.created,
      passwordChanged: null,
      syncState: 'DISABLED',
      credentials: { userName: profile.login },
      profile: { email: profile.email ?? null, firstName: profile.firstName ?? null, lastName: profile.lastName ?? null }
    }
    if (embedUser) view._embedded = { user: this.user(user, false) }
    view._links = links
    return view
  }

  appGroup(appId: string, groupId: string, priority: number, lastUpdated: string, group: Json | null): Json {
    const view: Json = { id: groupId, lastUpdated, priority, profile: {} }
    if (group) view._embedded = { group: this.group(group, null) }
    view._links = {
      app: { href: this.href(`/api/v1/apps/${appId}`) },
      self: { href: this.href(`/api/v1/apps/${appId}/groups/${groupId}`) },
      group: { href: this.href(`/api/v1/groups/${groupId}`) }
    }
    return view
  }
}
