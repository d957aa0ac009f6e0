/** A bordered card with a heading (h2) and an optional one-line explanation, for a section of an area. */
import { Card, Group, Stack, Text, Title } from '@mantine/core'

export interface SectionCardProps {
  title: string
  description?: React.ReactNode
  /** Shown at the right of the heading, e.g. a status badge. */
  aside?: React.ReactNode
  children: React.ReactNode
}

export function SectionCard({ title, description, aside, children }: SectionCardProps): React.JSX.Element {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
            <Title order={2} fz="lg">
              {title}
            </Title>
            {aside}
          </Group>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  )
}
