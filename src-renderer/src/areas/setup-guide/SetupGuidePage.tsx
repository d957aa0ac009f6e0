/**
 * The setup guide: from a Halo instance to a synced connection with single sign-on, one checked step
 * at a time. It opens by itself on a workspace without connections and from "Set up a connection";
 * where it is is kept in the workspace, so closing the app and coming back resumes at the same step.
 * Next opens only once the step's check passed (or it was skipped, where skipping is allowed, with
 * what is lost said first); a step whose earlier steps are no longer done sends the admin back there.
 */
import { Alert, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react'
import { useEffect } from 'react'
import { Link, useNavigate } from 'react-router'
import { guideStepIds, type GuideStepId } from '../../../../src-shared/contract'
import { useConnections } from '../../api/connections'
import { useGuideAction, useGuideProgress } from '../../api/guide'
import { useHaloInstances } from '../../api/halo'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { PageHeader } from '../../components/PageHeader'
import { connectionPath, paths } from '../../shell/areas'
import { SsoTab } from '../connections/sso/SsoTab'
import { CredentialsStep } from './CredentialsStep'
import { DirectoryStep } from './DirectoryStep'
import { FetchStep } from './FetchStep'
import type { GuideStepProps } from './guide-step-props'
import { blockingStep, guideStep, guideSteps, stepState, type GuideFacts, type GuideStepState } from './guide-steps'
import { GuideStepList } from './GuideStepList'
import { HaloInstanceStep } from './HaloInstanceStep'
import { MappingsStep } from './MappingsStep'
import { PreviewStep, SyncStep } from './PreviewSyncSteps'
import { ProviderSetupStep } from './ProviderSetupStep'

function useGuideFacts(haloInstanceId: string | null, connectionId: string | null): GuideFacts {
  const instances = useHaloInstances()
  const connections = useConnections()
  const id = connectionId ?? ''
  const enabled = connectionId !== null
  const mapping = useProcedureQuery('mapping:get', { connectionId: id }, { enabled })
  const plan = useProcedureQuery('plan:latest', { connectionId: id }, { enabled })
  const runs = useProcedureQuery('sync:runs', { connectionId: id }, { enabled })
  const sso = useProcedureQuery('sso:get', { connectionId: id }, { enabled })
  const config = mapping.data?.config
  return {
    haloInstance: instances.data?.find((instance) => instance.id === haloInstanceId),
    connection: connections.data?.find((connection) => connection.id === connectionId),
    mappingsReady: Boolean(mapping.data?.stored && config && (config.siteMappings.length > 0 || config.imports.defaultSiteId !== null)),
    plan: enabled ? plan.data : null,
    lastRun: runs.data ? (runs.data.find((run) => run.state === 'completed') ?? runs.data[0] ?? null) : undefined,
    sso: sso.data
  }
}

export function SetupGuidePage(): React.JSX.Element {
  const progress = useGuideProgress()
  const start = useGuideAction('guide:start')
  const dismiss = useGuideAction('guide:update')
  const navigate = useNavigate()
  const missing = progress.data === null
  useEffect(() => {
    if (missing && start.isIdle) start.mutate({})
  }, [missing, start])
  return (
    <>
      <PageHeader
        title="Set up a connection"
        description="From your Halo instance to a synced directory with single sign-on, one checked step at a time. Your progress is kept: close the app and come back whenever you like."
        actions={
          progress.data && (
            <Button variant="default" leftSection={<IconX size={16} aria-hidden />} loading={dismiss.isPending} onClick={() => dismiss.mutate({ dismissed: true }, { onSuccess: () => void navigate(paths.home) })}>
              Close the guide
            </Button>
          )
        }
      />
      {progress.error && <ErrorNotice title="The setup guide could not be read" error={progress.error} onRetry={() => void progress.refetch()} />}
      {start.error && <ErrorNotice title="The setup guide could not start" error={start.error} />}
      {progress.data ? <Guide key={progress.data.startedAt} /> : !progress.error && <Skeleton h={360} />}
    </>
  )
}

function Guide(): React.JSX.Element | null {
  const progress = useGuideProgress().data
  const update = useGuideAction('guide:update')
  const start = useGuideAction('guide:start')
  const facts = useGuideFacts(progress?.haloInstanceId ?? null, progress?.connectionId ?? null)
  if (!progress) return null
  const states = Object.fromEntries(guideSteps.map((step) => [step.id, stepState(step, progress, facts)])) as Record<GuideStepId, GuideStepState>
  const step = guideStep(progress.step)
  const index = guideStepIds.indexOf(step.id)
  const blocker = blockingStep(step.id, progress, facts)
  const go = (id: GuideStepId): void => update.mutate({ step: id })
  const props: GuideStepProps = { progress, update: (patch) => update.mutate(patch), facts }
  if (progress.finishedAt) return <Finished connectionId={progress.connectionId} onAnother={() => start.mutate({})} />
  const state = states[step.id]
  const last = index === guideSteps.length - 1
  const next = (): void => {
    if (last) update.mutate({ finishedAt: new Date().toISOString() })
    else go(guideStepIds[index + 1] as GuideStepId)
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Card withBorder padding="sm">
          <GuideStepList current={step.id} states={states} openable={(id) => blockingStep(id, progress, facts) === null} onOpen={go} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        <Card withBorder padding="lg" component="section" aria-label={step.title}>
          <Stack gap="lg">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Title order={2} fz="xl">
                {index + 1}. {step.title}
              </Title>
              {state === 'done' && (
                <Text c="teal" fw={600} size="sm" style={{ display: 'flex', gap: 4, alignItems: 'center', flexShrink: 0 }}>
                  <IconCheck size={16} aria-hidden /> Done
                </Text>
              )}
            </Group>
            {update.error && <ErrorNotice title="The guide could not keep that" error={update.error} />}
            {blocker ? (
              <Alert color="yellow" variant="light" title={`First: ${blocker.title}`}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">This step needs “{blocker.title}” done first; it is not done any more (something it checked changed or was deleted).</Text>
                  <Button size="xs" variant="light" onClick={() => go(blocker.id)}>
                    Go to {blocker.title}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <StepBody step={step.id} props={props} />
            )}
            <Group justify="space-between" wrap="wrap" gap="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} disabled={index === 0} onClick={() => go(guideStepIds[index - 1] as GuideStepId)}>
                Back
              </Button>
              <Group gap="sm" wrap="wrap" justify="flex-end">
                {step.skipLoses !== null && state === 'todo' && !blocker && (
                  <Button variant="default" leftSection={<IconPlayerSkipForward size={16} aria-hidden />} onClick={() => update.mutate({ skipped: [...progress.skipped, step.id], ...(last ? { finishedAt: new Date().toISOString() } : { step: guideStepIds[index + 1] }) })}>
                    Skip this step
                  </Button>
                )}
                <Button rightSection={last ? <IconCheck size={16} aria-hidden /> : <IconArrowRight size={16} aria-hidden />} disabled={state === 'todo' || blocker !== null} onClick={next}>
                  {last ? 'Finish' : 'Next'}
                </Button>
              </Group>
            </Group>
            {step.skipLoses !== null && state === 'todo' && !blocker && (
              <Text size="xs" c="dimmed" ta="right">
                Skipping: {step.skipLoses}
              </Text>
            )}
            {state === 'todo' && !blocker && (
              <Text size="xs" c="dimmed" ta="right" role="status">
                Next opens once this step’s check has passed.
              </Text>
            )}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  )
}

function StepBody({ step, props }: { step: GuideStepId; props: GuideStepProps }): React.JSX.Element | null {
  const { connection, plan } = props.facts
  switch (step) {
    case 'halo':
      return <HaloInstanceStep {...props} />
    case 'directory':
      return <DirectoryStep {...props} />
    case 'provider':
      return <ProviderSetupStep {...props} />
    case 'credentials':
      return <CredentialsStep {...props} />
    case 'fetch':
      return connection ? <FetchStep connection={connection} /> : <Skeleton h={200} />
    case 'mappings':
      return <MappingsStep {...props} />
    case 'preview':
      return connection ? <PreviewStep connectionId={connection.id} plan={plan} /> : <Skeleton h={200} />
    case 'sync':
      return plan ? <SyncStep plan={plan} /> : <Skeleton h={200} />
    case 'sso':
      return connection ? <SsoTab connection={connection} /> : <Skeleton h={200} />
  }
}

function Finished({ connectionId, onAnother }: { connectionId: string | null; onAnother: () => void }): React.JSX.Element {
  return (
    <Card withBorder padding="xl" component="section" aria-label="Setup complete">
      <Stack gap="md" align="flex-start">
        <Title order={2} fz="xl">
          Setup complete
        </Title>
        <Text size="sm">The connection is set up. The workspace home shows its health from now on: credentials, the directory’s age, previews waiting, the last sync and single sign-on.</Text>
        <Group gap="sm">
          <Button component={Link} to={paths.home}>
            Open the workspace home
          </Button>
          {connectionId && (
            <Button component={Link} to={connectionPath(connectionId)} variant="default">
              Open the connection
            </Button>
          )}
          <Button variant="subtle" onClick={onAnother}>
            Set up another connection
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
