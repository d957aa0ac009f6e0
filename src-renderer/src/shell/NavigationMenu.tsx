/**
 * The main menu: one link per area with its icon and shortcut; the current area is marked for
 * assistive technology too (aria-current). Settings sits apart at the bottom.
 */
import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core'
import { Link, useMatch } from 'react-router'
import { areas, paths, type Area } from './areas'
import classes from './NavigationMenu.module.css'
import { areaShortcutLabel } from './shortcuts'

export function NavigationMenu({ onNavigate }: { onNavigate: () => void }): React.JSX.Element {
  const main = areas.filter((area) => area.path !== paths.settings)
  const bottom = areas.filter((area) => area.path === paths.settings)
  return (
    <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label="Main">
      <AppShell.Section grow component={ScrollArea}>
        {main.map((area) => (
          <AreaLink key={area.path} area={area} onNavigate={onNavigate} />
        ))}
      </AppShell.Section>
      <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
        {bottom.map((area) => (
          <AreaLink key={area.path} area={area} onNavigate={onNavigate} />
        ))}
      </AppShell.Section>
    </AppShell.Navbar>
  )
}

function AreaLink({ area, onNavigate }: { area: Area; onNavigate: () => void }): React.JSX.Element {
  const active = useMatch({ path: area.path, end: area.path === paths.home }) !== null
  const AreaIcon = area.icon
  return (
    <NavLink
      component={Link}
      to={area.path}
      label={area.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      leftSection={<AreaIcon size={18} stroke={1.7} aria-hidden />}
      rightSection={
        <Text size="xs" c={active ? 'inherit' : 'dimmed'} aria-hidden>
          {areaShortcutLabel(area.shortcutDigit)}
        </Text>
      }
      aria-keyshortcuts={`Alt+${area.shortcutDigit}`}
      classNames={{ root: classes.link, label: classes.label }}
      mb={2}
    />
  )
}
