/** Move up / Move down for a row of an ordered list, disabled at either end; the labels name the row. */
import { ActionIcon } from '@mantine/core'
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react'

export interface MoveButtonsProps {
  index: number
  count: number
  /** Accessible names, e.g. "Move row 2 up" / "Move row 2 down". */
  upLabel: string
  downLabel: string
  /** Called with -1 (up) or +1 (down). */
  onMove: (by: -1 | 1) => void
}

export function MoveButtons({ index, count, upLabel, downLabel, onMove }: MoveButtonsProps): React.JSX.Element {
  return (
    <>
      <ActionIcon variant="subtle" aria-label={upLabel} disabled={index === 0} onClick={() => onMove(-1)}>
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon variant="subtle" aria-label={downLabel} disabled={index === count - 1} onClick={() => onMove(1)}>
        <IconArrowDown size={16} />
      </ActionIcon>
    </>
  )
}
