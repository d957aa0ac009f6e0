/** A small card explaining one part of an area (what it holds, what it needs), with an icon and a heading. */
import { Card, Group, Stack, ThemeIcon, Title } from '@mantine/core'

export interface FeatureCardProps {
  icon: React.ReactNode
  title: string
  children: React.ReactNode
}

export function FeatureCard({ icon, title, children }: FeatureCardProps): React.JSX.Element {
  return (
    <Card withBorder padding="lg" h="100%">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size={34} radius="md">
            {icon}
          </ThemeIcon>
          <Title order={3} fz="md">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  )
}
