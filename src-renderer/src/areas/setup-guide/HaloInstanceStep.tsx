/**
 * Step 1: the Halo instance people are imported into — one of the workspace's, or a new one added
 * here — tested (signed in, users, agents and look-ups read) before the guide goes on; a failing
 * test says what is wrong, and the instance can be edited right here.
 */
import { Button, Group, Select, Stack, Text } from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useHaloAction, useHaloInstances } from '../../api/halo'
import { HaloTestCard } from '../halo-instances/HaloTestCard'
import { HaloInstanceFormModal } from '../halo-instances/HaloInstanceFormModal'
import type { GuideStepProps } from './guide-step-props'

export function HaloInstanceStep({ progress, update, facts }: GuideStepProps): React.JSX.Element {
  const instances = useHaloInstances()
  const test = useHaloAction('halo:test')
  const [dialog, setDialog] = useState<'add' | 'edit' | null>(null)
  const instance = facts.haloInstance
  return (
    <Stack gap="md">
      <Text size="sm">Choose the HaloITSM or HaloPSA instance the directory’s people become users and agents of, or add it. It is tested before you go on.</Text>
      <Group align="flex-end" gap="sm">
        <Select
          label="Halo instance"
          placeholder={instances.data?.length === 0 ? 'None yet: add one' : 'Choose an instance'}
          data={(instances.data ?? []).map((each) => ({ value: each.id, label: each.name }))}
          value={progress.haloInstanceId}
          onChange={(value) => update({ haloInstanceId: value, connectionId: null })}
          allowDeselect={false}
          w={360}
          maw="100%"
        />
        {instance && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
            Edit {instance.name}
          </Button>
        )}
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('add')}>
          Add a Halo instance
        </Button>
      </Group>
      {instance && (
        <HaloTestCard instance={instance} test={test} title={`Test ${instance.name}`} />
      )}
      <HaloInstanceFormModal opened={dialog !== null} instance={dialog === 'edit' ? instance : undefined} onClose={() => setDialog(null)} onSaved={(saved) => update({ haloInstanceId: saved.id, ...(dialog === 'add' ? { connectionId: null } : {}) })} />
    </Stack>
  )
}
