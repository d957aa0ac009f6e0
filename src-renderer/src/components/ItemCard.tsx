/**
 * One saved thing in an area's list (a Halo instance, a connection), as a card: its name as a heading
 * that links to its page, what it is underneath, and Edit / Delete on the right. Long names wrap.
 */
import { ActionIcon, Anchor, Button, Card, Group, Stack, Title, Tooltip } from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'

export interface ItemCardProps {
  name: string
  /** The item's own page. */
  to: string
  /** Beside the name, e.g. a "Demo sandbox" badge. */
  nameAside?: React.ReactNode
  onEdit: () => void
  onDelete: () => void
  children: React.ReactNode
}

export function ItemCard({ name, to, nameAside, onEdit, onDelete, children }: ItemCardProps): React.JSX.Element {
  return (
    <Card withBorder padding="lg" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Title order={2} fz="lg" miw={0} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={to} inherit>
                {name}
              </Anchor>
            </Title>
            {nameAside}
          </Group>
          {children}
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={`Edit ${name}`}>
            Edit
          </Button>
          <Tooltip label="Delete" withArrow>
            <ActionIcon variant="subtle" color="red" size="lg" onClick={onDelete} aria-label={`Delete ${name}`}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  )
}
