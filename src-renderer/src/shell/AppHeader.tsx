/** The header: menu button on narrow windows, the app's name, the theme switch and the About button. */
import { ActionIcon, AppShell, Burger, Group, Tooltip } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { BrandMark } from '../components/BrandMark'
import { ThemeToggle } from './ThemeToggle'

export interface AppHeaderProps {
  menuOpened: boolean
  onToggleMenu: () => void
  onOpenAbout: () => void
}

export function AppHeader({ menuOpened, onToggleMenu, onOpenAbout }: AppHeaderProps): React.JSX.Element {
  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Burger
            opened={menuOpened}
            onClick={onToggleMenu}
            hiddenFrom="sm"
            size="sm"
            aria-label={menuOpened ? 'Close menu' : 'Open menu'}
            aria-controls="main-navigation"
            aria-expanded={menuOpened}
          />
          <BrandMark />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ThemeToggle />
          <Tooltip label="About Identity Studio" withArrow>
            <ActionIcon variant="default" size="lg" aria-label="About Identity Studio" onClick={onOpenAbout}>
              <IconInfoCircle size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </AppShell.Header>
  )
}
