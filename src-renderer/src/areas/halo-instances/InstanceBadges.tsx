/**
 * What a Halo instance is at a glance, as badges: the demo mark, where it runs, how it signs in and
 * whether it can (secret stored, signed in).
 */
import { Badge, Group } from '@mantine/core'
import { IconFlask } from '@tabler/icons-react'
import type { HaloInstance } from '../../../../src-shared/contract'
import { authModeLabels, deploymentText } from './instance-labels'

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
