/**
 * A connection's preview (/connections/:id/preview): what the latest plan would do — counts per
 * action and per site, the rows in a virtualised table with search and filters (action, record
 * kind, site, warnings), a row's details with conflict resolution, CSV and JSON exports — built from
 * Halo read live or from its cache (said which), an optional rehearsal on a sandbox copy, and the sync of it. Without a preview yet it offers
 * to build one.
 */
import { useMemo, useState } from 'react'
import { Alert, Anchor, Button, Group, MultiSelect, Select, Skeleton, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconArrowLeft, IconCloudOff, IconDownload, IconRefresh, IconSearch, IconUsers, IconUserShield } from '@tabler/icons-react'
import { Link, useParams } from 'react-router'
import type { PlanView } from '../../../../../src-shared/contract'
import type { PlanAction, PlanRow, PlanScope } from '../../../../../src-shared/plan/plan-schema'
import { useConnections } from '../../../api/connections'
import { useBuildPlan, useDownload, useLatestPlan, useSyncRuns } from '../../../api/plans'
import { useStudioClient } from '../../../api/studio-context'
import { AreaEmptyState } from '../../../components/AreaEmptyState'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { PageHeader } from '../../../components/PageHeader'
import { RelativeTime } from '../../../components/RelativeTime'
import { connectionPath } from '../../../shell/areas'
import { actionLabels, shownActions } from './plan-labels'
import { PlanRowDrawer } from './PlanRowDrawer'
import { PlanSummary } from './PlanSummary'
import { PlanTable } from './PlanTable'
import { runToShow } from './run-to-show'
import { hasWork } from './plan-work'
import { RehearsalCard } from './RehearsalCard'
import { SyncPanel } from './SyncPanel'

const scopeLabels: Record<PlanScope, string> = { users: 'users', agents: 'agents', both: 'users and agents' }

export function PreviewPage(): React.JSX.Element {
  const { id = '' } = useParams()
  const connection = useConnections().data?.find((candidate) => candidate.id === id)
  const latest = useLatestPlan(id)
  const build = useBuildPlan()
  const rebuild = (scope: PlanScope): void => build.mutate({ connectionId: id, scope, readHalo: true })
  const view = latest.data ?? null
  return (
    <>
      <Anchor component={Link} to={connectionPath(id, 'imports')} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {connection?.name ?? 'Connection'}
      </Anchor>
      <PageHeader
        title={view ? `Preview: ${scopeLabels[view.scope]}` : 'Preview'}
        description={view ? <Inputs view={view} /> : 'What an import would do, before anything is written to Halo.'}
        actions={view && <PreviewActions view={view} onRebuild={() => rebuild(view.scope)} rebuilding={build.isPending} />}
      />
      {build.error && <ErrorNotice title="The preview could not be built" error={build.error} />}
      {latest.isPending && <Skeleton h={320} />}
      {latest.error && <ErrorNotice title="The preview could not be read" error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.data === null && (
        <AreaEmptyState
          icon={<IconUsers size={28} aria-hidden />}
          title="No preview yet"
          description="Build one: Identity Studio reads Halo, applies the saved mappings to the directory snapshot, and shows every record it would create, update or deactivate."
          actions={
            <Group gap="sm">
              <Button leftSection={<IconUsers size={16} aria-hidden />} loading={build.isPending} onClick={() => rebuild('users')}>
                Import users
              </Button>
              <Button variant="light" leftSection={<IconUserShield size={16} aria-hidden />} loading={build.isPending} onClick={() => rebuild('agents')}>
                Import agents
              </Button>
            </Group>
          }
        />
      )}
      {view && <PreviewBody key={view.id} view={view} onRebuild={() => rebuild(view.scope)} rebuilding={build.isPending} />}
    </>
  )
}

function Inputs({ view }: { view: PlanView }): React.JSX.Element {
  return (
    <Text span size="sm" c="dimmed">
      Built <RelativeTime iso={view.builtAt} /> from the directory fetched <RelativeTime iso={view.inputs.snapshotFetchedAt} />
      {view.inputs.haloLive ? ' and Halo read just before.' : view.inputs.haloReadAt ? <> and Halo’s cached state, read <RelativeTime iso={view.inputs.haloReadAt} />.</> : ' — Halo’s users have never been read.'}
    </Text>
  )
}

function PreviewActions({ view, onRebuild, rebuilding }: { view: PlanView; onRebuild: () => void; rebuilding: boolean }): React.JSX.Element {
  const client = useStudioClient()
  const download = useDownload()
  return (
    <>
      <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={rebuilding} onClick={onRebuild}>
        Rebuild
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download(() => client.call('plan:export', { planId: view.id, format: 'csv' }), 'text/csv')}>
        CSV
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download(() => client.call('plan:export', { planId: view.id, format: 'json' }), 'application/json')}>
        JSON
      </Button>
    </>
  )
}

function PreviewBody({ view, onRebuild, rebuilding }: { view: PlanView; onRebuild: () => void; rebuilding: boolean }): React.JSX.Element {
  const [search, setSearch] = useState('')
  const [settled] = useDebouncedValue(search, 250)
  const [actions, setActions] = useState<PlanAction[]>([])
  const [kind, setKind] = useState<'user' | 'agent' | null>(null)
  const [site, setSite] = useState<string | null>(null)
  const [warningsOnly, setWarningsOnly] = useState(false)
  const [open, setOpen] = useState<PlanRow | null>(null)
  const filter = useMemo(() => ({ search: settled, actions, kind, site, warningsOnly }), [settled, actions, kind, site, warningsOnly])
  const runs = useSyncRuns(view.connectionId)
  const run = runToShow(runs.data, view)
  const toggle = (action: PlanAction): void => setActions((current) => (current.includes(action) ? current.filter((each) => each !== action) : [...current, action]))
  return (
    <Stack gap="lg">
      {!view.inputs.haloLive && (
        <Alert color="gray" variant="light" icon={<IconCloudOff aria-hidden />} title="From Halo’s cached state">
          {view.inputs.haloOffline ? `Halo could not be reached: ${view.inputs.haloOffline} ` : ''}This preview compares with Halo as it was last read. To sync, rebuild it once Halo can be reached.
        </Alert>
      )}
      <PlanSummary view={view} selected={actions} onToggle={toggle} />
      {!runs.isPending && run?.planId !== view.id && hasWork(view) && <RehearsalCard view={view} />}
      <SyncPanel view={view} onRebuild={onRebuild} rebuilding={rebuilding} runId={runs.isPending ? null : (run?.id ?? null)} key={runs.isPending ? 'loading' : (run?.id ?? 'none')} />
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Name, email or Halo id" leftSection={<IconSearch size={16} aria-hidden />} value={search} onChange={(event) => setSearch(event.currentTarget.value)} style={{ flex: '1 1 220px' }} />
          <MultiSelect label="Actions" placeholder={actions.length === 0 ? 'All' : undefined} data={shownActions.map((action) => ({ value: action, label: actionLabels[action] }))} value={actions} onChange={(value) => setActions(value.filter((each): each is PlanAction => (shownActions as readonly string[]).includes(each)))} clearable style={{ flex: '1 1 220px' }} />
          {view.scope === 'both' && (
            <Select
              label="Record"
              placeholder="Users and agents"
              data={[
                { value: 'user', label: 'Users' },
                { value: 'agent', label: 'Agents' }
              ]}
              value={kind}
              onChange={(value) => setKind(value === 'user' || value === 'agent' ? value : null)}
              clearable
              style={{ flex: '0 1 170px' }}
            />
          )}
          <Select label="Site" placeholder="Any site" data={view.siteNames} value={site} onChange={setSite} searchable clearable style={{ flex: '1 1 200px' }} />
          <Switch label="With warnings" checked={warningsOnly} onChange={(event) => setWarningsOnly(event.currentTarget.checked)} mb={8} />
        </Group>
        <PlanTable planId={view.id} filter={filter} showKind={view.scope === 'both'} onOpen={setOpen} />
      </Stack>
      <PlanRowDrawer connectionId={view.connectionId} planId={view.id} row={open} onClose={() => setOpen(null)} onResolved={() => setOpen(null)} />
    </Stack>
  )
}
