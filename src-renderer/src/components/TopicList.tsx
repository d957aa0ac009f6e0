/**
 * A card of topics, one per row: an icon and a heading on the left, the explanation on the right
 * (stacked on narrow windows). For explanations too long to sit side by side in small cards.
 */
import { Card, Divider, Grid, Group, ThemeIcon, Title } from '@mantine/core'
import { Fragment } from 'react'

export interface Topic {
  icon: React.ReactNode
  title: string
  content: React.ReactNode
}

export function TopicList({ topics }: { topics: readonly Topic[] }): React.JSX.Element {
  return (
    <Card withBorder padding="lg">
      {topics.map((topic, index) => (
        <Fragment key={topic.title}>
          {index > 0 && <Divider my="md" />}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" size={34} radius="md">
                  {topic.icon}
                </ThemeIcon>
                <Title order={3} fz="md">
                  {topic.title}
                </Title>
              </Group>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>{topic.content}</Grid.Col>
          </Grid>
        </Fragment>
      ))}
    </Card>
  )
}
