/**
 * One kind of snapshot row searched by text, as Groups and Devices are browsed: the search box, the
 * count ("40 groups", "3 of 40 groups match “sales”"), and the rows read page by page from the local
 * snapshot into a virtualised list. The parent reads the rows for the search it settled on.
 */
import { Loader, Stack, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { PagedRows } from '../../api/paged-rows'
import { ErrorNotice } from '../../components/ErrorNotice'
import { VirtualList } from '../../components/VirtualList'
import { countText } from './connection-labels'
import { RowPlaceholder } from './DirectoryRows'

export interface SearchedListProps<Row> {
  /** What a row is called, one and many: ['group', 'groups']. */
  noun: readonly [string, string]
  placeholder: string
  search: string
  onSearchChange: (search: string) => void
  /** The search the rows were read for (the search box's, once typing pauses). */
  searched: string
  rows: PagedRows<Row>
  /** How many the snapshot holds, for "3 of 40 groups match". */
  inSnapshot: number
  estimatedRowHeight: number
  renderRow: (row: Row) => React.ReactNode
}

export function SearchedList<Row>({ noun, placeholder, search, onSearchChange, searched, rows, inSnapshot, estimatedRowHeight, renderRow }: SearchedListProps<Row>): React.JSX.Element {
  const [one, many] = noun
  const needle = searched.trim()
  return (
    <Stack gap="sm">
      <TextInput
        label={`Search ${many}`}
        placeholder={placeholder}
        type="search"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={rows.fetching ? <Loader size={14} aria-hidden /> : null}
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        maw={420}
      />
      {rows.error && <ErrorNotice title={`The ${many} could not be read from the snapshot`} error={rows.error} onRetry={rows.refetch} />}
      <Text size="sm" c="dimmed" aria-live="polite">
        {rows.total === null
          ? 'Reading the snapshot…'
          : needle === ''
            ? countText(rows.total, one, many)
            : `${rows.total.toLocaleString()} of ${countText(inSnapshot, one, many)} match “${needle}”`}
      </Text>
      {rows.total !== null && rows.total > 0 && (
        <VirtualList
          key={needle}
          count={rows.total}
          label={`${many.charAt(0).toUpperCase()}${many.slice(1)}`}
          estimatedRowHeight={estimatedRowHeight}
          maxHeight={560}
          onRangeChange={rows.onRangeChange}
          renderRow={(index) => {
            const row = rows.rowAt(index)
            return row === undefined ? <RowPlaceholder /> : renderRow(row)
          }}
        />
      )}
    </Stack>
  )
}
