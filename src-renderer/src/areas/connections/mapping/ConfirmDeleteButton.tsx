/** A row's delete button that asks first, in a small popover beside it (Keep / Delete). */
import { useState } from 'react'
import { ActionIcon, Button, Group, Popover, Stack, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'

export interface ConfirmDeleteButtonProps {
  /** What is deleted, for the button's accessible name: "Delete <label>". */
  label: string
  question: string
  onConfirm: () => void
}

export function ConfirmDeleteButton({ label, question, onConfirm }: ConfirmDeleteButtonProps): React.JSX.Element {
  const [opened, setOpened] = useState(false)
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="red" aria-label={`Delete ${label}`} onClick={() => setOpened((open) => !open)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{question}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              Keep
            </Button>
            <Button
              size="xs"
              color="red"
              onClick={() => {
                setOpened(false)
                onConfirm()
              }}
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
