/** A connection's health lines: credentials (untested, failing, a secret close to expiry), snapshot age, the preview (waiting, stale, blocked), the last sync, and single sign-on, each with the action that fixes it. */
import { describe, expect, it } from 'vitest'
import type { Connection, PlanView, RunView, SsoState } from '../../../../src-shared/contract'
import { connectionHealth, worstLevel, type ConnectionHealthInput, type HealthItem } from './connection-health'

const now = new Date('2026-12-01T12:00:00.000Z')
const hoursAgo = (hours: number): string => new Date(now.getTime() - hours * 3600_000).toISOString()

const okta: Connection = {
  id: 'c1',
  kind: 'okta',
  name: 'Northwind Okta',
  haloInstanceId: 'h1',
  haloInstanceName: 'Production Halo',
  okta: { orgUrl: 'https://northwind.okta.com', authMode: 'api_token', clientId: null, keyId: null, credentialSet: true, warnings: [] },
  entra: null,
  lastTest: { checkedAt: hoursAgo(2), ok: true, items: [{ key: 'token', label: 'API token', ok: true, message: 'Works.', count: null }] },
  snapshot: { id: 's1', fetchedAt: hoursAgo(3), people: 1200, groups: 35, memberships: 5000, apps: 4, statusCounts: { ACTIVE: 1200 }, requests: 40, rateLimited: 0, durationMs: 4000 }
}

const entra: Connection = {
  ...okta,
  id: 'c2',
  kind: 'entra',
  name: 'Northwind Entra ID',
  okta: null,
  entra: {
    tenantType: 'single',
    signIn: 'application',
    tenantId: 'northwindtraders.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    authorityHost: 'https://login.microsoftonline.com',
    graphHost: 'https://graph.microsoft.com',
    delta: true,
    devices: false,
    secretExpiresAt: '2026-12-06T00:00:00.000Z',
    secretExpirySource: 'graph',
    authorizedAs: null,
    authorizedAt: null,
    secretSet: true,
    deltaReady: true
  }
}

const counts = (change: Partial<Record<string, number>> = {}): PlanView['summary']['users'] => ({ create: 0, update: 0, deactivate: 0, reactivate: 0, unchanged: 0, skipped: 0, conflict: 0, ...change })

const plan: PlanView = {
  id: 'p1',
  connectionId: 'c1',
  scope: 'users',
  builtAt: hoursAgo(1),
  state: 'ready',
  inputs: { snapshotFetchedAt: hoursAgo(3), haloReadAt: hoursAgo(1), haloLive: true, haloOffline: null },
  summary: { users: counts({ create: 12, update: 3, unchanged: 900 }), agents: counts(), sites: [], warnings: 0, tickets: 0, licences: { linked: 0, unlinked: 0, assigned: 0, unassigned: 0 } },
  guardrail: { deactivations: 0, base: 900, percent: 0, maxDeactivations: 500, maxPercent: 20, blocked: false, message: null },
  sites: [],
  licences: [],
  cabChanges: 0,
  stale: [],
  siteNames: [],
  rehearsal: null
}

const run: RunView = {
  id: 'r1',
  connectionId: 'c1',
  planId: 'p0',
  state: 'completed',
  trigger: 'app',
  startedAt: hoursAgo(25),
  finishedAt: hoursAgo(24),
  error: null,
  allowDeactivations: null,
  counts: { total: 40, pending: 0, sent: 0, done: 40, failed: 0, skipped: 0 },
  summary: plan.summary
}

const sso: SsoState = {
  settings: { kind: 'okta', enabled: true, clientId: '0oa1b2c3d4e5f6g7h8i9', server: { kind: 'org' }, audience: 'both', autoRedirect: false },
  haloConnectionId: null,
  lastCheck: null,
  lastTest: { settingsHash: 'h1', at: hoursAgo(5), ok: true, message: 'Ada signed in.', claims: null, halo: { userId: null, agentId: 4 } },
  lastApply: { at: hoursAgo(4), settingsHash: 'h1', override: false, changes: [] },
  tested: true,
  saved: true,
  issuer: 'https://northwind.okta.com',
  redirectUris: []
}

const healthy: ConnectionHealthInput = { connection: okta, plan: { ...plan, state: 'synced' }, lastRun: run, sso }
const line = (items: HealthItem[], key: HealthItem['key']): HealthItem | undefined => items.find((item) => item.key === key)
const expectLine = (item: HealthItem | undefined, level: HealthItem['level'], text: RegExp): void => {
  expect(item?.level).toBe(level)
  expect(item?.text).toMatch(text)
}

describe('connection health', () => {
  it('is all OK for a tested, fetched, synced connection with SSO applied, with nothing to do', () => {
    const items = connectionHealth(healthy, now)
    expect(items.map((item) => [item.key, item.level])).toEqual([['credentials', 'ok'], ['snapshot', 'ok'], ['plan', 'ok'], ['run', 'ok'], ['sso', 'ok']])
    expect(items.every((item) => item.action === null)).toBe(true)
    expect(worstLevel(items)).toBe('ok')
    expect(line(items, 'snapshot')?.text).toBe('1,200 people and 35 groups, fetched 3 hours ago.')
    expect(line(items, 'run')?.text).toBe('Finished yesterday: 40 records done, none failed.')
  })

  it('says failing or missing credentials, and an Entra secret about to expire, with the Details tab to fix them', () => {
    const failing = connectionHealth({ ...healthy, connection: { ...okta, lastTest: { checkedAt: hoursAgo(1), ok: false, items: [{ key: 'token', label: 'API token', ok: false, message: 'Okta refused the token (E0000011).', count: null }] } } }, now)
    expect(line(failing, 'credentials')).toEqual({ key: 'credentials', label: 'Credentials', level: 'problem', text: 'The last test failed — API token: Okta refused the token (E0000011).', action: { label: 'Test again', path: '/connections/c1?tab=details' } })
    expect(worstLevel(failing)).toBe('problem')
    expect(line(connectionHealth({ ...healthy, connection: { ...okta, lastTest: null } }, now), 'credentials')).toMatchObject({ level: 'warning', text: 'Not tested yet.', action: { label: 'Test the connection' } })
    expect(line(connectionHealth({ ...healthy, connection: entra }, now), 'credentials')).toMatchObject({ level: 'problem', text: 'The client secret expires in 4 days (6 December 2026): make a new one in Azure before then.', action: { label: 'Replace the secret', path: '/connections/c2?tab=details' } })
    const later = entra.entra && { ...entra.entra, secretExpiresAt: '2026-12-25T00:00:00.000Z' }
    expectLine(line(connectionHealth({ ...healthy, connection: { ...entra, entra: later } }, now), 'credentials'), 'warning', /^The client secret expires in 23 days/)
    const expired = entra.entra && { ...entra.entra, secretExpiresAt: '2026-11-20T00:00:00.000Z' }
    expectLine(line(connectionHealth({ ...healthy, connection: { ...entra, entra: expired } }, now), 'credentials'), 'problem', /^The client secret expired on 20 November 2026/)
  })

  it('asks for a fetch when there is no snapshot or it is more than a week old', () => {
    expect(line(connectionHealth({ ...healthy, connection: { ...okta, snapshot: null } }, now), 'snapshot')).toMatchObject({ level: 'warning', action: { label: 'Fetch the directory' } })
    const old = okta.snapshot && { ...okta.snapshot, fetchedAt: hoursAgo(24 * 9) }
    expectLine(line(connectionHealth({ ...healthy, connection: { ...okta, snapshot: old } }, now), 'snapshot'), 'warning', /Fetch again before the next preview\.$/)
  })

  it('says a preview waiting to sync, one out of date, and one the guardrail blocks', () => {
    expect(line(connectionHealth({ ...healthy, plan }, now), 'plan')).toEqual({ key: 'plan', label: 'Preview', level: 'info', text: '15 changes waiting to sync (users).', action: { label: 'Open the preview', path: '/connections/c1/preview' } })
    expect(line(connectionHealth({ ...healthy, plan: { ...plan, stale: ['the field mappings changed'] } }, now), 'plan')).toMatchObject({ level: 'warning', action: { label: 'Build it again', path: '/connections/c1?tab=imports' } })
    const blocked = { ...plan, guardrail: { ...plan.guardrail, deactivations: 700, blocked: true, message: '700 deactivations is more than the 500 allowed.' } }
    expect(line(connectionHealth({ ...healthy, plan: blocked }, now), 'plan')).toMatchObject({ level: 'problem', text: "The guardrail blocks this preview's sync: 700 deactivations is more than the 500 allowed.", action: { label: 'Review the preview' } })
    expect(line(connectionHealth({ ...healthy, plan: null }, now), 'plan')).toMatchObject({ level: 'info', text: 'No preview yet.' })
    expect(line(connectionHealth({ ...healthy, plan: undefined }, now), 'plan')).toBeUndefined()
  })

  it('says an interrupted, failed or partly failed sync, with where to resume or read the report', () => {
    expect(line(connectionHealth({ ...healthy, lastRun: { ...run, state: 'interrupted', counts: { ...run.counts, done: 30, pending: 10 } } }, now), 'run')).toMatchObject({ level: 'problem', text: 'Interrupted yesterday with 10 records still to send: resume it, nothing is sent twice.', action: { label: 'Resume the sync', path: '/connections/c1/preview' } })
    expect(line(connectionHealth({ ...healthy, lastRun: { ...run, state: 'failed', error: 'Halo refused the token.' } }, now), 'run')).toMatchObject({ level: 'problem', text: 'Failed yesterday: Halo refused the token.', action: { label: 'Open the report', path: '/runs' } })
    expect(line(connectionHealth({ ...healthy, lastRun: { ...run, counts: { ...run.counts, done: 38, failed: 2 } } }, now), 'run')).toMatchObject({ level: 'warning', text: 'Finished yesterday: 38 done, 2 failed.' })
    expect(line(connectionHealth({ ...healthy, lastRun: null }, now), 'run')).toMatchObject({ level: 'info', text: 'Never synced to Halo.' })
  })

  it('says single sign-on not set up, not tested, tested but not applied, applied without a test, and changed since applied', () => {
    const ssoLine = (state: SsoState): HealthItem | undefined => line(connectionHealth({ ...healthy, sso: state }, now), 'sso')
    expect(ssoLine({ ...sso, saved: false, tested: false, lastTest: null, lastApply: null })).toMatchObject({ level: 'info', text: 'Not set up.', action: { label: 'Set up single sign-on', path: '/connections/c1?tab=sso' } })
    expect(ssoLine({ ...sso, tested: false, lastApply: null, lastTest: { ...(sso.lastTest as NonNullable<SsoState['lastTest']>), ok: false, message: 'The person is not assigned to the app.' } })).toMatchObject({ level: 'warning', text: 'The last test sign-in failed: The person is not assigned to the app.', action: { label: 'Test sign-in' } })
    expect(ssoLine({ ...sso, lastApply: null })).toMatchObject({ level: 'info', text: 'A test sign-in passed; not applied to Halo yet.', action: { label: 'Apply to Halo' } })
    expect(ssoLine({ ...sso, tested: false, lastTest: null, lastApply: { ...(sso.lastApply as NonNullable<SsoState['lastApply']>), override: true } })).toMatchObject({ level: 'warning', text: 'Applied to Halo 4 hours ago without a passing test sign-in.' })
    expect(ssoLine({ ...sso, lastTest: { ...(sso.lastTest as NonNullable<SsoState['lastTest']>), settingsHash: 'h2' } })).toMatchObject({ level: 'warning', text: 'The settings changed since they were applied to Halo.' })
  })
})
