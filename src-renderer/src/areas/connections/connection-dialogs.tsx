/**
 * The add/edit and delete dialogs of a connections page, opened from anywhere on it: `add(kind)`,
 * `edit(connection)`, `remove(connection)`; render `dialogs` once. The form offers the workspace's
 * Halo instances.
 */
import { useState } from 'react'
import type { Connection } from '../../../../src-shared/contract'
import { useHaloInstances } from '../../api/halo'
import { useItemDialogs } from '../../components/use-item-dialogs'
import { ConnectionFormModal } from './ConnectionFormModal'
import { DeleteConnectionDialog } from './DeleteConnectionDialog'

export interface ConnectionDialogs {
  add: (kind: Connection['kind']) => void
  edit: (connection: Connection) => void
  remove: (connection: Connection) => void
  dialogs: React.JSX.Element
}

export function useConnectionDialogs(options: { onSaved?: (connection: Connection, added: boolean) => void; onDeleted?: () => void } = {}): ConnectionDialogs {
  const dialog = useItemDialogs<Connection>()
  const instances = useHaloInstances()
  const [kind, setKind] = useState<Connection['kind']>('okta')
  return {
    add: (chosen) => {
      setKind(chosen)
      dialog.add()
    },
    edit: dialog.edit,
    remove: dialog.remove,
    dialogs: (
      <>
        <ConnectionFormModal
          opened={dialog.formOpened}
          connection={dialog.item}
          kind={kind}
          haloInstances={instances.data ?? []}
          onClose={dialog.close}
          onSaved={(saved) => options.onSaved?.(saved, dialog.item === undefined)}
        />
        <DeleteConnectionDialog opened={dialog.deleteOpened} connection={dialog.item} onClose={dialog.close} onDeleted={options.onDeleted} />
      </>
    )
  }
}
