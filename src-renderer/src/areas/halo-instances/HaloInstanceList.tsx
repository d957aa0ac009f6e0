/**
 * The saved Halo instances, one card each: the name (a link to the instance), its web address, what
 * it is and how it signs in, how its last test went, and Edit / Delete. Long names and addresses wrap.
 */
import { ActionIcon, Anchor, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { HaloInstance } from '../../../../src-shared/contract'
import { instancePath } from '../../shell/areas'
import { DemoBadge, InstanceBadges, LastCheckSummary } from './InstanceBadges'

export interface HaloInstanceListProps {
  instances: readonly HaloInstance[]
  onEdit: (instance: HaloInstance) => void
  onDelete: (instance: HaloInstance) => void
}

export function HaloInstanceList({ instances, onEdit, onDelete }: HaloInstanceListProps): React.JSX.Element {
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Halo instances">
      {instances.map((instance) => (
        <li key={instance.id}>
          <InstanceCard instance={instance} onEdit={onEdit} onDelete={onDelete} />
        </li>
      ))}
    </Stack>
  )
}

function InstanceCard({ instance, onEdit, onDelete }: { instance: HaloInstance } & Omit<HaloInstanceListProps, 'instances'>): React.JSX.Element {
  return (
    <Card withBorder padding="lg" component="article" aria-label={instance.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Title order={2} fz="lg" miw={0} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={instancePath(instance.id)} inherit>
                {instance.name}
              </Anchor>
            </Title>
            {instance.isDemo && <DemoBadge />}
          </Group>
          <Text size="sm" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {instance.baseUrl}
          </Text>
          <InstanceBadges instance={instance} />
          <LastCheckSummary check={instance.lastCheck} />
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(instance)} aria-label={`Edit ${instance.name}`}>
            Edit
          </Button>
          <Tooltip label="Delete" withArrow>
            <ActionIcon variant="subtle" color="red" size="lg" onClick={() => onDelete(instance)} aria-label={`Delete ${instance.name}`}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  )
}
