/**
 * Renderer entry: picks the transport, then renders the app, or the signed-out page when this tab
 * has no way in. Preferences are read before the first paint so the saved theme shows from the start.
 */
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createStudioQueryClient } from './api/query-client'
import { settingsQueryKey } from './api/settings'
import { createStudioClient, type StudioClient } from './api/studio-client'
import { StudioClientContext } from './api/studio-context'
import { AppBoot } from './shell/AppBoot'
import { AppProviders } from './shell/AppProviders'
import { NotSignedInPage } from './shell/NotSignedInPage'
import { selectTransport } from './transport/select-transport'

const transport = selectTransport()
const client = transport ? createStudioClient(transport) : null
const queryClient = createStudioQueryClient()

async function start(studio: StudioClient | null): Promise<void> {
  if (studio) {
    // A failure is left in the cache; AppBoot retries it and shows the error if it persists.
    await queryClient
      .query({ queryKey: settingsQueryKey, queryFn: () => studio.call('settings:get', {}), retry: false })
      .catch(() => undefined)
  }
  const rootElement = document.getElementById('root')
  if (!rootElement) throw new Error('index.html has no #root element.')
  createRoot(rootElement).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        {studio ? (
          <StudioClientContext value={studio}>
            <AppBoot />
          </StudioClientContext>
        ) : (
          <NotSignedInPage />
        )}
      </AppProviders>
    </StrictMode>
  )
}

void start(client)
