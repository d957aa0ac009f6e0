/**
 * One preview row in a drawer: the action and why, the Halo record and how it was found, the field
 * changes old → new, roles, CABs and licence, the site mapping that placed the person and the others
 * that matched, warnings — and for a conflict, the candidate records to pick from, or skip. A choice
 * rebuilds the preview; it can be taken back.
 */
import { Alert, Badge, Button, Divider, Drawer, Group, List, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react'
import type { PlanRow } from '../../../../../src-shared/plan/plan-schema'
import { useResolveConflict } from '../../../api/plans'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { actionColors, actionLabels } from './plan-labels'

export interface PlanRowDrawerProps {
  connectionId: string
  planId: string
  row: PlanRow | null
  onClose: () => void
  /** The preview was rebuilt by a choice made here. */
  onResolved: () => void
}

export function PlanRowDrawer({ connectionId, planId, row, onClose, onResolved }: PlanRowDrawerProps): React.JSX.Element {
  const resolve = useResolveConflict(connectionId)
  const choose = (choice: { pick: number | string } | { skip: true } | null): void => {
    if (!row) return
    resolve.mutate({ planId, key: row.key, choice }, { onSuccess: onResolved })
  }
  return (
    <Drawer opened={row !== null} onClose={onClose} position="right" size="lg" title={row ? row.name : ''}>
      {row && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={actionColors[row.action]} variant="light" tt="none" size="lg">
              {actionLabels[row.action]}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {row.kind === 'user' ? 'Halo user' : 'Halo agent'}
            </Badge>
            {row.haloId !== null && (
              <Text size="sm" c="dimmed">
                Halo #{row.haloId}
                {row.matchedBy ? `, found by ${row.matchedBy}` : ''}
              </Text>
            )}
          </Group>
          {row.email && <Text size="sm">{row.email}</Text>}
          {row.reason && <Text size="sm">{row.reason}</Text>}
          {resolve.error && <ErrorNotice title="The choice was not applied" error={resolve.error} />}
          {row.conflict && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Choose what happens">
              <Stack gap="xs">
                {row.conflict.candidates.length > 0 ? (
                  <List spacing={6} listStyleType="none" aria-label="Matching Halo records">
                    {row.conflict.candidates.map((candidate) => (
                      <List.Item key={String(candidate.id)}>
                        <Group justify="space-between" gap="xs" wrap="nowrap">
                          <Text size="sm" style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 0 }}>
                            #{candidate.id} {candidate.name}
                            {candidate.email ? ` · ${candidate.email}` : ''}
                          </Text>
                          <Button size="xs" variant="light" loading={resolve.isPending} onClick={() => choose({ pick: candidate.id })} style={{ flexShrink: 0 }}>
                            Use this record
                          </Button>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm">No Halo record has that value: skip this person, or fix the directory and fetch again.</Text>
                )}
                <Button size="xs" variant="default" loading={resolve.isPending} onClick={() => choose({ skip: true })} style={{ alignSelf: 'flex-start' }}>
                  Skip this person
                </Button>
              </Stack>
            </Alert>
          )}
          {row.resolution && (
            <Group gap="xs">
              <Text size="sm">{'skip' in row.resolution ? 'You chose to skip this person.' : `You chose Halo record #${row.resolution.pick}.`}</Text>
              <Button size="xs" variant="subtle" leftSection={<IconArrowBackUp size={14} aria-hidden />} loading={resolve.isPending} onClick={() => choose(null)}>
                Undo
              </Button>
            </Group>
          )}
          {row.changes.length > 0 && (
            <Stack gap={4}>
              <Divider label={row.action === 'create' ? 'What is written' : 'What changes'} labelPosition="left" />
              <Table fz="sm" verticalSpacing={4} layout="fixed" aria-label="Field changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="28%">Field</Table.Th>
                    {row.action !== 'create' && <Table.Th>In Halo now</Table.Th>}
                    <Table.Th>{row.action === 'create' ? 'Value' : 'After the sync'}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {row.changes.map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Td fw={500}>{change.label}</Table.Td>
                      {row.action !== 'create' && (
                        <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere', textDecoration: 'line-through' }}>
                          {change.from ?? '(empty)'}
                        </Table.Td>
                      )}
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{change.to ?? '(empty)'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          {(row.roles || row.cabs || row.licence || (row.softwareLicences && row.softwareLicences.assign.length + row.softwareLicences.unassign.length > 0)) && (
            <Stack gap={4}>
              <Divider label="Access" labelPosition="left" />
              {row.roles && <SetLine label={row.kind === 'agent' ? 'Agent roles' : 'User roles'} add={row.roles.add} remove={row.roles.remove} />}
              {row.cabs && <SetLine label="CABs" add={row.cabs.add} remove={row.cabs.remove} />}
              {row.licence && (
                <Text size="sm">
                  Licence: {row.licence.from ?? 'none'} → {row.licence.to}
                </Text>
              )}
              {row.softwareLicences && row.softwareLicences.assign.length + row.softwareLicences.unassign.length > 0 && (
                <SetLine label="Licences in Entra ID" add={row.softwareLicences.assign} remove={row.softwareLicences.unassign} />
              )}
            </Stack>
          )}
          {(row.winner || row.alsoMatched.length > 0) && (
            <Stack gap={4}>
              <Divider label="Why here" labelPosition="left" />
              {row.winner && <Text size="sm">Placed by {row.winner}.</Text>}
              {row.alsoMatched.length > 0 && <Text size="sm" c="dimmed">Also matched, but tried later: {row.alsoMatched.join('; ')}.</Text>}
            </Stack>
          )}
          {row.warnings.length > 0 && (
            <Stack gap={4} role="list" aria-label="Warnings">
              <Divider label="Warnings" labelPosition="left" />
              {row.warnings.map((warning, index) => (
                <Text key={index} size="sm" c="yellow" role="listitem">
                  {warning}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  )
}

function SetLine({ label, add, remove }: { label: string; add: Array<{ name: string }>; remove: Array<{ name: string }> }): React.JSX.Element {
  return (
    <Text size="sm">
      {label}: {add.length > 0 ? `adds ${add.map((item) => item.name).join(', ')}` : ''}
      {add.length > 0 && remove.length > 0 ? '; ' : ''}
      {remove.length > 0 ? `takes away ${remove.map((item) => item.name).join(', ')}` : ''}
    </Text>
  )
}
