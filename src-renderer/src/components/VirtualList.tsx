/**
 * A long list in a scrolling box where only the rows in view are rendered (TanStack Virtual): cached
 * Halo look-ups, a directory's people and groups. The list keeps its full size and each row its
 * position for assistive technology (aria-setsize / aria-posinset); rows may differ in height (long
 * names wrap). `onRangeChange` says which rows are in view, so a paged source can load them.
 */
import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

export interface VirtualListProps {
  count: number
  /** Names the list for assistive technology, e.g. "Sites". */
  label: string
  /** A typical row's height in pixels. */
  estimatedRowHeight: number
  renderRow: (index: number) => React.ReactNode
  onRangeChange?: (first: number, last: number) => void
  maxHeight?: number
}

export function VirtualList({ count, label, estimatedRowHeight, renderRow, onRangeChange, maxHeight = 440 }: VirtualListProps): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Not memoised by the React Compiler (it is not used here); the virtualiser re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 10
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => onRangeChange?.(first, last), [onRangeChange, first, last])
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
        {items.map((item) => (
          <div
            key={item.key}
            role="listitem"
            aria-setsize={count}
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
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  )
}
