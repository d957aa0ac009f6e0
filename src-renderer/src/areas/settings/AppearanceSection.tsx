/** Appearance: the theme (light, dark or the operating system's), saved in the workspace and applied at once. */
import { Center, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react'
import { themeSchema, type Theme } from '../../../../src-shared/contract'
import { SectionCard } from '../../components/SectionCard'
import { useThemeSetting } from '../../theme/use-theme-setting'

const choices: { value: Theme; label: string; icon: typeof IconSun }[] = [
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
  { value: 'auto', label: 'Match system', icon: IconDeviceDesktop }
]

export function AppearanceSection(): React.JSX.Element {
  const { theme, shown, setTheme } = useThemeSetting()
  return (
    <SectionCard title="Appearance" description="Saved in this workspace and applied to every Identity Studio window.">
      <Stack gap={6}>
        <Text size="sm" fw={500} id="theme-label">
          Theme
        </Text>
        <SegmentedControl
          aria-labelledby="theme-label"
          value={theme}
          onChange={(value) => setTheme(themeSchema.parse(value))}
          data={choices.map(({ value, label, icon: ChoiceIcon }) => ({
            value,
            label: (
              <Center style={{ gap: 8 }}>
                <ChoiceIcon size={16} aria-hidden />
                <span>{label}</span>
              </Center>
            )
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
        {theme === 'auto' && (
          <Text size="xs" c="dimmed">
            Following your operating system, which is using the {shown} theme now.
          </Text>
        )}
      </Stack>
    </SectionCard>
  )
}
