/** What every step of the setup guide is given: the saved progress, a way to change it, and the workspace facts its check reads. */
import type { GuidePatch, GuideProgress } from '../../../../src-shared/contract'
import type { GuideFacts } from './guide-steps'

export interface GuideStepProps {
  progress: GuideProgress
  update: (patch: GuidePatch) => void
  facts: GuideFacts
}
