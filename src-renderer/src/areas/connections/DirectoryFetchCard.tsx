/**
 * "Fetch directory": reads the whole directory into a new snapshot on this computer. While it runs,
 * a progress bar with what is being read and roughly how long is left, and Cancel; a failed or
 * cancelled fetch keeps the last snapshot and says so. Then the snapshot's figures. An Entra
 * connection reading only changes says what the next fetch reads, with "Reset delta".
 */
import { Alert, Button, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core'
import { IconCloudDownload, IconPlayerStop } from '@tabler/icons-react'
import type { Connection, SnapshotSummary } from '../../../../src-shared/contract'
import { useConnectionAction, type DirectoryFetch, type FetchProgress } from '../../api/connections'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SectionCard } from '../../components/SectionCard'
import { dateTimeText, remainingText } from '../../components/time-text'
import { kindLabels } from './connection-labels'
import { DeltaControls } from './entra/DeltaControls'
import { SnapshotFigures } from './SnapshotFigures'

export interface DirectoryFetchCardProps {
  connection: Connection
  fetch: DirectoryFetch
  onBrowse: () => void
}

export function DirectoryFetchCard({ connection, fetch, onBrowse }: DirectoryFetchCardProps): React.JSX.Element {
  const cancel = useConnectionAction('connections:cancelFetch')
  const snapshot = newest(fetch.result, connection.snapshot)
  const kept = snapshot ? `The snapshot from ${dateTimeText(snapshot.fetchedAt)} is kept.` : 'No snapshot was kept.'
  return (
    <SectionCard
      title="Directory snapshot"
      description={`Reads every person (in any status), group, membership${connection.kind === 'okta' ? ' and app' : connection.entra?.devices ? ' and Intune device' : ''} into a snapshot on this computer. Mappings and previews work from it, offline too. A fetch only reads ${kindLabels[connection.kind]}.`}
      aside={
        !fetch.running && (
          <Button leftSection={<IconCloudDownload size={16} aria-hidden />} onClick={fetch.start} style={{ flexShrink: 0 }}>
            Fetch directory
          </Button>
        )
      }
    >
      {fetch.running && (
        <FetchProgressView
          progress={fetch.progress}
          cancelling={cancel.isPending || cancel.data?.cancelled === true}
          onCancel={() => cancel.mutate({ id: connection.id })}
        />
      )}
      {fetch.error?.code === 'CANCELLED' && (
        <Alert color="gray" variant="light" title="Fetch cancelled" role="status">
          <Text size="sm">{kept}</Text>
        </Alert>
      )}
      {fetch.error && fetch.error.code !== 'CANCELLED' && <ErrorNotice title={`The directory was not fetched. ${kept}`} error={fetch.error} />}
      {cancel.error && <ErrorNotice title="The fetch could not be cancelled" error={cancel.error} />}
      <DeltaControls connection={connection} disabled={fetch.running} />
      {snapshot ? (
        <SnapshotFigures snapshot={snapshot} directory={connection.kind === 'entra' ? 'Graph' : 'Okta'} onBrowse={onBrowse} />
      ) : (
        !fetch.running && (
          <Text size="sm" c="dimmed">
            {`Not fetched yet. Test the ${connection.kind === 'entra' ? 'connection' : 'credentials'} first; a directory of a few thousand people takes a minute or two.`}
          </Text>
        )
      )}
    </SectionCard>
  )
}

function FetchProgressView({ progress, cancelling, onCancel }: { progress: FetchProgress | null; cancelling: boolean; onCancel: () => void }): React.JSX.Element {
  const total = progress?.total ?? null
  const percent = total ? Math.round(((progress?.done ?? 0) / total) * 100) : null
  const eta = progress?.etaMs ?? null
  const remaining = eta === null ? null : remainingText(eta)
  return (
    <Stack gap={6} data-fetch-progress>
      <VisuallyHidden role="status">Fetching the directory</VisuallyHidden>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {progress?.label ?? 'Starting…'}
        </Text>
        <Button size="xs" variant="default" color="red" leftSection={<IconPlayerStop size={14} aria-hidden />} loading={cancelling} onClick={onCancel} style={{ flexShrink: 0 }}>
          Cancel
        </Button>
      </Group>
      <Progress
        value={percent ?? 100}
        striped={percent === null}
        animated={percent === null}
        size="lg"
        aria-label="Directory fetch"
        aria-valuetext={percent === null ? 'Starting' : `${percent}%${remaining ? `, ${remaining}` : ''}`}
      />
      <Text size="xs" c="dimmed">
        {percent === null ? 'Counting what there is to read…' : `${percent}% · ${remaining ?? 'working out how long is left'}`}
      </Text>
    </Stack>
  )
}

/** The later of two snapshots (the fetch just done, or the list's, which is read again after it). */
function newest(a: SnapshotSummary | null, b: SnapshotSummary | null): SnapshotSummary | null {
  if (!a || !b) return a ?? b
  return a.fetchedAt >= b.fetchedAt ? a : b
}
