/** Shows a failed action (as opposed to a failed load) as a notification that stays until closed. */
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { StudioError } from '../../../src-shared/contract'
import { ErrorDetails } from './ErrorDetails'

export function notifyError(title: string, error: StudioError): void {
  notifications.show({
    title,
    message: <ErrorDetails error={error} />,
    color: 'red',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    autoClose: false
  })
}
