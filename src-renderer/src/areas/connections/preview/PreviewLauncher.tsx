/**
 * "Import users" / "Import agents" on the Imports tab (the seeds' buttons): builds a preview with the
 * saved mappings — Halo read first, or its cache when it cannot be reached — and opens it; links the
 * last preview; lists the connection's recent syncs. Unsaved mapping changes must be saved first.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { IconDeviceFloppy, IconUsers, IconUserShield } from '@tabler/icons-react'
import { Link, useNavigate } from 'react-router'
import type { PlanScope } from '../../../../../src-shared/plan/plan-schema'
import { useBuildPlan, useLatestPlan, useSyncRuns } from '../../../api/plans'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { RelativeTime } from '../../../components/RelativeTime'
import { SectionCard } from '../../../components/SectionCard'
import { previewPath } from '../../../shell/areas'
import { RunsTable } from '../../runs/RunsTable'

export function PreviewLauncher({ connectionId, unsaved }: { connectionId: string; unsaved: boolean }): React.JSX.Element {
  const navigate = useNavigate()
  const build = useBuildPlan()
  const latest = useLatestPlan(connectionId)
  const runs = useSyncRuns(connectionId)
  const start = (scope: PlanScope): void => build.mutate({ connectionId, scope, readHalo: true }, { onSuccess: () => void navigate(previewPath(connectionId)) })
  return (
    <SectionCard title="Preview and sync" description="See exactly what an import would do — every record created, updated or deactivated, and why — then apply it. Nothing is written to Halo until you sync.">
      <Stack gap="sm">
        {unsaved && (
          <Alert color="blue" variant="light" icon={<IconDeviceFloppy aria-hidden />}>
            A preview uses the saved mappings: save or discard your changes first.
          </Alert>
        )}
        <Group gap="sm">
          <Button leftSection={<IconUsers size={16} aria-hidden />} disabled={unsaved} loading={build.isPending && build.variables.scope === 'users'} onClick={() => start('users')}>
            Import users
          </Button>
          <Button variant="light" leftSection={<IconUserShield size={16} aria-hidden />} disabled={unsaved} loading={build.isPending && build.variables.scope === 'agents'} onClick={() => start('agents')}>
            Import agents
          </Button>
        </Group>
        {build.error && <ErrorNotice title="The preview could not be built" error={build.error} />}
        {latest.data && (
          <Text size="sm">
            Last preview built <RelativeTime iso={latest.data.builtAt} />.{' '}
            <Anchor component={Link} to={previewPath(connectionId)}>
              Open it
            </Anchor>
          </Text>
        )}
        {runs.data && runs.data.length > 0 && <RunsTable runs={runs.data.slice(0, 5)} label="Recent syncs" />}
      </Stack>
    </SectionCard>
  )
}
