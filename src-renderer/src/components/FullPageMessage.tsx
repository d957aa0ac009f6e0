/**
 * A page on its own, before or instead of the app shell (signed out, starting, failed to start):
 * the app's name, an icon, a heading and the explanation, centred. `state` is exposed as
 * `data-app-state` so tests and tools can tell these pages apart.
 */
import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import canvas from '../theme/canvas.module.css'
import { BrandMark } from './BrandMark'

export interface FullPageMessageProps {
  state: 'signed-out' | 'starting' | 'failed'
  icon: React.ReactNode
  title: string
  children: React.ReactNode
  color?: string
}

export function FullPageMessage({ state, icon, title, children, color = 'indigo' }: FullPageMessageProps): React.JSX.Element {
  return (
    <Center mih="100vh" p="md" data-app-state={state} component="main" className={canvas.canvas}>
      <Stack gap="lg" w="100%" maw={560}>
        <BrandMark />
        <Paper withBorder shadow="sm" p="xl">
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon size={40} radius="xl" variant="light" color={color}>
                {icon}
              </ThemeIcon>
              <Title order={1} fz="xl">
                {title}
              </Title>
            </Group>
            <Text component="div">{children}</Text>
          </Stack>
        </Paper>
      </Stack>
    </Center>
  )
}
