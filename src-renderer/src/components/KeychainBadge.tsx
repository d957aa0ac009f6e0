/** Whether the OS keychain can hold secrets, as a badge: green "Available" or red "Unavailable". */
import { Badge } from '@mantine/core'
import type { KeychainStatus } from '../../../src-shared/contract'

export function KeychainBadge({ keychain }: { keychain: KeychainStatus }): React.JSX.Element {
  return (
    <Badge color={keychain.available ? 'teal' : 'red'} variant="light">
      {keychain.available ? 'Available' : 'Unavailable'}
    </Badge>
  )
}
