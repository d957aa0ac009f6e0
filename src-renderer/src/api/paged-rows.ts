/**
 * A long list read from main page by page, for a virtualised list: only the pages holding the rows
 * in view are asked for (and kept in the query cache), so 50,000 people (or a 100,000-row preview)
 * cost a few small reads. The
 * first page also gives the total; while a new filter's first page loads, the previous one stays on
 * screen. Tell it the rows in view with `onRangeChange`: at most one new range every 80 ms is read
 * (the first at once, the last always), so a fast scroll through 100,000 rows does not ask for, and
 * render, every page it flies past.
 */
import { useCallback, useState } from 'react'
import { useThrottledCallback } from '@mantine/hooks'
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import type { ProcedureInput, ProcedureOutput, StudioError } from '../../../src-shared/contract'
import { procedureQuery } from './procedure-hooks'
import { useStudioClient } from './studio-context'

/** The procedures that answer `{total, rows}` for an offset and a limit. */
export type PagedProcedure = 'snapshot:people' | 'snapshot:groups' | 'snapshot:devices' | 'plan:rows' | 'sync:report'

export const rowsPerPage = 100
const rangeEveryMs = 80

export interface PagedRows<Row> {
  /** Rows matching the filter; null until the first page has been read. */
  total: number | null
  /** The row at `index`, or undefined while its page is being read. */
  rowAt: (index: number) => Row | undefined
  onRangeChange: (first: number, last: number) => void
  /** A page is being read (a new filter, or rows scrolled into view). */
  fetching: boolean
  error: StudioError | null
  refetch: () => void
}

/** `inputFor(offset, limit)`: the procedure's input for one page, with the filter. */
export function usePagedRows<N extends PagedProcedure>(
  name: N,
  inputFor: (offset: number, limit: number) => ProcedureInput<N>
): PagedRows<ProcedureOutput<N>['rows'][number]> {
  const client = useStudioClient()
  const [pages, setPages] = useState({ from: 0, to: 0 })
  const first = useQuery({ ...procedureQuery(client, name, inputFor(0, rowsPerPage)), placeholderData: keepPreviousData })
  const laterPages = Array.from({ length: pages.to - pages.from + 1 }, (_, n) => pages.from + n).filter((page) => page > 0)
  const later = useQueries({ queries: laterPages.map((page) => procedureQuery(client, name, inputFor(page * rowsPerPage, rowsPerPage))) })

  const readPages = useThrottledCallback((from: number, to: number) => setPages((current) => (current.from === from && current.to === to ? current : { from, to })), rangeEveryMs)
  const onRangeChange = useCallback((firstRow: number, lastRow: number) => readPages(Math.floor(firstRow / rowsPerPage), Math.floor(lastRow / rowsPerPage)), [readPages])

  const pageRows = (page: number): ReadonlyArray<ProcedureOutput<N>['rows'][number]> | undefined => {
    if (page === 0) return first.data?.rows
    return later[laterPages.indexOf(page)]?.data?.rows
  }
  const failed = [first, ...later].find((query) => query.error)
  return {
    total: first.data?.total ?? null,
    rowAt: (index) => pageRows(Math.floor(index / rowsPerPage))?.[index % rowsPerPage],
    onRangeChange,
    fetching: first.isFetching || later.some((query) => query.isFetching),
    error: failed?.error ?? null,
    refetch: () => {
      void first.refetch()
      for (const query of later) void query.refetch()
    }
  }
}
