/**
 * The Imports tab: what is imported (users, agents, both), the matching fields in the order they
 * are tried, the Okta statuses counted as active, deactivation of people out of scope, the default
 * site, the guardrails, Entra delta queries (the connection's setting, with Reset delta) — the configuration's export and import as JSON, and the
 * preview and sync buttons.
 */
import { useRef, useState } from 'react'
import { ActionIcon, Alert, Button, Checkbox, Group, List, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core'
import { IconDownload, IconFileImport, IconTrash } from '@tabler/icons-react'
import type { ProcedureOutput, StudioError } from '../../../../../src-shared/contract'
import type { ImportsConfig } from '../../../../../src-shared/mapping/config-schema'
import { haloFields, type HaloRecordKind } from '../../../../../src-shared/mapping/halo-fields'
import { oktaUserStatuses } from '../../../../../src-shared/okta-statuses'
import { useStudioClient } from '../../../api/studio-context'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { SectionCard } from '../../../components/SectionCard'
import { statusLabel } from '../connection-labels'
import { DefaultSiteSelect } from './DefaultSiteSelect'
import { DesignTab } from './DesignTab'
import { moveItem, useMappingDesign } from './mapping-design'
import { MoveButtons } from './MoveButtons'
import { useConnections } from '../../../api/connections'
import { DeltaControls } from '../entra/DeltaControls'
import { PreviewLauncher } from '../preview/PreviewLauncher'

export function ImportsTab(): React.JSX.Element {
  const design = useMappingDesign()
  const imports = design.config.imports
  const set = (apply: (draft: ImportsConfig) => void): void => design.update((draft) => apply(draft.imports))
  return (
    <DesignTab tab="imports">
      <Stack gap="lg">
        <PreviewLauncher connectionId={design.connectionId} unsaved={design.dirty} />
        <SectionCard title="What to import" description="Users, agents (people a site mapping sends to *agent*), or both.">
          <SegmentedControl
            aria-label="Import"
            data={[
              { value: 'both', label: 'Users and agents' },
              { value: 'users', label: 'Users only' },
              { value: 'agents', label: 'Agents only' }
            ]}
            value={imports.importType}
            onChange={(value) => set((draft) => (draft.importType = value === 'users' || value === 'agents' ? value : 'both'))}
          />
        </SectionCard>
        <SectionCard title="Matching" description="A person is matched to a Halo record by the directory id stored on it first, then by these fields, in this order. Two records matching one person is a conflict to resolve in the preview, never a guess.">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <MatchingList kind="user" />
            <MatchingList kind="agent" />
          </SimpleGrid>
        </SectionCard>
        {design.config.source === 'okta' && (
          <SectionCard title="Active statuses" description="People in these Okta statuses count as active; anyone in another status is deactivated in Halo at the next sync, as Halo’s own Okta integration does.">
            <Checkbox.Group aria-label="Okta statuses counted as active" value={imports.activeStatuses} onChange={(value) => set((draft) => (draft.activeStatuses = value))}>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {oktaUserStatuses.map((status) => (
                  <Checkbox key={status} value={status} label={statusLabel(status)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </SectionCard>
        )}
        {design.config.source === 'entra' && (
          <SectionCard title="Active accounts" description="An Entra account that is enabled counts as active; a disabled one (Account enabled: No) is deactivated in Halo at the next sync, as Halo’s own Entra integration does.">
            <Text size="sm" c="dimmed">
              Guests are imported only by site mappings that include external users.
            </Text>
          </SectionCard>
        )}
        <SectionCard title="People out of scope" description="Who is no longer active, or no longer matched by any site mapping.">
          <Stack gap="sm">
            <Switch
              label="Deactivate them in Halo (users become inactive, agents disabled)"
              checked={imports.deactivateOutOfScope}
              onChange={(event) => {
                const checked = event.currentTarget.checked
                set((draft) => (draft.deactivateOutOfScope = checked))
              }}
            />
            <DefaultSiteSelect />
          </Stack>
        </SectionCard>
        <SectionCard title="Guardrails" description="A sync that would deactivate more than this is stopped until you confirm it, as Entra Connect and Okta's import safeguards do.">
          <Group align="flex-start">
            <NumberInput label="At most this many deactivations" min={0} max={1_000_000} value={imports.guardrails.maxDeactivations} onChange={(value) => set((draft) => (draft.guardrails.maxDeactivations = typeof value === 'number' ? value : 0))} w={240} />
            <NumberInput label="At most this share of Halo's people" suffix=" %" min={0} max={100} value={imports.guardrails.maxDeactivationPercent} onChange={(value) => set((draft) => (draft.guardrails.maxDeactivationPercent = typeof value === 'number' ? value : 0))} w={240} />
          </Group>
        </SectionCard>
        {design.config.source === 'entra' && <DeltaQueries connectionId={design.connectionId} />}
        <ExportImport />
      </Stack>
    </DesignTab>
  )
}

/** Entra: whether fetches read only the changes (the connection's setting, changed with Edit) and Reset delta. */
function DeltaQueries({ connectionId }: { connectionId: string }): React.JSX.Element | null {
  const connection = useConnections().data?.find((each) => each.id === connectionId)
  if (!connection?.entra) return null
  return (
    <SectionCard title="Delta queries" description="Read only what changed in Entra since the last fetch, so syncs can run often. Turned on or off with Edit, at the top of the page.">
      {connection.entra.delta ? (
        <DeltaControls connection={connection} disabled={false} />
      ) : (
        <Text size="sm" c="dimmed">
          Off: every fetch reads the whole directory.
        </Text>
      )}
    </SectionCard>
  )
}

function MatchingList({ kind }: { kind: HaloRecordKind }): React.JSX.Element {
  const design = useMappingDesign()
  const key = kind === 'user' ? 'userMatching' : 'agentMatching'
  const list = design.config.imports[key]
  const fields = haloFields(kind)
  const label = (value: string): string => fields.find((field) => field.key === value)?.label ?? value
  const change = (apply: (draft: string[]) => void): void => design.update((draft) => apply(draft.imports[key]))
  return (
    <Stack gap="xs" aria-label={kind === 'user' ? 'User matching fields' : 'Agent matching fields'} role="group">
      <Text size="sm" fw={600}>
        {kind === 'user' ? 'Users' : 'Agents'}
      </Text>
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          Only the stored directory id: people Halo already has but never imported would be created again.
        </Text>
      )}
      {list.map((value, index) => (
        <Group key={value} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">
            {index + 1}. {label(value)}
          </Text>
          <Group gap={2} wrap="nowrap">
            <MoveButtons index={index} count={list.length} upLabel={`Try ${label(value)} earlier`} downLabel={`Try ${label(value)} later`} onMove={(by) => change((draft) => moveItem(draft, index, by))} />
            <ActionIcon variant="subtle" color="red" aria-label={`Stop matching on ${label(value)}`} onClick={() => change((draft) => void draft.splice(index, 1))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <Select
        aria-label={`Add a ${kind} matching field`}
        placeholder="Add a matching field"
        data={fields.filter((field) => !list.includes(field.key) && !field.manager).map((field) => ({ value: field.key, label: field.label }))}
        value={null}
        onChange={(value) => value && change((draft) => void draft.push(value))}
      />
    </Stack>
  )
}

type ImportRead = ProcedureOutput<'mapping:readImport'>

function ExportImport(): React.JSX.Element {
  const design = useMappingDesign()
  const client = useStudioClient()
  const input = useRef<HTMLInputElement>(null)
  const [read, setRead] = useState<ImportRead | null>(null)
  const [error, setError] = useState<StudioError | null>(null)
  const exportConfig = async (): Promise<void> => {
    setError(null)
    try {
      const file = await client.call('mapping:export', { connectionId: design.connectionId })
      const link = document.createElement('a')
      link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }))
      link.download = file.fileName
      link.click()
      URL.revokeObjectURL(link.href)
    } catch (failure) {
      setError(failure as StudioError)
    }
  }
  const readFile = async (file: File): Promise<void> => {
    setError(null)
    try {
      setRead(await client.call('mapping:readImport', { connectionId: design.connectionId, text: await file.text() }))
    } catch (failure) {
      setError(failure as StudioError)
    }
  }
  const errors = read?.ok ? read.issues.filter((issue) => issue.severity === 'error') : []
  return (
    <SectionCard title="Export and import" description="The whole configuration of this connection as a JSON file, without secrets — to keep, review, or copy to another connection of the same kind.">
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void exportConfig()} disabled={design.dirty} title={design.dirty ? 'Save or discard your changes first' : undefined}>
          Export configuration
        </Button>
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => input.current?.click()}>
          Import configuration…
        </Button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-label="Configuration file to import"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void readFile(file)
          }}
        />
      </Group>
      {design.dirty && (
        <Text size="sm" c="dimmed">
          Export writes the saved configuration: save or discard your changes first.
        </Text>
      )}
      {error && <ErrorNotice title="That did not work" error={error} />}
      <Modal opened={read !== null} onClose={() => setRead(null)} title="Import a configuration" size="lg">
        {read && !read.ok && (
          <Alert color="red" variant="light" title="This file cannot be imported" role="alert">
            <List size="sm">
              {read.problems.map((problem, index) => (
                <List.Item key={index}>{problem}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {read?.ok && (
          <Stack gap="sm">
            {read.migratedFrom !== null && <Text size="sm">The file is version {read.migratedFrom}; it was brought up to date.</Text>}
            <Text size="sm" fw={600}>
              {read.changes.length === 0 ? 'It is the same as this connection’s configuration.' : 'Importing it changes:'}
            </Text>
            {read.changes.length > 0 && (
              <List size="sm" aria-label="What importing changes">
                {read.changes.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            )}
            {errors.length > 0 && (
              <Alert color="yellow" variant="light" title={`${errors.length === 1 ? 'One problem' : `${errors.length} problems`} to fix before it can be saved`}>
                <List size="sm">
                  {errors.map((issue, index) => (
                    <List.Item key={index}>{issue.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              The imported configuration replaces what is on screen as unsaved changes: review it on each tab, then save.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRead(null)}>
                Cancel
              </Button>
              <Button
                onClick={() => {
                  const config = read.config
                  design.update((draft) => Object.assign(draft, structuredClone(config)))
                  setRead(null)
                }}
              >
                Use this configuration
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </SectionCard>
  )
}
