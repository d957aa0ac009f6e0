/**
 * "Test connection": signs in and reads users, agents and every look-up, then shows the checklist
 * (✓ or ✗ per item, with Halo's reason or the count read, or – when not checked because signing in
 * failed). Before any test it shows the last one.
 */
import { Badge, Button, Group, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core'
import { IconCheck, IconMinus, IconPlugConnected, IconX } from '@tabler/icons-react'
import type { HaloCheck, HaloCheckItem, StudioError } from '../../../../src-shared/contract'
import { ErrorNotice } from '../../components/ErrorNotice'
import { checkOutcome, type CheckState } from './check-outcome'
import { SectionCard } from '../../components/SectionCard'
import { RelativeTime } from './RelativeTime'

export interface ConnectionCheckCardProps {
  check: HaloCheck | null
  testing: boolean
  error: StudioError | null
  onTest: () => void
}

export function ConnectionCheckCard({ check, testing, error, onTest }: ConnectionCheckCardProps): React.JSX.Element {
  return (
    <SectionCard
      title="Connection test"
      description="Signs in, then reads users, agents and every look-up. The look-ups read are kept for offline work."
      aside={
        <Button leftSection={<IconPlugConnected size={16} aria-hidden />} onClick={onTest} loading={testing} style={{ flexShrink: 0 }}>
          Test connection
        </Button>
      }
    >
      {error && <ErrorNotice title="The test could not run" error={error} />}
      {testing && (
        <Text size="sm" c="dimmed" role="status">
          Signing in and reading from Halo…
        </Text>
      )}
      {check ? (
        <CheckList check={check} />
      ) : (
        !testing && (
          <Text size="sm" c="dimmed">
            Not tested yet. A test takes a few seconds and changes nothing in Halo.
          </Text>
        )
      )}
    </SectionCard>
  )
}

const stateLook: Record<CheckState, { color: string; icon: React.ReactNode; spoken: string }> = {
  passed: { color: 'teal', icon: <IconCheck size={14} />, spoken: 'Passed: ' },
  failed: { color: 'red', icon: <IconX size={14} />, spoken: 'Failed: ' },
  'not-checked': { color: 'gray', icon: <IconMinus size={14} />, spoken: 'Not checked: ' }
}

function CheckList({ check }: { check: HaloCheck }): React.JSX.Element {
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
      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Connection checks">
        {check.items.map((item) => (
          <CheckRow key={item.key} item={item} state={stateOf(item)} />
        ))}
      </Stack>
    </Stack>
  )
}

function CheckRow({ item, state }: { item: HaloCheckItem; state: CheckState }): React.JSX.Element {
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
