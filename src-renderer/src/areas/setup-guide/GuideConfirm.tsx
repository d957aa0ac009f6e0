/**
 * The box an admin ticks to mark a guide step done themselves (the provider's setup followed, the
 * mappings reviewed). It shows the tick at once, and follows the kept progress when that changes.
 */
import { Checkbox } from '@mantine/core'
import { useState } from 'react'
import type { GuideStepId } from '../../../../src-shared/contract'
import type { GuideStepProps } from './guide-step-props'

export function GuideConfirm({ progress, update, step, label }: Pick<GuideStepProps, 'progress' | 'update'> & { step: GuideStepId; label: string }): React.JSX.Element {
  const kept = progress.confirmed.includes(step)
  const [shown, setShown] = useState({ kept, checked: kept })
  // The kept progress changed (main's answer, another window): follow it.
  if (shown.kept !== kept) setShown({ kept, checked: kept })
  return (
    <Checkbox
      label={label}
      checked={shown.checked}
      onChange={(event) => {
        const now = event.currentTarget.checked
        setShown({ kept, checked: now })
        update({ confirmed: now ? [...progress.confirmed, step] : progress.confirmed.filter((each) => each !== step) })
      }}
    />
  )
}
