/**
 * One connection on the workspace dashboard: its name, directory and Halo instance, an overall badge,
 * and its health lines (credentials, directory, preview, last sync, single sign-on), each with the
 * one action that fixes what it found.
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconCircleX, IconInfoCircle } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { Connection } from '../../../../src-shared/contract'
import { connectionPath } from '../../shell/areas'
import { KindBadge } from '../connections/ConnectionBadges'
import { worstLevel, type HealthItem, type HealthLevel } from './connection-health'

const levelLook: Record<HealthLevel, { color: string; icon: React.ReactNode; word: string }> = {
  ok: { color: 'teal', icon: <IconCircleCheck size={16} aria-hidden />, word: 'OK' },
  info: { color: 'blue', icon: <IconInfoCircle size={16} aria-hidden />, word: 'To do' },
  warning: { color: 'orange', icon: <IconAlertTriangle size={16} aria-hidden />, word: 'Attention' },
  problem: { color: 'red', icon: <IconCircleX size={16} aria-hidden />, word: 'Problem' }
}

const overallText: Record<HealthLevel, string> = { ok: 'Healthy', info: 'Healthy, steps left', warning: 'Needs attention', problem: 'Needs fixing' }

export function ConnectionHealthCard({ connection, items }: { connection: Connection; items: HealthItem[] }): React.JSX.Element {
  const overall = worstLevel(items)
  return (
    <Card withBorder padding="lg" component="article" aria-label={connection.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4} miw={0}>
            <Anchor component={Link} to={connectionPath(connection.id)} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
              {connection.name}
            </Anchor>
            <Group gap={6} wrap="wrap">
              <KindBadge kind={connection.kind} />
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                to {connection.haloInstanceName}
              </Text>
            </Group>
          </Stack>
          <Badge color={levelLook[overall].color} variant="light" tt="none" style={{ flexShrink: 0 }} data-health={overall}>
            {overallText[overall]}
          </Badge>
        </Group>
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Health of ${connection.name}`}>
          {items.map((item, index) => (
            <HealthLine key={item.key} item={item} first={index === 0} />
          ))}
        </Stack>
      </Stack>
    </Card>
  )
}

function HealthLine({ item, first }: { item: HealthItem; first: boolean }): React.JSX.Element {
  const look = levelLook[item.level]
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm" py={8} data-level={item.level} style={{ borderTop: first ? undefined : '1px solid var(--mantine-color-default-border)' }}>
      <ThemeIcon size={24} radius="xl" variant="light" color={look.color} aria-hidden>
        {look.icon}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1 }} miw={0}>
        <Text size="sm" fw={600}>
          {item.label}
          <Text span size="xs" c="dimmed" fw={400} ml={6}>
            {look.word}
          </Text>
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
      </Stack>
      {item.action && (
        <Button component={Link} to={item.action.path} size="xs" variant="light" color={look.color === 'teal' ? 'blue' : look.color} rightSection={<IconArrowRight size={14} aria-hidden />} style={{ flexShrink: 0 }}>
          {item.action.label}
        </Button>
      )}
    </Group>
  )
}
