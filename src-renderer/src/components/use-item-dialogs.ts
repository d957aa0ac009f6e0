/**
 * Which of a page's two dialogs is open (the add/edit form or the delete confirmation) and for which
 * item: `add()`, `edit(item)`, `remove(item)`, `close()`. The item stays set while a dialog closes, so
 * its content does not change during the closing animation.
 */
import { useState } from 'react'

export interface ItemDialogs<T> {
  /** The form is open, for `item` (undefined: adding a new one). */
  formOpened: boolean
  /** The delete confirmation is open, for `item`. */
  deleteOpened: boolean
  item: T | undefined
  add: () => void
  edit: (item: T) => void
  remove: (item: T) => void
  close: () => void
}

export function useItemDialogs<T>(): ItemDialogs<T> {
  const [state, setState] = useState<{ kind: 'form' | 'delete'; opened: boolean; item: T | undefined }>({ kind: 'form', opened: false, item: undefined })
  const open = (kind: 'form' | 'delete', item: T | undefined): void => setState({ kind, opened: true, item })
  return {
    formOpened: state.kind === 'form' && state.opened,
    deleteOpened: state.kind === 'delete' && state.opened,
    item: state.item,
    add: () => open('form', undefined),
    edit: (item) => open('form', item),
    remove: (item) => open('delete', item),
    close: () => setState((current) => ({ ...current, opened: false }))
  }
}
