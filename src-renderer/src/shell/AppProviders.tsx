/**
 * Everything the app runs inside: react-query, Mantine (its colours tuned for contrast, its colour
 * scheme driven by the workspace's theme setting, not localStorage) and the notification area.
 */
import { useState } from 'react'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { defaultSettings } from '../../../src-shared/contract'
import { settingsColorSchemeManager } from '../theme/settings-color-scheme-manager'
import { studioCssVariables } from '../theme/css-variables'
import { studioTheme } from '../theme/theme'

export interface AppProvidersProps {
  queryClient: QueryClient
  children: React.ReactNode
}

export function AppProviders({ queryClient, children }: AppProvidersProps): React.JSX.Element {
  const [colorSchemeManager] = useState(() => settingsColorSchemeManager(queryClient))
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={studioTheme}
        cssVariablesResolver={studioCssVariables}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme={defaultSettings.theme}
      >
        <Notifications position="bottom-right" />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  )
}
