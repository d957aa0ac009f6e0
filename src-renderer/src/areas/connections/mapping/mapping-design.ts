/**
 * The configuration being designed on a connection's tabs, shared by all of them (see
 * MappingDesignProvider): the saved one, the draft, its checks, save and discard. `update` takes a
 * function that changes a copy of the draft. Also: a tab's and a row's issues, new row ids, and
 * moving a row.
 */
import { createContext, useContext } from 'react'
import type { MappingState, StudioError } from '../../../../../src-shared/contract'
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import type { ConnectionConfig } from '../../../../../src-shared/mapping/config-schema'

export interface MappingDesign {
  connectionId: string
  saved: MappingState
  config: ConnectionConfig
  dirty: boolean
  update: (change: (draft: ConnectionConfig) => void) => void
  /** The checks of what is shown: the draft's (once checked) or the saved configuration's. */
  issues: ConfigIssue[]
  checking: boolean
  save: () => Promise<boolean>
  discard: () => void
  saving: boolean
  /** Why the last save was refused; cleared by the next edit. */
  saveError: StudioError | null
}

export const MappingDesignContext = createContext<MappingDesign | null>(null)

export function useMappingDesign(): MappingDesign {
  const design = useContext(MappingDesignContext)
  if (!design) throw new Error('useMappingDesign is used outside MappingDesignProvider')
  return design
}

/** The issues of one tab, and of one row of it. */
export function issuesOf(issues: readonly ConfigIssue[], tab: ConfigIssue['tab'], rowId?: string | null): ConfigIssue[] {
  return issues.filter((issue) => issue.tab === tab && (rowId === undefined || issue.rowId === rowId))
}

/** A fresh id for a new row. */
export function newRowId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`
}

/** Moves the item at `index` one place up (-1) or down (+1), in place. */
export function moveItem(list: unknown[], index: number, by: -1 | 1): void {
  list.splice(index + by, 0, ...list.splice(index, 1))
}
