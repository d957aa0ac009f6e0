/**
 * Opens the setup guide: where it was when one is under way (and no longer closed), or afresh when
 * none was started or the last one finished.
 */
import { useNavigate } from 'react-router'
import { useGuideAction, useGuideProgress } from '../../api/guide'
import { paths } from '../../shell/areas'

export function useOpenGuide(): { open: () => void; opening: boolean } {
  const progress = useGuideProgress()
  const start = useGuideAction('guide:start')
  const update = useGuideAction('guide:update')
  const navigate = useNavigate()
  const go = (): void => void navigate(paths.setup)
  const open = (): void => {
    const current = progress.data
    if (current && current.finishedAt === null) update.mutate({ dismissed: false }, { onSuccess: go })
    else start.mutate({}, { onSuccess: go })
  }
  return { open, opening: start.isPending || update.isPending }
}
