/** An inline error panel for a failed load, with an optional retry. */
import { Alert, Button, Stack } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { StudioError } from '../../../src-shared/contract'
import { ErrorDetails } from './ErrorDetails'

export interface ErrorNoticeProps {
  title: string
  error: StudioError
  onRetry?: () => void
}

export function ErrorNotice({ title, error, onRetry }: ErrorNoticeProps): React.JSX.Element {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="sm" align="flex-start">
        <ErrorDetails error={error} />
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
