/**
 * The optional dry rehearsal before a sync: this exact preview synced to a throwaway sandbox copy of
 * the Halo it was built against (Halo's checks, the same executor, nothing written to Halo or the
 * directory), with its progress, then what went through and what Halo would refuse, in Halo's words.
 */
import { Alert, Button, Progress, Stack, Text } from '@mantine/core'
import { IconFlask } from '@tabler/icons-react'
import type { PlanView, Rehearsal } from '../../../../../src-shared/contract'
import { useRehearsal } from '../../../api/plans'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SectionCard } from '../../../components/SectionCard'
import { FailedRecordsTable } from './FailedRecordsTable'

const phaseLabels: Record<Rehearsal['failures'][number]['phase'], string> = {
  licences: 'Software licence',
  sites: 'Site',
  users: 'User',
  agents: 'Agent',
  directory: 'Directory licences',
  cabs: 'CAB members',
  tickets: 'Onboarding ticket'
}

export function RehearsalCard({ view }: { view: PlanView }): React.JSX.Element {
  const rehearsal = useRehearsal(view.connectionId)
  const result = view.rehearsal
  const { progress } = rehearsal
  return (
    <SectionCard
      title="Rehearse on a sandbox first (optional)"
      description="Runs this exact sync against a throwaway copy of your Halo, made from what Identity Studio last read of it. Halo's own checks apply; nothing is written to your Halo or your directory, and the copy is deleted afterwards."
    >
      <Stack gap="sm">
        <Button
          leftSection={<IconFlask size={16} aria-hidden />}
          variant="default"
          loading={rehearsal.running}
          disabled={view.stale.length > 0}
          onClick={() => rehearsal.start(view.id)}
          style={{ alignSelf: 'flex-start' }}
        >
          {result ? 'Rehearse again' : 'Rehearse the sync'}
        </Button>
        {view.stale.length > 0 && (
          <Text size="sm" c="dimmed">
            Build the preview again first: a rehearsal runs the preview a sync would send.
          </Text>
        )}
        {rehearsal.running && progress?.total != null && (
          <Stack gap={4} role="status" aria-label="Rehearsal progress">
            <Text size="sm">
              Rehearsing… {progress.done.toLocaleString()} of {progress.total.toLocaleString()} operations
            </Text>
            <Progress value={progress.total === 0 ? 100 : (progress.done / progress.total) * 100} animated aria-label="Rehearsal progress" />
          </Stack>
        )}
        {rehearsal.error && <ErrorNotice title="The rehearsal could not run" error={rehearsal.error} />}
        {result && !rehearsal.running && <RehearsalResult result={result} />}
      </Stack>
    </SectionCard>
  )
}

function RehearsalResult({ result }: { result: Rehearsal }): React.JSX.Element {
  const { counts } = result
  const when = new Date(result.rehearsedAt).toLocaleString()
  const seconds = Math.max(1, Math.round(result.durationMs / 1000))
  const skipped = counts.skipped > 0 ? ` ${counts.skipped.toLocaleString()} would be skipped (see the full preview).` : ''
  const directory = result.directoryChanges > 0 ? ` ${result.directoryChanges.toLocaleString()} licence change${result.directoryChanges === 1 ? '' : 's'} in the directory were counted, not made.` : ''
  if (result.state === 'interrupted') {
    return (
      <Alert color="red" variant="light" title="The rehearsal stopped before the end" role="alert">
        {result.error} {counts.done.toLocaleString()} of {counts.total.toLocaleString()} operations had gone through. Nothing was written to your Halo.
      </Alert>
    )
  }
  if (counts.failed === 0) {
    return (
      <Alert color="teal" variant="light" title="Rehearsal passed">
        All {counts.done.toLocaleString()} operation{counts.done === 1 ? '' : 's'} went through on the sandbox copy in {seconds} s ({when}).{skipped}
        {directory} Nothing was written to your Halo.
      </Alert>
    )
  }
  return (
    <Stack gap="xs">
      <Alert color="orange" variant="light" title={`Halo would refuse ${counts.failed.toLocaleString()} of ${counts.total.toLocaleString()} operations`} role="alert">
        {counts.done.toLocaleString()} went through on the sandbox copy ({when}).{skipped}
        {directory} Fix what Halo says below in the mappings or in Halo, build the preview again and rehearse again — or sync anyway: the others go through, and these fail with the same words.
      </Alert>
      <FailedRecordsTable
        label="Records Halo would refuse"
        rows={result.failures.map((failure, index) => ({ key: String(index), record: `${phaseLabels[failure.phase]}: ${failure.name ?? '(no name)'}`, error: failure.error }))}
      />
      {counts.failed > result.failures.length && (
        <Text size="sm" c="dimmed">
          The first {result.failures.length} are shown.
        </Text>
      )}
    </Stack>
  )
}
