/**
 * Runs: every sync applied to Halo, newest first, each with its result, counts and report. A fresh
 * workspace has none; the page then says where runs come from and what each one keeps.
 */
import { Button, Card, SimpleGrid, Skeleton, Text } from '@mantine/core'
import { IconGauge, IconHistory, IconListCheck, IconReport, IconShieldCheck } from '@tabler/icons-react'
import { Link } from 'react-router'
import { useConnections } from '../../api/connections'
import { useSyncRuns } from '../../api/plans'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { FeatureCard } from '../../components/FeatureCard'
import { PageHeader } from '../../components/PageHeader'
import { SectionHeading } from '../../components/SectionHeading'
import { paths } from '../../shell/areas'
import { RunsTable } from './RunsTable'

export function RunsPage(): React.JSX.Element {
  const runs = useSyncRuns()
  const connections = useConnections()
  const names = new Map((connections.data ?? []).map((connection) => [connection.id, connection.name]))
  return (
    <>
      <PageHeader title="Runs" description="Every sync applied to Halo, with its journal and its report." />
      {runs.isPending && <Skeleton h={160} />}
      {runs.error && <ErrorNotice title="The runs could not be read" error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && runs.data.length > 0 ? (
        <Card withBorder padding="lg">
          <RunsTable runs={runs.data} label="Sync runs" connectionNames={names} />
        </Card>
      ) : (
        runs.data && <NoRuns />
      )}
    </>
  )
}

function NoRuns(): React.JSX.Element {
  return (
    <>
      <AreaEmptyState
        icon={<IconHistory size={30} aria-hidden />}
        title="No runs yet"
        description="A run applies one saved preview plan to Halo. Build a preview from a connection's Imports tab; when the plan looks right, sync it and the run appears here."
        actions={
          <Button component={Link} to={paths.connections} variant="default">
            Go to connections
          </Button>
        }
      />
      <SectionHeading>What every run keeps</SectionHeading>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FeatureCard icon={<IconListCheck size={20} aria-hidden />} title="A journal">
          <Text size="sm">
            Every operation is written down before and after it runs, so a crash, a network cut or a cancel resumes
            with no duplicate and no lost record.
          </Text>
        </FeatureCard>
        <FeatureCard icon={<IconReport size={20} aria-hidden />} title="A report">
          <Text size="sm">Every record with its result, and any error in Halo&apos;s own words.</Text>
        </FeatureCard>
        <FeatureCard icon={<IconShieldCheck size={20} aria-hidden />} title="Guardrails">
          <Text size="sm">
            A plan that deactivates more people than your threshold (a count and a percentage) is held until you
            override it explicitly.
          </Text>
        </FeatureCard>
        <FeatureCard icon={<IconGauge size={20} aria-hidden />} title="Progress you can follow">
          <Text size="sm">
            Changes go to Halo in batches within its rate limit, with a progress bar, the time remaining and a cancel
            button.
          </Text>
        </FeatureCard>
      </SimpleGrid>
    </>
  )
}
