/**
 * One of the Advanced tab's group mapping tables (agent roles, CABs or user roles — see
 * group-rules.ts): each row a group, what it gives, and what happens when a person leaves the group;
 * rows are added and edited in a small editor (so no half-filled row reaches the configuration) and
 * deleted after a confirmation. Problems show under their row.
 */
import { useState } from 'react'
import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import { SectionCard } from '../../../components/SectionCard'
import { ConfirmDeleteButton } from './ConfirmDeleteButton'
import { groupsAreIn, haloRef, nameOf, useLookupOptions, withCurrent } from './design-lookups'
import { GroupNameSelect } from './GroupNameSelect'
import { groupRuleErrors, groupRuleKinds, groupRulesOf, upsertRule, writeGroupRules, type GroupRule, type GroupRuleKind, type GroupRuleKindInfo } from './group-rules'
import { newRowId, useMappingDesign } from './mapping-design'
import { RowIssues } from './TabIssues'

export function GroupRuleTable({ kind }: { kind: GroupRuleKind }): React.JSX.Element {
  const design = useMappingDesign()
  const info = groupRuleKinds[kind]
  const rules = groupRulesOf(design.config.advanced, kind)
  const targets = useLookupOptions(info.lookup)
  const [editing, setEditing] = useState<{ rule: GroupRule; isNew: boolean } | null>(null)
  const write = (next: GroupRule[]): void => design.update((draft) => writeGroupRules(draft.advanced, kind, next))
  const add = (): void => setEditing({ rule: { id: newRowId(kind), groupName: '', targetId: '', onLeave: 'remove' }, isNew: true })
  return (
    <SectionCard
      title={info.title}
      description={info.description}
      aside={
        rules.length > 0 && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} style={{ flexShrink: 0 }}>
            Add {info.noun}
          </Button>
        )
      }
    >
      {rules.length === 0 ? (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            None yet: {info.targetLabel.toLowerCase()}s are left as they are in Halo.
          </Text>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            Add {info.noun}
          </Button>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label={info.title} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="34%">Group</Table.Th>
                <Table.Th w="30%">{info.targetLabel}</Table.Th>
                <Table.Th>On leaving the group</Table.Th>
                <Table.Th w={76}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((rule, index) => (
                <Table.Tr key={rule.id} id={`row-${rule.id}`} aria-label={`${info.title} row ${index + 1}`}>
                  <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    <Text size="sm">{rule.groupName}</Text>
                    <RowIssues tab="advanced" rowId={rule.id} />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    <Text size="sm">{nameOf(targets, rule.targetId)}</Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" c={rule.onLeave === 'remove' ? 'orange' : 'dimmed'}>
                      {info.onLeave[rule.onLeave]}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={`Edit ${info.noun} ${index + 1}`} onClick={() => setEditing({ rule, isNew: false })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ConfirmDeleteButton label={`${info.noun} ${index + 1}`} question="Delete this mapping?" onConfirm={() => write(rules.filter((candidate) => candidate.id !== rule.id))} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.isNew ? `Add ${info.noun}` : `Edit ${info.noun}`}>
        {editing && (
          <GroupRuleForm
            key={editing.rule.id}
            initial={editing.rule}
            isNew={editing.isNew}
            info={info}
            onSave={(rule) => {
              write(upsertRule(rules, rule))
              setEditing(null)
            }}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </SectionCard>
  )
}

function GroupRuleForm({ initial, isNew, info, onSave, onClose }: { initial: GroupRule; isNew: boolean; info: GroupRuleKindInfo; onSave: (rule: GroupRule) => void; onClose: () => void }): React.JSX.Element {
  const [rule, setRule] = useState(initial)
  const [checked, setChecked] = useState(false)
  const targets = useLookupOptions(info.lookup)
  const { config } = useMappingDesign()
  const errors = checked ? groupRuleErrors(rule, info) : null
  return (
    <Stack gap="md">
      <GroupNameSelect
        label="Group"
        description={`As named in ${groupsAreIn[config.source]}.`}
        placeholder="Pick a group"
        required
        value={rule.groupName === '' ? null : rule.groupName}
        onChange={(value) => setRule({ ...rule, groupName: value ?? '' })}
        error={errors?.groupName}
      />
      <Select
        label={info.targetLabel}
        description={info.targetHint}
        placeholder={`Pick the ${info.targetLabel.toLowerCase()}`}
        searchable
        withAsterisk
        data={withCurrent(targets, rule.targetId)}
        value={rule.targetId === '' ? null : String(rule.targetId)}
        onChange={(value) => setRule({ ...rule, targetId: value === null ? '' : haloRef(value) })}
        error={errors?.targetId}
        nothingFoundMessage="Not in Halo’s cached look-ups"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`${rule.id}-leave`}>
          When someone leaves the group
        </Text>
        <SegmentedControl
          aria-labelledby={`${rule.id}-leave`}
          data={[
            { value: 'remove', label: info.onLeave.remove },
            { value: 'keep', label: info.onLeave.keep }
          ]}
          value={rule.onLeave}
          onChange={(value) => setRule({ ...rule, onLeave: value === 'keep' ? 'keep' : 'remove' })}
          fullWidth
        />
      </Stack>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          onClick={() => {
            setChecked(true)
            if (!groupRuleErrors(rule, info)) onSave(rule)
          }}
        >
          {isNew ? 'Add mapping' : 'Save mapping'}
        </Button>
      </Group>
    </Stack>
  )
}
