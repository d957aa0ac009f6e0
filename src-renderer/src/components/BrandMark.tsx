/** The app's mark and name, as shown in the header and on full-page messages. */
import { Group, Text, ThemeIcon } from '@mantine/core'
import { IconUsersGroup } from '@tabler/icons-react'

export function BrandMark(): React.JSX.Element {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={32} radius="md" variant="gradient" gradient={{ from: 'indigo.6', to: 'cyan.5', deg: 135 }}>
        <IconUsersGroup size={20} aria-hidden />
      </ThemeIcon>
      <Text fw={700} size="md" style={{ whiteSpace: 'nowrap' }}>
        Identity Studio{' '}
        <Text span c="dimmed" fw={500} inherit>
          for Halo
        </Text>
      </Text>
    </Group>
  )
}
