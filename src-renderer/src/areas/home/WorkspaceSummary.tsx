/** "This workspace": its Halo instances, where its data lives, whether secrets can be stored, and what is running. */
import { Anchor, DataList, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { AppInfo } from '../../../../src-shared/contract'
import { KeychainBadge } from '../../components/KeychainBadge'
import { PathValue } from '../../components/PathValue'
import { SectionCard } from '../../components/SectionCard'
import { paths } from '../../shell/areas'

export interface WorkspaceSummaryProps {
  info: AppInfo
  /** How many Halo instances the workspace has; null while unknown. */
  haloInstances: number | null
}

export function WorkspaceSummary({ info, haloInstances }: WorkspaceSummaryProps): React.JSX.Element {
  return (
    <SectionCard title="This workspace">
      <DataList orientation="vertical" gap="md">
        {haloInstances !== null && (
          <DataList.Item>
            <DataList.ItemLabel>Halo instances</DataList.ItemLabel>
            <DataList.ItemValue>
              <Anchor component={Link} to={paths.haloInstances} size="sm">
                {haloInstances === 0 ? 'None yet' : `${haloInstances} ${haloInstances === 1 ? 'instance' : 'instances'}`}
              </Anchor>
            </DataList.ItemValue>
          </DataList.Item>
        )}
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
            <PathValue path={info.dataDir} label="data folder" />
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
