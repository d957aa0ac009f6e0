/**
 * The top of every area: its title (the page's one h1, which receives focus after navigation),
 * a sentence saying what the area is for, and the area's main actions on the right.
 */
import { Group, Stack, Text, Title } from '@mantine/core'

export interface PageHeaderProps {
  title: string
  description: React.ReactNode
  actions?: React.ReactNode
}

export function PageHeader({ title, description, actions }: PageHeaderProps): React.JSX.Element {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg" mb="xl">
      <Stack gap={4} miw={0}>
        <Title order={1} fz={26} tabIndex={-1} data-page-title style={{ outline: 'none', overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Text c="dimmed" maw={720}>
          {description}
        </Text>
      </Stack>
      {actions && (
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  )
}
