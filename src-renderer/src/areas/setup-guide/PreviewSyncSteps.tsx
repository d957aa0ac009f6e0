/**
 * Steps 7 and 8: the first preview (built from the snapshot and Halo read live) with its summary
 * explained in words, and the first sync of exactly that preview — rehearsed first on a sandbox copy
 * of Halo if the admin wants — with its progress and result.
 * Both keep the full preview page one click away.
 */
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import type { PlanView } from '../../../../src-shared/contract'
import { useBuildPlan, useSyncRuns } from '../../api/plans'
import { ErrorNotice } from '../../components/ErrorNotice'
import { previewPath } from '../../shell/areas'
import { PlanSummary } from '../connections/preview/PlanSummary'
import { hasWork } from '../connections/preview/plan-work'
import { RehearsalCard } from '../connections/preview/RehearsalCard'
import { runToShow } from '../connections/preview/run-to-show'
import { SyncPanel } from '../connections/preview/SyncPanel'

function Explanation(): React.JSX.Element {
  return (
    <List size="sm" spacing={2}>
      <List.Item>
        <b>Create</b>: people Halo does not have yet. <b>Update</b>: people Halo has, with fields that differ (each change is listed on the full preview).
      </List.Item>
      <List.Item>
        <b>Deactivate</b> and <b>Reactivate</b>: people who left or came back, when deactivation is on. <b>Unchanged</b>: nothing to do.
      </List.Item>
      <List.Item>
        <b>Skipped</b>: people no mapping sends anywhere, or not active. <b>Conflict</b>: two Halo records match one person — choose one on the full preview.
      </List.Item>
    </List>
  )
}

export function PreviewStep({ connectionId, plan }: { connectionId: string; plan: PlanView | null | undefined }): React.JSX.Element {
  const build = useBuildPlan()
  const navigate = useNavigate()
  return (
    <Stack gap="md">
      <Text size="sm">A preview compares the snapshot with Halo as it is now and lists exactly what a sync would do. Nothing in Halo changes until you sync.</Text>
      <Button leftSection={<IconEye size={16} aria-hidden />} loading={build.isPending} onClick={() => build.mutate({ connectionId, scope: 'users', readHalo: true })} style={{ alignSelf: 'flex-start' }} variant={plan ? 'default' : 'filled'}>
        {plan ? 'Build the preview again' : 'Build the preview'}
      </Button>
      {build.error && <ErrorNotice title="The preview could not be built" error={build.error} />}
      {plan && plan.stale.length > 0 && (
        <Alert color="yellow" variant="light" title={plan.inputs.haloOffline ? 'Halo could not be reached' : 'This preview no longer matches its inputs'} role="alert">
          {plan.inputs.haloOffline ? `${plan.inputs.haloOffline} ` : ''}
          {plan.stale.join(' ')} {plan.inputs.haloOffline ? 'Once Halo answers, build the preview again.' : 'Build it again.'}
        </Alert>
      )}
      {plan && (
        <>
          <PlanSummary view={plan} selected={[]} onToggle={() => void navigate(previewPath(connectionId))} />
          <Explanation />
          <Anchor component={Link} to={previewPath(connectionId)} size="sm">
            Open the full preview: every person, field by field
          </Anchor>
        </>
      )}
    </Stack>
  )
}

export function SyncStep({ plan }: { plan: PlanView }): React.JSX.Element {
  const runs = useSyncRuns(plan.connectionId)
  const build = useBuildPlan()
  const run = runToShow(runs.data, plan)
  return (
    <Stack gap="md">
      <Text size="sm">The sync applies exactly the preview you reviewed, through the Halo API. It can be cancelled, and a sync that stops resumes where it stopped with nothing sent twice.</Text>
      {!runs.isPending && run?.planId !== plan.id && hasWork(plan) && <RehearsalCard view={plan} />}
      {!runs.isPending && <SyncPanel view={plan} onRebuild={() => build.mutate({ connectionId: plan.connectionId, scope: plan.scope, readHalo: true })} rebuilding={build.isPending} runId={run?.id ?? null} key={run?.id ?? 'none'} />}
    </Stack>
  )
}
