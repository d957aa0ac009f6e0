/** Halo's single sign-on fields that Apply changes: where, which field, the value now and after; long values wrap. */
import { Table, Text } from '@mantine/core'
import type { SsoFieldChangeView } from '../../../../../src-shared/contract'

const wrap = { overflowWrap: 'anywhere' } as const

export function SsoChangesTable({ changes }: { changes: readonly SsoFieldChangeView[] }): React.JSX.Element {
  return (
    <Table withTableBorder verticalSpacing="xs" aria-label="Changes in Halo" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="18%">Where</Table.Th>
          <Table.Th w="22%">Field</Table.Th>
          <Table.Th>In Halo now</Table.Th>
          <Table.Th>After apply</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={`${change.record}:${change.field}`}>
            <Table.Td style={wrap}>{change.record}</Table.Td>
            <Table.Td style={wrap}>{change.label}</Table.Td>
            <Table.Td style={wrap}>
              {change.from === null || change.from === '' ? (
                <Text span size="sm" c="dimmed">
                  not set
                </Text>
              ) : (
                change.from
              )}
            </Table.Td>
            <Table.Td style={wrap} fw={600}>
              {change.to === '' ? (
                <Text span size="sm" c="dimmed">
                  empty
                </Text>
              ) : (
                change.to
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
