/**
 * Opens the workspace: waits for the preferences and the app's facts, then shows the shell.
 * A refused access key shows the signed-out page; any other failure says what went wrong, with a retry.
 */
import { HashRouter } from 'react-router'
import { useProcedureQuery } from '../api/procedure-hooks'
import { useSettingsCacheSync } from '../api/settings'
import { AppLayout } from './AppLayout'
import { NotSignedInPage } from './NotSignedInPage'
import { StartingPage, StartupFailedPage } from './StartupPages'

export function AppBoot(): React.JSX.Element {
  useSettingsCacheSync()
  const settings = useProcedureQuery('settings:get', {})
  const info = useProcedureQuery('app:info', {})

  if (settings.data && info.data) {
    return (
      <HashRouter>
        <AppLayout info={info.data} />
      </HashRouter>
    )
  }
  const error = settings.error ?? info.error
  if (error?.code === 'UNAUTHORIZED') return <NotSignedInPage />
  if (error) {
    const retry = (): void => {
      void settings.refetch()
      void info.refetch()
    }
    return <StartupFailedPage error={error} onRetry={retry} />
  }
  return <StartingPage />
}
