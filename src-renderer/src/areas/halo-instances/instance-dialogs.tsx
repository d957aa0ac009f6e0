/**
 * The add/edit and delete dialogs of a page, opened from anywhere on it: `add()`, `edit(instance)`,
 * `remove(instance)`; render `dialogs` once. The instance stays set while a dialog closes, so its
 * content does not change during the closing animation.
 */
import { useState } from 'react'
import type { HaloInstance } from '../../../../src-shared/contract'
import { DeleteInstanceDialog } from './DeleteInstanceDialog'
import { HaloInstanceFormModal } from './HaloInstanceFormModal'

type Dialog = { kind: 'form' | 'delete'; opened: boolean; instance: HaloInstance | undefined }

export interface InstanceDialogs {
  add: () => void
  edit: (instance: HaloInstance) => void
  remove: (instance: HaloInstance) => void
  dialogs: React.JSX.Element
}

export function useInstanceDialogs(options: { onSaved?: (instance: HaloInstance, added: boolean) => void; onDeleted?: () => void } = {}): InstanceDialogs {
  const [dialog, setDialog] = useState<Dialog>({ kind: 'form', opened: false, instance: undefined })
  const close = (): void => setDialog((current) => ({ ...current, opened: false }))
  const open = (kind: Dialog['kind'], instance: HaloInstance | undefined): void => setDialog({ kind, opened: true, instance })
  return {
    add: () => open('form', undefined),
    edit: (instance) => open('form', instance),
    remove: (instance) => open('delete', instance),
    dialogs: (
      <>
        <HaloInstanceFormModal
          opened={dialog.kind === 'form' && dialog.opened}
          instance={dialog.instance}
          onClose={close}
          onSaved={(saved) => options.onSaved?.(saved, dialog.instance === undefined)}
        />
        <DeleteInstanceDialog
          opened={dialog.kind === 'delete' && dialog.opened}
          instance={dialog.instance}
          onClose={close}
          onDeleted={options.onDeleted}
        />
      </>
    )
  }
}
