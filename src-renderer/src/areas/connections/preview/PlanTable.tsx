/**
 * A preview's rows in a virtualised table (TanStack Table for the columns, TanStack Virtual for the
 * rows), with their count: only the rows in view are rendered and only their pages are read from
 * main, so a 100,000-row preview scrolls like a short one. The table reads its own rows, so
 * scrolling re-renders it alone, not the page around it; its box is layout-contained. Columns:
 * action, name and email, kind (when users and agents are both in scope), site, what changes, why.
 * A row opens its details.
 */
import { memo, useEffect, useMemo, useRef } from 'react'
import { Text } from '@mantine/core'
import { flexRender, getCoreRowModel, useReactTable, createColumnHelper, type RowData } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { PlanRow } from '../../../../../src-shared/plan/plan-schema'
import { usePlanRows, type PlanFilter } from '../../../api/plans'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { actionLabels } from './plan-labels'
import classes from './PlanTable.module.css'

const rowHeight = 52

/** One style object per column width, so a re-render writes no cell's style. */
const flexStyles = new Map<number, React.CSSProperties>()
function flexOf(size: number): React.CSSProperties {
  let style = flexStyles.get(size)
  if (!style) flexStyles.set(size, (style = { flex: `${size} 0 ${size}px` }))
  return style
}

type Slot = { index: number; row: PlanRow | undefined }

declare module '@tanstack/react-table' {
  // A column's cell is the table cell itself (no wrapper element): its class, tooltip and warning class.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    cellClass?: string
    cellTitle?: (row: PlanRow) => string
    warnedClass?: string
  }
}

const column = createColumnHelper<Slot>()

function changesText(row: PlanRow): string {
  if (row.action === 'create') return `${row.changes.length} field${row.changes.length === 1 ? '' : 's'}`
  const parts = row.changes.map((change) => change.label)
  if (row.roles) parts.push('roles')
  if (row.cabs) parts.push('CABs')
  if (row.licence) parts.push('licence')
  return parts.join(', ')
}

export interface PlanTableProps {
  planId: string
  filter: PlanFilter
  showKind: boolean
  onOpen: (row: PlanRow) => void
}

export const PlanTable = memo(function PlanTable({ planId, filter, showKind, onOpen }: PlanTableProps): React.JSX.Element {
  const rows = usePlanRows(planId, filter)
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.total ?? 0
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 4 })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  const { onRangeChange } = rows
  useEffect(() => onRangeChange(first, last), [onRangeChange, first, last])
  const columns = useMemo(
    () => [
      column.display({
        id: 'action',
        header: 'Action',
        size: 130,
        cell: ({ row }) =>
          row.original.row && (
            <span className={classes.badge} data-action={row.original.row.action}>
              {actionLabels[row.original.row.action]}
            </span>
          )
      }),
      column.display({
        id: 'name',
        header: 'Person',
        size: 280,
        meta: { cellClass: classes.personCell },
        cell: ({ row }) => {
          const planRow = row.original.row
          if (!planRow) return null
          return (
            <>
              <div className={`${classes.primary} ${classes.clip}`} title={planRow.name}>
                {planRow.name}
              </div>
              <div className={`${classes.secondary} ${classes.clip}`} title={planRow.email ?? ''}>
                {planRow.email ?? (planRow.haloId !== null ? `Halo #${planRow.haloId}` : '—')}
              </div>
            </>
          )
        }
      }),
      ...(showKind ? [column.display({ id: 'kind', header: 'Record', size: 80, meta: { cellClass: classes.textCell }, cell: ({ row }) => (row.original.row?.kind === 'agent' ? 'Agent' : 'User') })] : []),
      column.display({
        id: 'site',
        header: 'Site',
        size: 200,
        meta: { cellClass: classes.textCell, cellTitle: (planRow) => planRow.site?.name ?? '' },
        cell: ({ row }) => row.original.row?.site?.name ?? ''
      }),
      column.display({
        id: 'changes',
        header: 'Changes',
        size: 200,
        meta: { cellClass: classes.textCell, warnedClass: classes.warning },
        cell: ({ row }) => {
          const planRow = row.original.row
          if (!planRow) return null
          const warnings = planRow.warnings.length
          return `${changesText(planRow)}${warnings > 0 ? ` · ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        }
      }),
      column.display({
        id: 'reason',
        header: 'Why',
        size: 320,
        meta: { cellClass: classes.reasonCell, cellTitle: (planRow) => planRow.reason ?? '' },
        cell: ({ row }) => row.original.row?.reason ?? (row.original.row?.matchedBy ? `Matched by ${row.original.row.matchedBy}` : '')
      })
    ],
    [showKind]
  )
  const data = useMemo(() => items.map((item): Slot => ({ index: item.index, row: rows.rowAt(item.index) })), [items, rows])
  // The rows in view change with every scroll; the table has no pages or expanded rows to reset, and
  // resetting them (TanStack's default on new data) sets state and re-renders it, for ever.
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (slot) => String(slot.index), autoResetAll: false })
  const width = table.getTotalSize()
  return (
    <>
      <Text size="sm" c="dimmed" aria-live="polite">
        {rows.total === null ? 'Reading…' : `${rows.total.toLocaleString()} row${rows.total === 1 ? '' : 's'}`}
      </Text>
      {rows.error && <ErrorNotice title="The rows could not be read" error={rows.error} onRetry={rows.refetch} />}
      <div ref={scrollRef} tabIndex={0} role="region" aria-label="Preview rows, scrollable" className={classes.scroller}>
        <table role="table" aria-label="Preview rows" aria-rowcount={count + 1} className={classes.table} style={{ minWidth: width }}>
          <thead className={classes.head}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row" aria-rowindex={1} className={classes.headRow}>
                {group.headers.map((header) => (
                  <th key={header.id} role="columnheader" className={classes.th} style={{ flex: `${header.getSize()} 0 ${header.getSize()}px` }}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
            {table.getRowModel().rows.map((row) => {
              const item = items[row.index]
              const planRow = row.original.row
              if (!item) return null
              if (!planRow) {
                // A row whose page is still being read: one element, its placeholder bars drawn by CSS (fast scrolling shows many).
                return (
                  <tr key={item.key} role="row" aria-rowindex={item.index + 2} aria-label="Loading" className={`${classes.row} ${classes.loading}`} style={{ transform: `translateY(${item.start}px)` }}>
                    <td role="cell" className={classes.loadingCell} />
                  </tr>
                )
              }
              return (
                <tr
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-label={`${planRow.name}: ${actionLabels[planRow.action]}`}
                  tabIndex={0}
                  onClick={() => onOpen(planRow)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault()
                      onOpen(planRow)
                    }
                  }}
                  className={classes.row}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta
                    const warned = meta?.warnedClass && planRow.warnings.length > 0 ? ` ${meta.warnedClass}` : ''
                    return (
                      <td key={cell.id} role="cell" className={`${meta?.cellClass ?? classes.td}${warned}`} style={flexOf(cell.column.getSize())} title={meta?.cellTitle?.(planRow)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
        {count === 0 && rows.total !== null && (
          <Text size="sm" c="dimmed" p="md">
            No rows match these filters.
          </Text>
        )}
      </div>
    </>
  )
})