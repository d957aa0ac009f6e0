/**
 * The rows of one cached look-up: name, detail, Halo id and an "Inactive" mark. A Halo with thousands
 * of clients or sites is common for an MSP, so only the rows in view are rendered (TanStack Virtual);
 * the list keeps its full size and position for assistive technology (aria-setsize / aria-posinset).
 */
import { useRef } from 'react'
import { Badge, Group, Text } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { HaloLookupRow } from '../../../../src-shared/contract'

const estimatedRowHeight = 48
const maxHeight = 440

export function LookupRows({ rows, label }: { rows: readonly HaloLookupRow[]; label: string }): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Not memoised by the React Compiler (it is not used here); the virtualiser re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 10
  })
  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
      style={{
        maxHeight,
        overflowY: 'auto',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)'
      }}
    >
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (!row) return null
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
                borderTop: item.index > 0 ? '1px solid var(--mantine-color-default-border)' : undefined
              }}
            >
              <LookupRowView row={row} />
            </div>
          )
        })}
      </div>
    </div>
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
