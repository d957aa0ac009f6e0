/**
 * A connection's health at a glance, for the workspace dashboard: its credentials (tested, failing,
 * an Entra secret close to expiry), its directory snapshot's age, its newest preview (waiting to
 * sync, out of date, blocked by the guardrail), its last sync, and its single sign-on (set up,
 * tested, applied). Each line says what it found in the admin's words and, when something needs
 * doing, the one action that does it and where.
 */
import type { Connection, PlanView, RunView, SsoState } from '../../../../src-shared/contract'
import { expiryDay, secretExpiryState } from '../../../../src-shared/entra-setup'
import { timeAgo } from '../../components/time-text'
import { connectionPath, previewPath, paths } from '../../shell/areas'

export type HealthLevel = 'ok' | 'info' | 'warning' | 'problem'

export interface HealthAction {
  label: string
  path: string
}

export interface HealthItem {
  key: 'credentials' | 'snapshot' | 'plan' | 'run' | 'sso'
  label: string
  level: HealthLevel
  text: string
  action: HealthAction | null
}

export interface ConnectionHealthInput {
  connection: Connection
  /** The newest preview (null: none yet); undefined while it is being read. */
  plan: PlanView | null | undefined
  /** The newest sync run of this connection, or null. */
  lastRun: RunView | null
  /** Single sign-on state; undefined while it is being read. */
  sso: SsoState | undefined
}

/** A snapshot older than this is worth fetching again before the next preview. */
export const staleSnapshotDays = 7

const dayMs = 86_400_000
const levelOrder: readonly HealthLevel[] = ['ok', 'info', 'warning', 'problem']

export function worstLevel(items: readonly HealthItem[]): HealthLevel {
  return items.reduce<HealthLevel>((worst, item) => (levelOrder.indexOf(item.level) > levelOrder.indexOf(worst) ? item.level : worst), 'ok')
}

export function connectionHealth(input: ConnectionHealthInput, now: Date): HealthItem[] {
  const items = [credentials(input.connection, now), snapshot(input.connection, now)]
  if (input.plan !== undefined) items.push(plan(input.connection, input.plan))
  items.push(run(input.connection, input.lastRun, now))
  if (input.sso) items.push(sso(input.connection, input.sso, now))
  return items
}

function credentials(connection: Connection, now: Date): HealthItem {
  const details = (label: string): HealthAction => ({ label, path: connectionPath(connection.id, 'details') })
  const item = (level: HealthLevel, text: string, action: HealthAction | null): HealthItem => ({ key: 'credentials', label: 'Credentials', level, text, action })
  const entra = connection.entra
  if (connection.okta && !connection.okta.credentialSet) return item('problem', connection.okta.authMode === 'api_token' ? 'No API token is saved for this org.' : 'No private key is saved for the service app.', details('Enter the credentials'))
  if (entra?.signIn === 'application' && !entra.secretSet) return item('problem', 'No client secret is saved for the app registration.', details('Enter the client secret'))
  if (entra?.signIn === 'delegated' && entra.authorizedAs === null) return item('problem', 'Nobody has authorized Identity Studio to read this tenant yet.', details('Authorize'))
  if (entra?.secretExpiresAt && entra.signIn === 'application') {
    const { days, level } = secretExpiryState(entra.secretExpiresAt, now)
    const day = expiryDay(entra.secretExpiresAt)
    if (level === 'expired') return item('problem', `The client secret expired on ${day}: make a new one in Azure (Certificates & secrets) and enter it.`, details('Enter the new secret'))
    const left = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`
    if (level !== 'ok') return item(level === 'urgent' ? 'problem' : 'warning', `The client secret expires ${left} (${day}): make a new one in Azure before then.`, details('Replace the secret'))
  }
  const test = connection.lastTest
  if (!test) return item('warning', 'Not tested yet.', details('Test the connection'))
  if (!test.ok) {
    const failed = test.items.find((each) => !each.ok)
    return item('problem', `The last test failed${failed ? ` — ${failed.label}: ${failed.message}` : '.'}`, details('Test again'))
  }
  return item('ok', `Tested ${timeAgo(test.checkedAt, now)}; everything Identity Studio needs works.`, null)
}

function snapshot(connection: Connection, now: Date): HealthItem {
  const item = (level: HealthLevel, text: string, action: HealthAction | null): HealthItem => ({ key: 'snapshot', label: 'Directory', level, text, action })
  const fetched = connection.snapshot
  if (!fetched) return item('warning', 'The directory has not been fetched yet: mappings and previews need a snapshot.', { label: 'Fetch the directory', path: connectionPath(connection.id, 'details') })
  const text = `${fetched.people.toLocaleString('en')} people and ${fetched.groups.toLocaleString('en')} groups, fetched ${timeAgo(fetched.fetchedAt, now)}.`
  if (now.getTime() - Date.parse(fetched.fetchedAt) > staleSnapshotDays * dayMs) return item('warning', `${text} Fetch again before the next preview.`, { label: 'Fetch again', path: connectionPath(connection.id, 'details') })
  return item('ok', text, null)
}

function changeCount(view: PlanView): number {
  return (['users', 'agents'] as const).reduce((sum, scope) => sum + Object.entries(view.summary[scope]).reduce((count, [action, n]) => (action === 'unchanged' || action === 'skipped' ? count : count + n), 0), 0)
}

function plan(connection: Connection, view: PlanView | null): HealthItem {
  const item = (level: HealthLevel, text: string, action: HealthAction | null): HealthItem => ({ key: 'plan', label: 'Preview', level, text, action })
  const open = (label: string): HealthAction => ({ label, path: previewPath(connection.id) })
  if (!view) return item('info', 'No preview yet.', { label: 'Build a preview', path: connectionPath(connection.id, 'imports') })
  if (view.state !== 'ready') return item('ok', 'Nothing waiting: the newest preview has been synced.', null)
  const changes = changeCount(view)
  if (view.guardrail.blocked) return item('problem', `The guardrail blocks this preview's sync: ${view.guardrail.message ?? `${view.guardrail.deactivations} deactivations`}`, open('Review the preview'))
  if (view.stale.length > 0) return item('warning', `The preview no longer matches its inputs (${view.stale[0] ?? ''}): build it again before syncing.`, { label: 'Build it again', path: connectionPath(connection.id, 'imports') })
  if (changes === 0) return item('ok', 'The newest preview has nothing to change in Halo.', null)
  return item('info', `${changes.toLocaleString('en')} change${changes === 1 ? '' : 's'} waiting to sync (${view.scope}).`, open('Open the preview'))
}

function run(connection: Connection, last: RunView | null, now: Date): HealthItem {
  const item = (level: HealthLevel, text: string, action: HealthAction | null): HealthItem => ({ key: 'run', label: 'Last sync', level, text, action })
  if (!last) return item('info', 'Never synced to Halo.', null)
  const when = timeAgo(last.finishedAt ?? last.startedAt, now)
  const { done, failed, pending } = last.counts
  switch (last.state) {
    case 'running':
      return item('info', `Running: ${done.toLocaleString('en')} of ${last.counts.total.toLocaleString('en')} done.`, { label: 'Watch it', path: previewPath(connection.id) })
    case 'interrupted':
      return item('problem', `Interrupted ${when} with ${pending.toLocaleString('en')} records still to send: resume it, nothing is sent twice.`, { label: 'Resume the sync', path: previewPath(connection.id) })
    case 'failed':
      return item('problem', `Failed ${when}: ${last.error ?? 'see the report'}`, { label: 'Open the report', path: paths.runs })
    case 'cancelled':
      return item('warning', `Cancelled ${when} with ${pending.toLocaleString('en')} records not sent.`, { label: 'Open the preview', path: previewPath(connection.id) })
    case 'completed':
      return failed > 0
        ? item('warning', `Finished ${when}: ${done.toLocaleString('en')} done, ${failed.toLocaleString('en')} failed.`, { label: 'Open the report', path: paths.runs })
        : item('ok', `Finished ${when}: ${done.toLocaleString('en')} records done, none failed.`, null)
  }
}

function sso(connection: Connection, state: SsoState, now: Date): HealthItem {
  const item = (level: HealthLevel, text: string, actionLabel: string | null): HealthItem => ({ key: 'sso', label: 'Single sign-on', level, text, action: actionLabel ? { label: actionLabel, path: connectionPath(connection.id, 'sso') } : null })
  if (!state.saved) return item('info', 'Not set up.', 'Set up single sign-on')
  const applied = state.lastApply
  if (!state.tested) {
    if (applied?.override) return item('warning', `Applied to Halo ${timeAgo(applied.at, now)} without a passing test sign-in.`, 'Test sign-in')
    return item('warning', state.lastTest && !state.lastTest.ok ? `The last test sign-in failed: ${state.lastTest.message}` : 'Not tested with these settings.', 'Test sign-in')
  }
  if (!applied) return item('info', 'A test sign-in passed; not applied to Halo yet.', 'Apply to Halo')
  if (applied.settingsHash !== state.lastTest?.settingsHash) return item('warning', 'The settings changed since they were applied to Halo.', 'Apply to Halo')
  return item('ok', `Tested and applied to Halo ${timeAgo(applied.at, now)}.`, null)
}
