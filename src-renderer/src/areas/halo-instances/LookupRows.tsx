/**
 * The rows of one cached look-up: name, detail, Halo id and an "Inactive" mark. A Halo with thousands
 * of clients or sites is common for an MSP, so the list is virtualised (only the rows in view render).
 */
import { Badge, Group, Text } from '@mantine/core'
import type { HaloLookupRow } from '../../../../src-shared/contract'
import { VirtualList } from '../../components/VirtualList'

export function LookupRows({ rows, label }: { rows: readonly HaloLookupRow[]; label: string }): React.JSX.Element {
  return (
    <VirtualList
      count={rows.length}
      label={label}
      estimatedRowHeight={48}
      renderRow={(index) => {
        const row = rows[index]
        return row ? <LookupRowView row={row} /> : null
      }}
    />
  )
}

function LookupRowView({ row }: { row: HaloLookupRow }): React.JSX.Element {
  return (
    <Group gap="sm" wrap="nowrap" px="sm" py={8} justify="space-between" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} c={row.inactive ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {row.name}
        </Text>
        {row.detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {row.detail}
          </Text>
        )}
      </div>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {row.inactive && (
          <Badge size="sm" variant="light" color="gray" tt="none">
            Inactive
          </Badge>
        )}
        <Text size="xs" c="dimmed" ff="monospace">
          ID {row.id}
        </Text>
      </Group>
    </Group>
  )
}
