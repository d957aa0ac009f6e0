/**
 * The Field Mappings tab: two tables, users and agents. Each row maps a directory attribute (picked
 * from those people in the snapshot have, with a sample value) to a Halo field (user custom fields
 * from Halo's cached list), through transforms; rows are added, reordered, edited and removed. The
 * external id is always written and shown as a fixed row. Problems show under their row.
 */
import { useState } from 'react'
import { ActionIcon, Badge, Button, Group, Modal, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPlus, IconTrash, IconWand } from '@tabler/icons-react'
import type { FieldMapping } from '../../../../../src-shared/mapping/config-schema'
import { externalIdField, haloFields, type HaloRecordKind } from '../../../../../src-shared/mapping/halo-fields'
import { SectionCard } from '../../../components/SectionCard'
import { useAttributeOptions, useCustomFieldOptions } from './design-lookups'
import { DesignTab } from './DesignTab'
import { moveItem, newRowId, useMappingDesign } from './mapping-design'
import { MoveButtons } from './MoveButtons'
import { RowIssues } from './TabIssues'
import { TransformEditor } from './TransformEditor'
import { transformSummary } from './transform-labels'

export function FieldMappingsTab(): React.JSX.Element {
  return (
    <DesignTab tab="fields">
      <Stack gap="lg">
        <FieldTable kind="user" />
        <FieldTable kind="agent" />
      </Stack>
    </DesignTab>
  )
}

function FieldTable({ kind }: { kind: HaloRecordKind }): React.JSX.Element {
  const design = useMappingDesign()
  const rows = design.config.fields[kind]
  const attributes = useAttributeOptions()
  const customFields = useCustomFieldOptions('user')
  const [editing, setEditing] = useState<string | null>(null)
  const title = kind === 'user' ? 'User mappings' : 'Agent mappings'
  const targets = [
    ...haloFields(kind).map((field) => ({ value: field.key, label: field.label })),
    ...(kind === 'user' ? customFields : [])
  ]
  const attributeData = attributes.map((attribute) => ({ value: attribute.value, label: attribute.value }))
  const samples = new Map(attributes.map((attribute) => [attribute.value, attribute.sample]))
  const change = (id: string, apply: (row: FieldMapping) => void): void =>
    design.update((draft) => {
      const row = draft.fields[kind].find((candidate) => candidate.id === id)
      if (row) apply(row)
    })
  const move = (index: number, by: -1 | 1): void => design.update((draft) => moveItem(draft.fields[kind], index, by))
  const external = externalIdField(design.config.source, kind)
  const editingRow = rows.find((row) => row.id === editing)
  return (
    <SectionCard
      title={title}
      description={kind === 'user' ? 'Which directory attribute fills which Halo user field. Each Halo field takes one row; custom fields must exist in Halo first (Configuration › Custom Objects).' : 'The same for agents (people a site mapping sends to *agent*). Add Department to import agents’ departments.'}
      aside={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => design.update((draft) => void draft.fields[kind].push({ id: newRowId(kind), source: '', target: '', transforms: [] }))}
        >
          Add {kind} mapping
        </Button>
      }
    >
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={title} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th w="28%">Directory attribute</Table.Th>
              <Table.Th w="26%">Halo field</Table.Th>
              <Table.Th>Transforms</Table.Th>
              <Table.Th w={140}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {external && (
              <Table.Tr>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    –
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">id</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {external}
                  </Text>
                </Table.Td>
                <Table.Td colSpan={2}>
                  <Text size="xs" c="dimmed">
                    Always written: the next import matches the person by it.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((row, index) => (
              <Table.Tr key={row.id} id={`row-${row.id}`} aria-label={`${title} row ${index + 1}`}>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm" pt={6}>
                    {index + 1}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Select
                    aria-label={`Directory attribute, row ${index + 1}`}
                    placeholder={row.transforms.some((step) => step.kind === 'template') ? 'From the template' : 'Pick an attribute'}
                    searchable
                    clearable
                    data={attributeData.some((option) => option.value === row.source) || row.source === '' ? attributeData : [{ value: row.source, label: row.source }, ...attributeData]}
                    value={row.source === '' ? null : row.source}
                    onChange={(value) => change(row.id, (draft) => (draft.source = value ?? ''))}
                    nothingFoundMessage="No one in the snapshot has that attribute"
                    renderOption={({ option }) => (
                      <Stack gap={0}>
                        <Text size="sm">{option.label}</Text>
                        {samples.get(option.value) && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            e.g. {samples.get(option.value)}
                          </Text>
                        )}
                      </Stack>
                    )}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Select
                    aria-label={`Halo field, row ${index + 1}`}
                    placeholder="Pick a Halo field"
                    searchable
                    data={targets.some((option) => option.value === row.target) || row.target === '' ? targets : [{ value: row.target, label: row.target }, ...targets]}
                    value={row.target === '' ? null : row.target}
                    allowDeselect={false}
                    onChange={(value) => change(row.id, (draft) => (draft.target = value ?? ''))}
                  />
                  <RowIssues tab="fields" rowId={row.id} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Group gap={4} pt={4}>
                    {row.transforms.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        None
                      </Text>
                    ) : (
                      row.transforms.map((step, position) => (
                        <Badge key={position} variant="light" color="gray" tt="none" style={{ maxWidth: '100%' }}>
                          {transformSummary(step)}
                        </Badge>
                      ))
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Edit the transforms of row ${index + 1}`} onClick={() => setEditing(row.id)}>
                      <IconWand size={16} />
                    </ActionIcon>
                    <MoveButtons index={index} count={rows.length} upLabel={`Move row ${index + 1} up`} downLabel={`Move row ${index + 1} down`} onMove={(by) => move(index, by)} />
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete row ${index + 1}`} onClick={() => design.update((draft) => void draft.fields[kind].splice(index, 1))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editingRow !== undefined} onClose={() => setEditing(null)} title={`Transforms: ${editingRow?.source || 'template'} → ${targets.find((option) => option.value === editingRow?.target)?.label ?? 'Halo field'}`} size="lg">
        {editingRow && <TransformEditor transforms={editingRow.transforms} onChange={(next) => change(editingRow.id, (draft) => (draft.transforms = next))} />}
        <Group justify="flex-end" mt="md">
          <Button onClick={() => setEditing(null)}>Done</Button>
        </Group>
      </Modal>
    </SectionCard>
  )
}
