/**
 * What a Halo instance is at a glance, as badges: the demo mark, where it runs, how it signs in and
 * whether it can (secret stored, signed in), and how its last connection test went.
 */
import { Badge, Group, Text } from '@mantine/core'
import { IconCheck, IconFlask, IconX } from '@tabler/icons-react'
import type { HaloCheck, HaloInstance } from '../../../../src-shared/contract'
import { shortOutcomeText } from './check-outcome'
import { authModeLabels, deploymentText } from './instance-labels'
import { RelativeTime } from './RelativeTime'

export function DemoBadge(): React.JSX.Element {
  return (
    <Badge component="span" color="grape" variant="filled" leftSection={<IconFlask size={12} aria-hidden />} style={{ flexShrink: 0 }}>
      Demo sandbox
    </Badge>
  )
}

export function InstanceBadges({ instance }: { instance: HaloInstance }): React.JSX.Element {
  return (
    <Group gap={6}>
      <Badge variant="default" tt="none" fw={500}>
        {deploymentText(instance)}
      </Badge>
      <Badge variant="default" tt="none" fw={500}>
        {authModeLabels[instance.authMode]}
      </Badge>
      <CredentialBadge instance={instance} />
    </Group>
  )
}

function CredentialBadge({ instance }: { instance: HaloInstance }): React.JSX.Element {
  const [ok, label] =
    instance.authMode === 'client_credentials'
      ? [instance.secretSet, instance.secretSet ? 'Secret in keychain' : 'No secret stored']
      : [instance.signedIn, instance.signedIn ? 'Signed in' : 'Not signed in']
  return (
    <Badge variant="light" color={ok ? 'teal' : 'orange'} tt="none" fw={500}>
      {label}
    </Badge>
  )
}

/** "Connection OK · tested 5 minutes ago", "Sign-in failed · …", "3 checks failed · …" or "Not tested yet". */
export function LastCheckSummary({ check }: { check: HaloCheck | null }): React.JSX.Element {
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
        {shortOutcomeText(check)}
      </Badge>
      <Text size="sm" c="dimmed">
        tested <RelativeTime iso={check.checkedAt} />
      </Text>
    </Group>
  )
}
