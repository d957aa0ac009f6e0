/** Step 5: the first directory fetch into a local snapshot, with its progress and figures (the Details tab's card). */
import { useNavigate } from 'react-router'
import type { Connection } from '../../../../src-shared/contract'
import { useDirectoryFetch } from '../../api/connections'
import { connectionPath } from '../../shell/areas'
import { DirectoryFetchCard } from '../connections/DirectoryFetchCard'

export function FetchStep({ connection }: { connection: Connection }): React.JSX.Element {
  const fetch = useDirectoryFetch(connection.id)
  const navigate = useNavigate()
  return <DirectoryFetchCard connection={connection} fetch={fetch} onBrowse={() => void navigate(connectionPath(connection.id, 'directory'))} />
}
