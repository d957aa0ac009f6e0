/**
 * "Test credentials" on the Details tab (seed 000): who the credentials act as (the token's admin via
 * users/me; a service app has no user), then one page each of users, groups and apps — the three read
 * permissions the integration needs. Each line says what works, or why not and what to do in Okta.
 */
import type { Client } from '@okta/okta-sdk-nodejs'
import type { Checklist, ChecklistItem } from '../../../src-shared/contract'
import { oktaError } from './okta-errors'
import type { PacedExecutor } from './paced-executor'

type Loose = Record<string, unknown>

interface Pager {
  nextUri?: string
  getNextPage(): Promise<Loose[]>
}

export async function checkOktaCredentials(options: {
  client: Client
  executor: PacedExecutor
  orgUrl: string
  authMode: 'api_token' | 'service_app'
  now: () => Date
}): Promise<Checklist> {
  const { client, executor, orgUrl } = options
  const items: ChecklistItem[] = []
  const failure = (error: unknown, what: string): string => oktaError(error, { orgUrl, what, tokenError: executor.lastTokenError }).message
  const isSignInFailure = (error: unknown): boolean => oktaError(error, { orgUrl, what: '', tokenError: executor.lastTokenError }).code === 'SIGN_IN_REQUIRED'

  if (options.authMode === 'api_token') {
    try {
      const me = (await client.userApi.getUser({ userId: 'me' })) as unknown as Loose
      const profile = (me.profile ?? {}) as Loose
      items.push({ key: 'auth', label: 'Token accepted', ok: true, message: `Acting as ${String(profile.login ?? me.id)}.`, count: null })
    } catch (error) {
      items.push({ key: 'auth', label: 'Token accepted', ok: false, message: failure(error, 'the token owner'), count: null })
      if (isSignInFailure(error)) return finish(items, options.now, 'Not checked: the token was refused.')
    }
  }

  const reads: Array<{ key: string; label: string; what: string; open: () => Promise<unknown> }> = [
    { key: 'users', label: 'Users readable', what: 'users', open: () => client.userApi.listUsers({ limit: 1 }) },
    { key: 'groups', label: 'Groups readable', what: 'groups', open: () => client.groupApi.listGroups({ limit: 1 }) },
    { key: 'apps', label: 'Apps readable', what: 'apps', open: () => client.applicationApi.listApplications({ limit: 1 }) }
  ]
  for (const read of reads) {
    try {
      // A list call sends nothing until a page is asked for (okta.md §1.1).
      const collection = (await read.open()) as Pager
      await collection.getNextPage()
      items.push({ key: read.key, label: read.label, ok: true, message: `Okta lets these credentials read ${read.what}.`, count: null })
    } catch (error) {
      items.push({ key: read.key, label: read.label, ok: false, message: failure(error, read.what), count: null })
      if (options.authMode === 'service_app' && items.length === 1 && isSignInFailure(error)) {
        items.unshift({ key: 'auth', label: 'Service app signed in', ok: false, message: items.pop()?.message ?? '', count: null })
        return finish(items, options.now, 'Not checked: the service app could not sign in.')
      }
    }
  }
  if (options.authMode === 'service_app') {
    const signedIn = items.some((item) => item.ok)
    items.unshift({ key: 'auth', label: 'Service app signed in', ok: true, message: signedIn ? 'Okta issued an access token for the read scopes.' : 'Okta issued an access token.', count: null })
  }
  return { checkedAt: options.now().toISOString(), ok: items.every((item) => item.ok), items }
}

function finish(items: ChecklistItem[], now: () => Date, skipped: string): Checklist {
  for (const [key, label] of [
    ['users', 'Users readable'],
    ['groups', 'Groups readable'],
    ['apps', 'Apps readable']
  ] as const) {
    if (!items.some((item) => item.key === key)) items.push({ key, label, ok: false, message: skipped, count: null })
  }
  return { checkedAt: now().toISOString(), ok: false, items }
}
