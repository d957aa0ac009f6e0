/** Which area renders for which address; unknown addresses go to the workspace home. */
import { Navigate, Route, Routes } from 'react-router'
import { ConnectionPage } from '../areas/connections/ConnectionPage'
import { ConnectionsPage } from '../areas/connections/ConnectionsPage'
import { PreviewPage } from '../areas/connections/preview/PreviewPage'
import { HaloInstanceDetailPage } from '../areas/halo-instances/HaloInstanceDetailPage'
import { HaloInstancesPage } from '../areas/halo-instances/HaloInstancesPage'
import { HomePage } from '../areas/home/HomePage'
import { RunsPage } from '../areas/runs/RunsPage'
import { SettingsPage } from '../areas/settings/SettingsPage'
import { paths } from './areas'
import { SetupGuidePage } from '../areas/setup-guide/SetupGuidePage'

export function AreaRoutes(): React.JSX.Element {
  return (
    <Routes>
      <Route path={paths.home} element={<HomePage />} />
      <Route path={paths.haloInstances} element={<HaloInstancesPage />} />
      <Route path={paths.haloInstance} element={<HaloInstanceDetailPage />} />
      <Route path={paths.connections} element={<ConnectionsPage />} />
      <Route path={paths.connection} element={<ConnectionPage />} />
      <Route path={paths.preview} element={<PreviewPage />} />
      <Route path={paths.runs} element={<RunsPage />} />
      <Route path={paths.setup} element={<SetupGuidePage />} />
      <Route path={paths.settings} element={<SettingsPage />} />
      <Route path="*" element={<Navigate to={paths.home} replace />} />
    </Routes>
  )
}
