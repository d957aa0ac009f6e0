/**
 * Licence management on the Advanced tab: on or off; rules in order (the first whose agent role the
 * agent has sets its licence: named, concurrent or none), edited in place, reordered and deleted; a
 * new rule is added from a row that needs its role first; and what happens to agents no rule covers.
 */
import { useState } from 'react'
import { ActionIcon, Button, Group, Radio, Select, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { AdvancedConfig } from '../../../../../src-shared/mapping/config-schema'
import { SectionCard } from '../../../components/SectionCard'
import { agentRolesAreIn, haloRef, notListedHint, useLookupOptions, withCurrent } from './design-lookups'
import { moveItem, newRowId, useMappingDesign } from './mapping-design'
import { MoveButtons } from './MoveButtons'
import { RowIssues } from './TabIssues'

type Licence = AdvancedConfig['licences']['rules'][number]['licence']

const licenceLabels: Record<Licence, string> = { named: 'Named licence', concurrent: 'Concurrent licence', none: 'No licence' }
const licenceOptions = (Object.keys(licenceLabels) as Licence[]).map((value) => ({ value, label: licenceLabels[value] }))
const licenceOf = (value: string | null): Licence => (value === 'concurrent' || value === 'none' ? value : 'named')

export function LicenceRules(): React.JSX.Element {
  const design = useMappingDesign()
  const licences = design.config.advanced.licences
  const roles = useLookupOptions('roles')
  const [newRole, setNewRole] = useState<string | null>(null)
  const [newLicence, setNewLicence] = useState<Licence>('named')
  const [missingRole, setMissingRole] = useState(false)
  const change = (apply: (draft: AdvancedConfig['licences']) => void): void => design.update((draft) => apply(draft.advanced.licences))
  const add = (): void => {
    if (newRole === null) {
      setMissingRole(true)
      return
    }
    change((draft) => void draft.rules.push({ id: newRowId('licence'), roleId: haloRef(newRole), licence: newLicence }))
    setNewRole(null)
    setMissingRole(false)
  }
  return (
    <SectionCard title="Licence management" description="Agents’ Halo licences follow their agent roles: the first rule whose role an agent has sets the licence.">
      <Switch
        label="Manage agent licences"
        description="Off: imports leave licences as they are in Halo."
        checked={licences.enabled}
        onChange={(event) => {
          const checked = event.currentTarget.checked
          change((draft) => void (draft.enabled = checked))
        }}
      />
      {licences.enabled && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" aria-label="Licence rules" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>Agents with the role</Table.Th>
                  <Table.Th w="32%">Get</Table.Th>
                  <Table.Th w={110}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {licences.rules.map((rule, index) => (
                  <Table.Tr key={rule.id} id={`row-${rule.id}`} aria-label={`Licence rule ${index + 1}`}>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm" pt={6}>
                        {index + 1}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Select
                        aria-label={`Agent role, licence rule ${index + 1}`}
                        searchable
                        allowDeselect={false}
                        data={withCurrent(roles, rule.roleId)}
                        value={String(rule.roleId)}
                        onChange={(value) => value !== null && change((draft) => void (draft.rules[index] = { ...rule, roleId: haloRef(value) }))}
                      />
                      <RowIssues tab="advanced" rowId={rule.id} />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Select
                        aria-label={`Licence, licence rule ${index + 1}`}
                        allowDeselect={false}
                        data={licenceOptions}
                        value={rule.licence}
                        onChange={(value) => change((draft) => void (draft.rules[index] = { ...rule, licence: licenceOf(value) }))}
                      />
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Group gap={2} wrap="nowrap">
                        <MoveButtons index={index} count={licences.rules.length} upLabel={`Move licence rule ${index + 1} up`} downLabel={`Move licence rule ${index + 1} down`} onMove={(by) => change((draft) => moveItem(draft.rules, index, by))} />
                        <ActionIcon variant="subtle" color="red" aria-label={`Delete licence rule ${index + 1}`} onClick={() => change((draft) => void draft.rules.splice(index, 1))}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {licences.rules.length === 0 && (
            <Text size="sm" c="dimmed">
              No rules yet: add one per agent role that decides a licence.
            </Text>
          )}
          <Group gap="xs" align="flex-end" wrap="wrap" role="group" aria-label="New licence rule">
            <Select
              aria-label="Agent role of the new rule"
              description={`${agentRolesAreIn}. ${notListedHint}`}
              placeholder="Agent role"
              searchable
              data={roles}
              value={newRole}
              onChange={(value) => {
                setNewRole(value)
                if (value !== null) setMissingRole(false)
              }}
              error={missingRole ? 'Pick the agent role first.' : undefined}
              nothingFoundMessage="Not in Halo’s cached look-ups"
              style={{ flex: '1 1 200px' }}
            />
            <Select aria-label="Licence of the new rule" allowDeselect={false} data={licenceOptions} value={newLicence} onChange={(value) => setNewLicence(licenceOf(value))} style={{ flex: '0 1 200px' }} />
            <Button variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
              Add rule
            </Button>
          </Group>
          <Radio.Group
            label="Agents no rule applies to"
            value={licences.otherwise}
            onChange={(value) => change((draft) => void (draft.otherwise = value === 'none' ? 'none' : 'keep'))}
          >
            <Stack gap={6} mt={6}>
              <Radio value="keep" label="Leave their licence as it is" />
              <Radio value="none" label="Take their licence away" />
            </Stack>
          </Radio.Group>
        </Stack>
      )}
    </SectionCard>
  )
}
