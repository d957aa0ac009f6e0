/** The theme preference as the UI needs it: the saved choice, what is showing now, and a setter that saves. */
import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import type { Theme } from '../../../src-shared/contract'
import { useUpdateSettings } from '../api/settings'

export interface ThemeSetting {
  /** The saved choice (Mantine mirrors the workspace setting; see settings-color-scheme-manager). */
  theme: Theme
  /** What is on screen now: `auto` resolved against the operating system. */
  shown: 'light' | 'dark'
  setTheme: (theme: Theme) => void
}

export function useThemeSetting(): ThemeSetting {
  const { colorScheme } = useMantineColorScheme()
  const shown = useComputedColorScheme('light')
  const updateSettings = useUpdateSettings()
  return { theme: colorScheme, shown, setTheme: (theme) => updateSettings({ theme }) }
}
