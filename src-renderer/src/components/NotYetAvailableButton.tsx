/**
 * A primary action this version does not have yet: shown so the admin sees where it will be, but
 * disabled (with a dashed outline, like a placeholder), still focusable, and saying why in a tooltip
 * (on hover and on keyboard focus).
 */
import { Button, Tooltip } from '@mantine/core'

export interface NotYetAvailableButtonProps {
  label: string
  icon: React.ReactNode
  /** Why it is disabled, e.g. "Arrives with Halo instance support". */
  reason: string
}

export function NotYetAvailableButton({ label, icon, reason }: NotYetAvailableButtonProps): React.JSX.Element {
  return (
    <Tooltip label={reason} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Button
        leftSection={icon}
        data-disabled
        aria-disabled="true"
        aria-description={reason}
        onClick={(event) => event.preventDefault()}
        styles={{ root: { border: '1px dashed var(--mantine-color-default-border)' } }}
      >
        {label}
      </Button>
    </Tooltip>
  )
}
