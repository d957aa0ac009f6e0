/**
 * Step 4: the connection's credentials entered (the same form as Connections › Add, bound to the
 * chosen Halo instance) and tested against the directory; a failing check says what to fix, and the
 * guide waits until the test passes.
 */
import { Button, Group, Stack, Text } from '@mantine/core'
import { IconKey, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useHaloInstances } from '../../api/halo'
import { OktaTestCard } from '../connections/ConnectionDetailsTab'
import { ConnectionFormModal } from '../connections/ConnectionFormModal'
import { EntraAuthorize } from '../connections/entra/EntraAuthorize'
import { EntraTestCard } from '../connections/entra/EntraTestCard'
import type { GuideStepProps } from './guide-step-props'

export function CredentialsStep({ progress, update, facts }: GuideStepProps): React.JSX.Element {
  const instances = useHaloInstances()
  const [editing, setEditing] = useState(false)
  const connection = facts.connection
  const kind = progress.kind ?? 'okta'
  const chosen = (instances.data ?? []).filter((instance) => instance.id === progress.haloInstanceId)
  return (
    <Stack gap="md">
      {connection ? (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm">
            <b>{connection.name}</b> imports into {connection.haloInstanceName}. Test it; if a check fails, edit the credentials and test again.
          </Text>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
            Edit the credentials
          </Button>
        </Group>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">Enter what the provider gave you. Secrets go to this computer’s keychain, never to the workspace file.</Text>
          <Button leftSection={<IconKey size={16} aria-hidden />} onClick={() => setEditing(true)}>
            Enter the credentials
          </Button>
        </Stack>
      )}
      {connection?.entra?.signIn === 'delegated' && <EntraAuthorize connection={connection} />}
      {connection && (connection.kind === 'entra' ? <EntraTestCard connection={connection} /> : <OktaTestCard connection={connection} />)}
      <ConnectionFormModal opened={editing} connection={connection} kind={kind} haloInstances={chosen} onClose={() => setEditing(false)} onSaved={(saved) => update({ connectionId: saved.id })} />
    </Stack>
  )
}
