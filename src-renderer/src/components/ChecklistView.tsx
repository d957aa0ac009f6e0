/**
 * A connection test's checklist (Halo's "Test connection", Okta's "Test credentials"): a summary
 * badge and when it ran, then one line per check, ✓ or ✗ (or – when not checked because signing in
 * failed), with the service's reason or the count read.
 */
import { Badge, Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core'
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react'
import type { Checklist, ChecklistItem } from '../../../src-shared/contract'
import { checkOutcome, type CheckState } from './check-outcome'
import { RelativeTime } from './RelativeTime'

const stateLook: Record<CheckState, { color: string; icon: React.ReactNode; spoken: string }> = {
  passed: { color: 'teal', icon: <IconCheck size={14} />, spoken: 'Passed: ' },
  failed: { color: 'red', icon: <IconX size={14} />, spoken: 'Failed: ' },
  'not-checked': { color: 'gray', icon: <IconMinus size={14} />, spoken: 'Not checked: ' }
}

/** `label` names the list for assistive technology, e.g. "Connection checks". */
export function ChecklistView({ check, label }: { check: Checklist; label: string }): React.JSX.Element {
  const { signInFailed, failed, stateOf } = checkOutcome(check)
  const summary = check.ok
    ? `All ${check.items.length} checks passed`
    : signInFailed
      ? 'Sign-in failed: nothing else could be checked'
      : `${failed} of ${check.items.length} checks failed`
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-live="polite">
        <Badge color={check.ok ? 'teal' : 'red'} variant="light" tt="none" fw={600} size="lg" maw="100%">
          {summary}
        </Badge>
        <Text size="sm" c="dimmed">
          Tested <RelativeTime iso={check.checkedAt} />
        </Text>
      </Group>
      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
        {check.items.map((item) => (
          <CheckRow key={item.key} item={item} state={stateOf(item)} />
        ))}
      </Stack>
    </Stack>
  )
}

function CheckRow({ item, state }: { item: ChecklistItem; state: CheckState }): React.JSX.Element {
  const look = stateLook[state]
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py={6}
      data-check={item.key}
      data-ok={item.ok}
      data-state={state}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <ThemeIcon size={22} radius="xl" color={look.color} variant="light" aria-hidden>
        {look.icon}
      </ThemeIcon>
      <Stack gap={0} miw={0} style={{ flex: 1 }}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} c={state === 'not-checked' ? 'dimmed' : undefined}>
            <VisuallyHidden>{look.spoken}</VisuallyHidden>
            {item.label}
          </Text>
          {item.count !== null && (
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {item.count.toLocaleString()} {item.count === 1 ? 'record' : 'records'}
            </Text>
          )}
        </Group>
        <Text size="sm" c={state === 'failed' ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
          {item.message}
        </Text>
      </Stack>
    </Group>
  )
}
