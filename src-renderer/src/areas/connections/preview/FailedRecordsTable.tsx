/** The records Halo refused, each with Halo's words: a sync's failures and a rehearsal's. */
import { Table } from '@mantine/core'

export interface FailedRecord {
  key: string
  record: string
  error: string
}

export function FailedRecordsTable({ rows, label }: { rows: readonly FailedRecord[]; label: string }): React.JSX.Element {
  return (
    <Table fz="sm" aria-label={label} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="35%">Record</Table.Th>
          <Table.Th>What Halo said</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.record}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.error}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
