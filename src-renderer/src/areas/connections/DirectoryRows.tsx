/**
 * One row of the snapshot browser's lists: a person (name, login and email, title, department and
 * city, status), a group (name, description, kind, and its members, which a click shows) or an
 * Intune device (name, its user, system, ownership and hardware, compliance and last sync), and the
 * placeholder shown while a row's page is read. Long and non-Latin names wrap rather than overflow.
 */
import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import type { DirectoryDevice, DirectoryGroup, DirectoryPerson } from '../../../../src-shared/contract'
import { RelativeTime } from '../../components/RelativeTime'
import { complianceColor, complianceLabel, countText, groupTypeLabel, ownershipLabel, statusColor, statusLabel } from './connection-labels'

const wrap = { overflowWrap: 'anywhere' } as const

export function PersonRow({ person }: { person: DirectoryPerson }): React.JSX.Element {
  const contact = [person.login, person.email?.toLowerCase() === person.login?.toLowerCase() ? null : person.email].filter(Boolean).join(' · ')
  const work = [person.title, person.department, person.city].filter(Boolean).join(' · ')
  return (
    <Group gap="sm" wrap="nowrap" px="sm" py={8} justify="space-between" align="flex-start" data-person={person.id}>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500} style={wrap}>
          {person.displayName}
        </Text>
        {contact && (
          <Text size="xs" c="dimmed" style={wrap}>
            {contact}
          </Text>
        )}
        {work && (
          <Text size="xs" c="dimmed" style={wrap}>
            {work}
          </Text>
        )}
      </Stack>
      <Badge color={statusColor(person.status)} variant="light" tt="none" fw={500} style={{ flexShrink: 0 }}>
        {statusLabel(person.status)}
      </Badge>
    </Group>
  )
}

export function GroupRow({ group, onShowMembers }: { group: DirectoryGroup; onShowMembers: (group: DirectoryGroup) => void }): React.JSX.Element {
  return (
    <Group gap="sm" wrap="nowrap" px="sm" py={8} justify="space-between" align="flex-start" data-group={group.id}>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500} style={wrap}>
          {group.name}
        </Text>
        {group.description && (
          <Text size="xs" c="dimmed" lineClamp={2} style={wrap}>
            {group.description}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Badge variant="default" tt="none" fw={500} visibleFrom="xs">
          {groupTypeLabel(group.type)}
        </Badge>
        <Button
          size="compact-sm"
          variant="subtle"
          rightSection={<IconArrowRight size={14} aria-hidden />}
          disabled={group.memberCount === 0}
          onClick={() => onShowMembers(group)}
          aria-label={`Show the ${countText(group.memberCount, 'member', 'members')} of ${group.name}`}
        >
          {countText(group.memberCount, 'member', 'members')}
        </Button>
      </Group>
    </Group>
  )
}

export function DeviceRow({ device }: { device: DirectoryDevice }): React.JSX.Element {
  const hardware = [device.manufacturer, device.model].filter(Boolean).join(' ')
  const about = [[device.operatingSystem, device.osVersion].filter(Boolean).join(' '), ownershipLabel(device.ownership), hardware, device.serialNumber && `Serial ${device.serialNumber}`].filter(Boolean).join(' · ')
  return (
    <Group gap="sm" wrap="nowrap" px="sm" py={8} justify="space-between" align="flex-start" data-device={device.id}>
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={500} style={wrap}>
          {device.name}
        </Text>
        <Text size="xs" c="dimmed" style={wrap}>
          {device.login ?? 'No primary user'}
        </Text>
        {about && (
          <Text size="xs" c="dimmed" style={wrap}>
            {about}
          </Text>
        )}
      </Stack>
      <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
        <Badge color={complianceColor(device.compliance)} variant="light" tt="none" fw={500}>
          {complianceLabel(device.compliance)}
        </Badge>
        {device.lastSyncAt && (
          <Text size="xs" c="dimmed">
            Synced <RelativeTime iso={device.lastSyncAt} />
          </Text>
        )}
      </Stack>
    </Group>
  )
}

/** Stands in for a row whose page is still being read. */
export function RowPlaceholder(): React.JSX.Element {
  return (
    <Stack gap={6} px="sm" py={12} aria-busy="true" aria-label="Loading">
      <Skeleton h={12} w="35%" />
      <Skeleton h={10} w="55%" />
    </Stack>
  )
}
