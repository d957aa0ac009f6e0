/** The header's light/dark switch: flips what is showing now and saves it as the workspace's theme. */
import { ActionIcon, Tooltip } from '@mantine/core'
import { IconMoon, IconSun } from '@tabler/icons-react'
import { useThemeSetting } from '../theme/use-theme-setting'

export function ThemeToggle(): React.JSX.Element {
  const { shown, setTheme } = useThemeSetting()
  const next = shown === 'dark' ? 'light' : 'dark'
  const label = `Switch to ${next} theme`
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setTheme(next)}>
        {shown === 'dark' ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
      </ActionIcon>
    </Tooltip>
  )
}
