/**
 * The add/edit and delete dialogs of a page, opened from anywhere on it: `add()`, `edit(instance)`,
 * `remove(instance)`; render `dialogs` once.
 */
import type { HaloInstance } from '../../../../src-shared/contract'
import { useItemDialogs } from '../../components/use-item-dialogs'
import { DeleteInstanceDialog } from './DeleteInstanceDialog'
import { HaloInstanceFormModal } from './HaloInstanceFormModal'

export interface InstanceDialogs {
  add: () => void
  edit: (instance: HaloInstance) => void
  remove: (instance: HaloInstance) => void
  dialogs: React.JSX.Element
}

export function useInstanceDialogs(options: { onSaved?: (instance: HaloInstance, added: boolean) => void; onDeleted?: () => void } = {}): InstanceDialogs {
  const dialog = useItemDialogs<HaloInstance>()
  return {
    add: dialog.add,
    edit: dialog.edit,
    remove: dialog.remove,
    dialogs: (
      <>
        <HaloInstanceFormModal
          opened={dialog.formOpened}
          instance={dialog.item}
          onClose={dialog.close}
          onSaved={(saved) => options.onSaved?.(saved, dialog.item === undefined)}
        />
        <DeleteInstanceDialog opened={dialog.deleteOpened} instance={dialog.item} onClose={dialog.close} onDeleted={options.onDeleted} />
      </>
    )
  }
}
