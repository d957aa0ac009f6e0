/**
 * Syncing a preview: what the sync will send, the guardrail (a blocked plan syncs only after the
 * admin types its exact number of deactivations), a stale preview's reasons with a rebuild, then the
 * progress bar with counts, rate and time left, Cancel (the batch in flight finishes), Resume, and
 * the result with the report's failures and its exports.
 */
import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Progress, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconDownload, IconPlayerPlay, IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import type { PlanView } from '../../../../../src-shared/contract'
import { useDownload, useRunReport, useSync } from '../../../api/plans'
import { useStudioClient } from '../../../api/studio-context'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SectionCard } from '../../../components/SectionCard'
import { FailedRecordsTable } from './FailedRecordsTable'
import { hasWork, recordWrites } from './plan-work'

export interface SyncPanelProps {
  view: PlanView
  onRebuild: () => void
  rebuilding: boolean
  /** A run of this connection to show (an unfinished one, or the last), when there is one. */
  runId: string | null
}

export function SyncPanel({ view, onRebuild, rebuilding, runId }: SyncPanelProps): React.JSX.Element {
  const sync = useSync(view.connectionId, runId)
  const [allow, setAllow] = useState<number | ''>('')
  const { guardrail } = view
  const run = sync.run
  const active = run?.state === 'running'
  const counts = run?.counts
  const settled = counts ? counts.done + counts.failed + counts.skipped : 0
  const writes = recordWrites(view)
  const overridden = !guardrail.blocked || allow === guardrail.deactivations
  const canStart = view.stale.length === 0 && overridden && !active && hasWork(view)
  const rate = sync.progress && run && active ? rateText(sync.progress.etaMs) : null
  return (
    <SectionCard title="Sync" description="Applies exactly this preview through the Halo API, in batches, within Halo's rate limit. A sync that stops resumes where it stopped.">
      <Stack gap="md">
        {/* A stopped run of this very preview is resumed, not rebuilt (a preview counts as synced once its run starts). */}
        {view.stale.length > 0 && (!run || run.planId !== view.id) && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This preview needs rebuilding before a sync">
            <Stack gap="xs">
              <Text size="sm">{view.stale.join(' ')}</Text>
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={rebuilding} onClick={onRebuild} style={{ alignSelf: 'flex-start' }}>
                Rebuild the preview
              </Button>
            </Stack>
          </Alert>
        )}
        {guardrail.blocked && view.stale.length === 0 && !run && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Blocked by the guardrail" role="alert">
            <Stack gap="xs">
              <Text size="sm">{guardrail.message}</Text>
              <Text size="sm">Check the deactivations in the table (filter Deactivate). To go ahead anyway, type the number of deactivations this sync may make.</Text>
              <NumberInput
                label="Deactivations to allow"
                description={`Exactly ${guardrail.deactivations.toLocaleString()}.`}
                w={260}
                min={0}
                allowDecimal={false}
                value={allow}
                onChange={(value) => setAllow(typeof value === 'number' ? value : '')}
                error={allow !== '' && allow !== guardrail.deactivations ? `Type ${guardrail.deactivations} to allow this sync's deactivations.` : undefined}
              />
            </Stack>
          </Alert>
        )}
        {!run && (
          <Group gap="sm">
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} disabled={!canStart} loading={sync.starting} onClick={() => void sync.start(view.id, guardrail.blocked ? guardrail.deactivations : null)}>
              Sync {writes.toLocaleString()} record{writes === 1 ? '' : 's'}
            </Button>
            <Text size="sm" c="dimmed">
              {phasesText(view)}
            </Text>
          </Group>
        )}
        {sync.error && <ErrorNotice title="The sync did not start" error={sync.error} />}
        {run && counts && (
          <Stack gap="xs" role="region" aria-label="Sync progress">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {run.state === 'completed' ? 'Sync finished' : run.state === 'running' ? 'Syncing…' : run.state === 'cancelled' ? 'Sync cancelled' : 'Sync stopped'}
              </Text>
              <Text size="sm" c="dimmed">
                {settled.toLocaleString()} of {counts.total.toLocaleString()} operations{rate ? ` · ${rate}` : ''}
              </Text>
            </Group>
            <Progress value={counts.total === 0 ? 100 : (settled / counts.total) * 100} color={counts.failed > 0 ? 'orange' : run.state === 'completed' ? 'teal' : 'blue'} animated={active} aria-label="Sync progress" />
            <Text size="sm">
              {counts.done.toLocaleString()} done · {counts.failed.toLocaleString()} failed · {counts.skipped.toLocaleString()} skipped
            </Text>
            {run.error && run.state !== 'completed' && (
              <Text size="sm" c="orange">
                {run.error}
                {run.state === 'interrupted' ? ' Resume once that is fixed: the sync goes on where it stopped, with nothing sent twice.' : ''}
              </Text>
            )}
            <Group gap="xs">
              {active && (
                <Button size="xs" variant="default" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={sync.cancel}>
                  Cancel
                </Button>
              )}
              {(run.state === 'cancelled' || run.state === 'interrupted') && (
                <Button size="xs" leftSection={<IconPlayerPlay size={14} aria-hidden />} onClick={sync.resume}>
                  Resume
                </Button>
              )}
            </Group>
            {run.state === 'completed' && <RunResult runId={run.id} failed={counts.failed} />}
            {run.state === 'completed' && (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  To sync again, rebuild the preview: it then compares with Halo as this sync left it.
                </Text>
                <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={rebuilding} onClick={onRebuild}>
                  Rebuild the preview
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </SectionCard>
  )
}

/** The order a sync sends things in, for this preview. */
function phasesText(view: PlanView): string {
  const records = view.scope === 'both' ? 'users, then agents' : view.scope
  const entra = view.summary.licences.assigned + view.summary.licences.unassigned
  const steps = [
    ...(view.licences.length > 0 ? [`${view.licences.length} software licence${view.licences.length === 1 ? '' : 's'}`] : []),
    ...(view.sites.length > 0 ? [`${view.sites.length} new site${view.sites.length === 1 ? '' : 's'}`] : []),
    records,
    ...(entra > 0 ? [`${entra} licence change${entra === 1 ? '' : 's'} in Entra ID`] : []),
    ...(view.cabChanges > 0 ? ['CAB members'] : []),
    ...(view.summary.tickets > 0 ? [`${view.summary.tickets} onboarding ticket${view.summary.tickets === 1 ? '' : 's'}`] : [])
  ]
  return `In this order: ${steps.join(', then ')}.`
}

function rateText(etaMs: number | null): string | null {
  if (etaMs === null) return null
  const seconds = Math.round(etaMs / 1000)
  return seconds < 60 ? `about ${Math.max(1, seconds)} s left` : `about ${Math.round(seconds / 60)} min left`
}

/** The finished run: its failures with Halo's words, and the whole report as a file. */
function RunResult({ runId, failed }: { runId: string; failed: number }): React.JSX.Element {
  const client = useStudioClient()
  const download = useDownload()
  const failures = useRunReport(runId, 'failed')
  return (
    <Stack gap="xs">
      {failed > 0 && (
        <FailedRecordsTable
          label="Failed records"
          rows={Array.from({ length: Math.min(failed, 20) }, (_, index) => failures.rowAt(index)).map((row, index) => ({ key: row ? String(row.seq) : `loading-${index}`, record: row?.ref ?? '', error: row?.error ?? '' }))}
        />
      )}
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download(() => client.call('sync:exportReport', { runId, format: 'csv' }), 'text/csv')}>
          Report (CSV)
        </Button>
        <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => void download(() => client.call('sync:exportReport', { runId, format: 'json' }), 'application/json')}>
          Report (JSON)
        </Button>
      </Group>
    </Stack>
  )
}
