/** Saved settings as label / value rows (a Halo instance's, a connection's); long values wrap. */
import { DataList } from '@mantine/core'

export type SettingRow = readonly [label: string, value: React.ReactNode]

export function SettingsList({ rows }: { rows: readonly SettingRow[] }): React.JSX.Element {
  return (
    <DataList labelWidth={110} gap="xs">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue miw={0} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}
