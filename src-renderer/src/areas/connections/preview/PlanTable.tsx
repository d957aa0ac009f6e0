/**
 * A preview's rows in a virtualised table (TanStack Table for the columns, TanStack Virtual for the
 * rows): only the rows in view are rendered and only their pages are read from main, so a
 * 100,000-row preview scrolls like a short one. Columns: action, name and email, kind (when users
 * and agents are both in scope), site, what changes, why. A row opens its details.
 */
import { useEffect, useMemo, useRef } from 'react'
import { Text } from '@mantine/core'
import { flexRender, getCoreRowModel, useReactTable, createColumnHelper } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { PlanRow } from '../../../../../src-shared/plan/plan-schema'
import type { PagedRows } from '../../../api/paged-rows'
import { actionColors, actionLabels } from './plan-labels'
import classes from './PlanTable.module.css'

const rowHeight = 52

type Slot = { index: number; row: PlanRow | undefined }

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
  rows: PagedRows<PlanRow>
  showKind: boolean
  onOpen: (row: PlanRow) => void
}

export function PlanTable({ rows, showKind, onOpen }: PlanTableProps): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = rows.total ?? 0
  // The virtualiser re-renders this component itself; the React Compiler does not memoise it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 })
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
        cell: ({ row }) => {
          const planRow = row.original.row
          if (!planRow) return <div className={classes.placeholder} />
          const color = actionColors[planRow.action]
          const quiet = planRow.action === 'unchanged' || planRow.action === 'skipped'
          const style = { '--badge-color': `var(--mantine-color-${color}-light-color)`, '--badge-background': quiet ? 'transparent' : `var(--mantine-color-${color}-light)`, '--badge-border': quiet ? `var(--mantine-color-${color}-outline)` : 'transparent' } as React.CSSProperties
          return (
            <span className={classes.badge} style={style}>
              {actionLabels[planRow.action]}
            </span>
          )
        }
      }),
      column.display({
        id: 'name',
        header: 'Person',
        size: 280,
        cell: ({ row }) => {
          const planRow = row.original.row
          if (!planRow) return <div className={classes.placeholder} />
          return (
            <div className={classes.clip}>
              <div className={`${classes.primary} ${classes.clip}`} title={planRow.name}>
                {planRow.name}
              </div>
              <div className={`${classes.secondary} ${classes.clip}`} title={planRow.email ?? ''}>
                {planRow.email ?? (planRow.haloId !== null ? `Halo #${planRow.haloId}` : '—')}
              </div>
            </div>
          )
        }
      }),
      ...(showKind
        ? [
            column.display({
              id: 'kind',
              header: 'Record',
              size: 80,
              cell: ({ row }) => (row.original.row ? <span className={classes.text}>{row.original.row.kind === 'user' ? 'User' : 'Agent'}</span> : null)
            })
          ]
        : []),
      column.display({
        id: 'site',
        header: 'Site',
        size: 200,
        cell: ({ row }) => (
          <div className={`${classes.text} ${classes.clip}`} title={row.original.row?.site?.name ?? ''}>
            {row.original.row?.site?.name ?? ''}
          </div>
        )
      }),
      column.display({
        id: 'changes',
        header: 'Changes',
        size: 200,
        cell: ({ row }) => {
          const planRow = row.original.row
          if (!planRow) return null
          const warned = planRow.warnings.length > 0
          return (
            <div className={`${classes.text} ${classes.clip} ${warned ? classes.warning : ''}`}>
              {changesText(planRow)}
              {warned ? ` · ${planRow.warnings.length} warning${planRow.warnings.length === 1 ? '' : 's'}` : ''}
            </div>
          )
        }
      }),
      column.display({
        id: 'reason',
        header: 'Why',
        size: 320,
        cell: ({ row }) => (
          <div className={`${classes.secondary} ${classes.twoLines}`} title={row.original.row?.reason ?? ''}>
            {row.original.row?.reason ?? (row.original.row?.matchedBy ? `Matched by ${row.original.row.matchedBy}` : '')}
          </div>
        )
      })
    ],
    [showKind]
  )
  const data = useMemo(() => items.map((item): Slot => ({ index: item.index, row: rows.rowAt(item.index) })), [items, rows])
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (slot) => String(slot.index) })
  const width = table.getTotalSize()
  return (
    <div ref={scrollRef} tabIndex={0} role="region" aria-label="Preview rows, scrollable" style={{ height: 560, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <table role="table" aria-label="Preview rows" aria-rowcount={count + 1} style={{ display: 'grid', minWidth: width, width: '100%', borderCollapse: 'collapse' }}>
        <thead style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1} style={{ display: 'flex', width: '100%' }}>
              {group.headers.map((header) => (
                <th key={header.id} role="columnheader" style={{ display: 'flex', flex: `${header.getSize()} 0 ${header.getSize()}px`, padding: '8px 10px', fontSize: 'var(--mantine-font-size-sm)', textAlign: 'left' }}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ display: 'grid', height: virtualizer.getTotalSize(), position: 'relative' }}>
          {table.getRowModel().rows.map((row) => {
            const item = items[row.index]
            const planRow = row.original.row
            if (!item) return null
            return (
              <tr
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-label={planRow ? `${planRow.name}: ${actionLabels[planRow.action]}` : 'Loading'}
                tabIndex={planRow ? 0 : -1}
                onClick={() => planRow && onOpen(planRow)}
                onKeyDown={(event) => {
                  if (planRow && (event.key === 'Enter' || event.key === ' ')) {
                    event.preventDefault()
                    onOpen(planRow)
                  }
                }}
                style={{ display: 'flex', position: 'absolute', transform: `translateY(${item.start}px)`, width: '100%', height: rowHeight, cursor: planRow ? 'pointer' : 'default', borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} role="cell" style={{ display: 'flex', alignItems: 'center', flex: `${cell.column.getSize()} 0 ${cell.column.getSize()}px`, padding: '4px 10px', minWidth: 0, overflow: 'hidden' }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
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
  )
}
