/**
 * Confirming the removal of something saved (a Halo instance, a connection): its name, what goes with
 * it, what is not touched, and why it failed if it did. Cancel has the focus, so Enter does no harm.
 */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import type { StudioError } from '../../../src-shared/contract'
import { ErrorNotice } from './ErrorNotice'

export interface DeleteDialogProps {
  opened: boolean
  /** E.g. "Delete Halo instance?". */
  title: string
  /** The name of what is deleted; null while there is nothing to show. */
  name: string | null
  /** What is removed with it, one line each. */
  removes: readonly React.ReactNode[]
  /** What stays untouched, and how to get it back. */
  note: React.ReactNode
  /** The confirming button, e.g. "Delete instance". */
  confirmLabel: string
  /** E.g. "The Halo instance was not deleted". */
  errorTitle: string
  pending: boolean
  error: StudioError | null
  onConfirm: () => void
  onClose: () => void
}

export function DeleteDialog(props: DeleteDialogProps): React.JSX.Element {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="md">
      {props.name !== null && (
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <b>{props.name}</b> will be removed from this workspace, with:
          </Text>
          <List size="sm" spacing={4}>
            {props.removes.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {props.note}
          </Text>
          {props.error && <ErrorNotice title={props.errorTitle} error={props.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={props.pending} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
