/**
 * The app shell once the workspace is open: skip link, header, menu, the current area, About.
 * Owns the shortcuts and moves focus to the new page's title after each navigation.
 */
import { useEffect, useRef } from 'react'
import { AppShell, Box } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useLocation } from 'react-router'
import type { AppInfo } from '../../../src-shared/contract'
import canvas from '../theme/canvas.module.css'
import { AboutDialog } from './AboutDialog'
import { AppHeader } from './AppHeader'
import { AreaRoutes } from './AreaRoutes'
import { NavigationMenu } from './NavigationMenu'
import { SkipLink } from './SkipLink'
import { useAreaShortcuts } from './shortcuts'

const mainId = 'main-content'

export function AppLayout({ info }: { info: AppInfo }): React.JSX.Element {
  const [menuOpened, menu] = useDisclosure(false)
  const [aboutOpened, about] = useDisclosure(false)
  useAreaShortcuts()
  useFocusTitleOnNavigate()

  return (
    <AppShell
      data-app-state="ready"
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding="xl"
    >
      <SkipLink targetId={mainId} />
      <AppHeader menuOpened={menuOpened} onToggleMenu={menu.toggle} onOpenAbout={about.open} />
      <NavigationMenu onNavigate={menu.close} />
      <AppShell.Main id={mainId} tabIndex={-1} className={canvas.canvas} style={{ outline: 'none' }}>
        <Box maw={1180} mx="auto">
          <AreaRoutes />
        </Box>
      </AppShell.Main>
      <AboutDialog opened={aboutOpened} onClose={about.close} info={info} />
    </AppShell>
  )
}

/** After a navigation (not the first render), put focus on the new page's title, as a new page load would. */
function useFocusTitleOnNavigate(): void {
  const { pathname } = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    document.querySelector<HTMLElement>(`#${mainId} [data-page-title]`)?.focus()
  }, [pathname])
}
