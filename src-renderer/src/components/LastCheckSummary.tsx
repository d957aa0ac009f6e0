/** A connection's last test in one line: "Connection OK · tested 5 minutes ago", "Sign-in failed · …", "3 checks failed · …" or "Not tested yet". */
import { Badge, Group, Text } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import type { Checklist } from '../../../src-shared/contract'
import { shortOutcomeText } from './check-outcome'
import { RelativeTime } from './RelativeTime'

/** `passedText` is what a test with every check passed is called, e.g. "Connection OK". */
export function LastCheckSummary({ check, passedText }: { check: Checklist | null; passedText: string }): React.JSX.Element {
  if (!check) {
    return (
      <Text size="sm" c="dimmed">
        Not tested yet
      </Text>
    )
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        variant="light"
        color={check.ok ? 'teal' : 'red'}
        tt="none"
        fw={500}
        leftSection={check.ok ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
        style={{ flexShrink: 0 }}
      >
        {shortOutcomeText(check, passedText)}
      </Badge>
      <Text size="sm" c="dimmed">
        tested <RelativeTime iso={check.checkedAt} />
      </Text>
    </Group>
  )
}
