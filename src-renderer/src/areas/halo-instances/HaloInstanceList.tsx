/**
 * The saved Halo instances, one card each: the name (a link to the instance), its web address, what
 * it is and how it signs in, how its last test went, and Edit / Delete. Long names and addresses wrap.
 */
import { Stack, Text } from '@mantine/core'
import type { HaloInstance } from '../../../../src-shared/contract'
import { ItemCard } from '../../components/ItemCard'
import { LastCheckSummary } from '../../components/LastCheckSummary'
import { instancePath } from '../../shell/areas'
import { DemoBadge, InstanceBadges } from './InstanceBadges'

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
          <ItemCard
            name={instance.name}
            to={instancePath(instance.id)}
            nameAside={instance.isDemo && <DemoBadge />}
            onEdit={() => onEdit(instance)}
            onDelete={() => onDelete(instance)}
          >
            <Text size="sm" ff="monospace" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {instance.baseUrl}
            </Text>
            <InstanceBadges instance={instance} />
            <LastCheckSummary check={instance.lastCheck} passedText="Connection OK" />
          </ItemCard>
        </li>
      ))}
    </Stack>
  )
}
