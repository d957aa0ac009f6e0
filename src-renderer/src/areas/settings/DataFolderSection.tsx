/** Data folder: where this workspace's database lives, and how to use another folder. */
import { Code, DataList, Text } from '@mantine/core'
import { useProcedureQuery } from '../../api/procedure-hooks'
import { ErrorNotice } from '../../components/ErrorNotice'
import { CopyableValue } from '../../components/CopyableValue'
import { SectionCard } from '../../components/SectionCard'

export function DataFolderSection(): React.JSX.Element {
  const info = useProcedureQuery('app:info', {})
  return (
    <SectionCard
      title="Data folder"
      description="Everything this workspace knows (Halo instances, connections, snapshots, plans and runs) is kept here. Secrets are not."
    >
      {info.error && <ErrorNotice title="The data folder could not be read" error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <DataList labelWidth={120} gap="sm">
          <DataList.Item>
            <DataList.ItemLabel>Folder</DataList.ItemLabel>
            <DataList.ItemValue miw={0}>
              <CopyableValue value={info.data.dataDir} label="data folder" />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Database</DataList.ItemLabel>
            <DataList.ItemValue miw={0}>
              <CopyableValue value={info.data.databaseFile} label="database file" />
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
      <Text size="xs" c="dimmed">
        To use another folder, start Identity Studio with <Code>STUDIO_DATA_DIR</Code> set to it.
      </Text>
    </SectionCard>
  )
}
