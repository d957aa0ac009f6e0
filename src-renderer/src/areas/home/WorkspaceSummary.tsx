/** "This workspace": its Halo instances and connections, where its data lives, whether secrets can be stored, and what is running. */
import { Anchor, DataList, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { AppInfo } from '../../../../src-shared/contract'
import { KeychainBadge } from '../../components/KeychainBadge'
import { CopyableValue } from '../../components/CopyableValue'
import { SectionCard } from '../../components/SectionCard'
import { paths } from '../../shell/areas'

export interface WorkspaceSummaryProps {
  info: AppInfo
  /** How many Halo instances the workspace has; null while unknown. */
  haloInstances: number | null
  /** How many connections the workspace has; null while unknown. */
  connections: number | null
}

export function WorkspaceSummary({ info, haloInstances, connections }: WorkspaceSummaryProps): React.JSX.Element {
  return (
    <SectionCard title="This workspace">
      <DataList orientation="vertical" gap="md">
        <CountItem label="Halo instances" count={haloInstances} one="instance" many="instances" to={paths.haloInstances} />
        <CountItem label="Connections" count={connections} one="connection" many="connections" to={paths.connections} />
        <DataList.Item>
          <DataList.ItemLabel>Keychain</DataList.ItemLabel>
          <DataList.ItemValue>
            <Stack gap={4} align="flex-start">
              <KeychainBadge keychain={info.keychain} />
              <Text size="sm">{info.keychain.backend}</Text>
            </Stack>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Data folder</DataList.ItemLabel>
          <DataList.ItemValue>
            <CopyableValue value={info.dataDir} label="data folder" />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Version</DataList.ItemLabel>
          <DataList.ItemValue>
            {info.version} · {info.mode === 'desktop' ? 'desktop app' : 'browser mode'}
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Anchor component={Link} to={paths.settings} size="sm">
        Workspace settings
      </Anchor>
    </SectionCard>
  )
}

/** "None yet" or "2 instances", linking to the area; nothing while the count is unknown. */
function CountItem({ label, count, one, many, to }: { label: string; count: number | null; one: string; many: string; to: string }): React.JSX.Element | null {
  if (count === null) return null
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>
        <Anchor component={Link} to={to} size="sm">
          {count === 0 ? 'None yet' : `${count} ${count === 1 ? one : many}`}
        </Anchor>
      </DataList.ItemValue>
    </DataList.Item>
  )
}
