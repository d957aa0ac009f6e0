/**
 * The look-ups cached for offline work, one tab per kind (with its count), searchable, with when each
 * was fetched. "Refresh" reads them all from Halo again; when Halo cannot be reached the cache stays,
 * an "Offline" mark says since when the data is, and the rows can still be browsed and searched.
 */
import { useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCloudOff, IconRefresh, IconSearch } from '@tabler/icons-react'
import { haloLookupKinds, haloLookupLabels, type HaloInstance, type HaloLookupKind, type StudioError } from '../../../../src-shared/contract'
import { useHaloLookupRecords } from '../../api/halo'
import { ErrorNotice } from '../../components/ErrorNotice'
import { SectionCard } from '../../components/SectionCard'
import { LookupRows } from './LookupRows'
import { RelativeTime } from '../../components/RelativeTime'
import { dateTimeText } from '../../components/time-text'

export interface LookupsViewerProps {
  instance: HaloInstance
  refreshing: boolean
  refreshError: StudioError | null
  /** Why the last refresh could not reach Halo; null when it could (or none ran). */
  offlineReason: string | null
  onRefresh: () => void
}

export function LookupsViewer({ instance, refreshing, refreshError, offlineReason, onRefresh }: LookupsViewerProps): React.JSX.Element {
  const [kind, setKind] = useState<HaloLookupKind>('clients')
  const counts = new Map(instance.lookups.map((lookup) => [lookup.kind, lookup.count]))
  const oldest = instance.lookups.map((lookup) => lookup.fetchedAt).sort()[0]
  return (
    <SectionCard
      title="Look-ups"
      description="Copied from Halo so mappings can be designed without reaching it: on a plane, or in a change window."
      aside={
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {offlineReason !== null && (
            <Badge color="orange" variant="light" size="lg" tt="none" leftSection={<IconCloudOff size={14} aria-hidden />}>
              Offline
            </Badge>
          )}
          <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} loading={refreshing} onClick={onRefresh}>
            Refresh
          </Button>
        </Group>
      }
    >
      {offlineReason !== null && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconCloudOff aria-hidden />}
          title={oldest ? `Offline — showing cached data from ${dateTimeText(oldest)}` : 'Offline — nothing cached yet'}
          role="status"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {offlineReason}
          </Text>
        </Alert>
      )}
      {refreshError && <ErrorNotice title="The look-ups were not refreshed" error={refreshError} />}
      <Tabs
        value={kind}
        onChange={(value) => value && setKind(value as HaloLookupKind)}
        orientation="vertical"
        keepMounted={false}
        styles={{ list: { flexShrink: 0, width: 240 }, tabLabel: { flex: 1, textAlign: 'left' }, tabSection: { flexShrink: 0 } }}
      >
        <Tabs.List aria-label="Look-up kinds">
          {haloLookupKinds.map((each) => (
            <Tabs.Tab
              key={each}
              value={each}
              rightSection={
                <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }}>
                  {counts.get(each)?.toLocaleString() ?? '–'}
                </Badge>
              }
            >
              {haloLookupLabels[each]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {haloLookupKinds.map((each) => (
          <Tabs.Panel key={each} value={each} pl="md" miw={0}>
            <LookupPanel instanceId={instance.id} kind={each} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </SectionCard>
  )
}

function LookupPanel({ instanceId, kind }: { instanceId: string; kind: HaloLookupKind }): React.JSX.Element {
  const label = haloLookupLabels[kind]
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 200)
  const records = useHaloLookupRecords(instanceId, kind, debounced)
  const data = records.data
  return (
    <Stack gap="sm">
      <Group gap="sm" justify="space-between" align="flex-end">
        <TextInput
          label={`Search ${label.toLowerCase()}`}
          placeholder="Name, detail or ID"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={records.isFetching ? <Loader size={14} aria-hidden /> : null}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 200, maxWidth: 360 }}
        />
        {data?.fetchedAt && (
          <Text size="sm" c="dimmed">
            Fetched <RelativeTime iso={data.fetchedAt} />
          </Text>
        )}
      </Group>
      {records.error && <ErrorNotice title={`${label} could not be read from the cache`} error={records.error} onRetry={() => void records.refetch()} />}
      {data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {data.fetchedAt === null
              ? `${label} have not been read from Halo yet. Press Refresh or Test connection while Halo can be reached.`
              : debounced.trim() === ''
                ? `${data.total.toLocaleString()} ${data.total === 1 ? 'record' : 'records'}`
                : `${data.rows.length.toLocaleString()} of ${data.total.toLocaleString()} match “${debounced.trim()}”`}
          </Text>
          {data.rows.length > 0 && <LookupRows rows={data.rows} label={label} />}
        </>
      )}
    </Stack>
  )
}
