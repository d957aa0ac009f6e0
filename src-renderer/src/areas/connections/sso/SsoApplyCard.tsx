/**
 * "Apply to Halo": Halo's single sign-on fields now and after Apply (only those that change), and
 * Apply — available once a test sign-in passed for the saved settings; before that, only as "Apply
 * without a passing test…", confirmed and recorded. Then the last apply: when, what was written.
 */
import { useState } from 'react'
import { Badge, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core'
import { IconUpload } from '@tabler/icons-react'
import type { Connection, SsoState } from '../../../../../src-shared/contract'
import { useSsoAction, useSsoPreview } from '../../../api/sso'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { RelativeTime } from '../../../components/RelativeTime'
import { SectionCard } from '../../../components/SectionCard'
import { SsoChangesTable } from './SsoChangesTable'

export function SsoApplyCard({ connection, state }: { connection: Connection; state: SsoState }): React.JSX.Element {
  const needsHaloConnection = state.settings.kind === 'entra' && state.haloConnectionId === null
  const ready = state.saved && !needsHaloConnection
  const preview = useSsoPreview(connection.id, ready)
  const apply = useSsoAction('sso:apply')
  const [confirming, setConfirming] = useState(false)
  const changes = preview.data ?? []
  const run = (override: boolean): void => apply.mutate({ connectionId: connection.id, override }, { onSuccess: () => setConfirming(false) })
  return (
    <SectionCard title="Apply to Halo" description="Writes the saved settings to Halo: only the fields below, which differ from what Halo has now.">
      {!state.saved && (
        <Text size="sm" c="dimmed">
          Save the settings first; Halo’s fields before and after then show here.
        </Text>
      )}
      {state.saved && needsHaloConnection && (
        <Text size="sm" c="dimmed">
          Choose the Halo Entra connection in the settings above and save, to see what Apply would change.
        </Text>
      )}
      {ready && preview.isPending && <Skeleton h={80} />}
      {preview.error && <ErrorNotice title="Halo’s fields could not be read" error={preview.error} onRetry={() => void preview.refetch()} />}
      {preview.data &&
        (changes.length > 0 ? (
          <SsoChangesTable changes={changes} />
        ) : (
          <Text size="sm" c="dimmed">
            Halo already has these settings: Apply would change nothing.
          </Text>
        ))}
      {apply.error && !confirming && <ErrorNotice title="Nothing was applied" error={apply.error} />}
      {preview.data && changes.length > 0 && (
        <Group gap="sm">
          {state.tested ? (
            <Button leftSection={<IconUpload size={16} aria-hidden />} loading={apply.isPending} onClick={() => run(false)}>
              Apply
            </Button>
          ) : (
            <>
              <Button variant="default" color="orange" onClick={() => setConfirming(true)} disabled={state.settings.autoRedirect}>
                Apply without a passing test…
              </Button>
              <Text size="sm" c="dimmed">
                {state.settings.autoRedirect ? 'Automatic redirect is applied only after a test sign-in passed.' : 'Apply opens once a test sign-in passed for the saved settings.'}
              </Text>
            </>
          )}
        </Group>
      )}
      {state.lastApply && <LastApply apply={state.lastApply} />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Apply without a passing test?" centered>
        <Stack gap="md">
          <Text size="sm">No test sign-in has passed for these settings. If they are wrong, agents and users cannot sign in to Halo with single sign-on until they are fixed.</Text>
          <Text size="sm">Applying anyway is recorded with this apply.</Text>
          {apply.error && <ErrorNotice title="Nothing was applied" error={apply.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button color="orange" loading={apply.isPending} onClick={() => run(true)}>
              Apply anyway
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  )
}

function LastApply({ apply }: { apply: NonNullable<SsoState['lastApply']> }): React.JSX.Element {
  const fields = apply.changes.map((change) => change.label)
  return (
    <Stack gap={4} aria-label="Last apply" component="section">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Applied <RelativeTime iso={apply.at} />
        </Text>
        {apply.override && (
          <Badge color="orange" variant="light" tt="none">
            Applied without a passing test
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {fields.length === 0 ? 'Nothing needed writing: Halo already had these settings.' : `${fields.length} ${fields.length === 1 ? 'field' : 'fields'} written: ${fields.join(', ')}.`}
      </Text>
    </Stack>
  )
}
