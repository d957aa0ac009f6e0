/**
 * About: what is running and where its data lives (from app:info), and the keyboard shortcuts.
 * Opened from the header button; focus is trapped inside while open and Escape closes it.
 */
import { DataList, Divider, Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core'
import type { AppInfo } from '../../../src-shared/contract'
import { KeychainBadge } from '../components/KeychainBadge'
import { CopyableValue } from '../components/CopyableValue'
import { areas } from './areas'
import { altKeyName } from './shortcuts'

export interface AboutDialogProps {
  opened: boolean
  onClose: () => void
  info: AppInfo
}

const modeLabels: Record<AppInfo['mode'], string> = {
  desktop: 'Desktop app',
  browser: 'Browser mode (served on this computer only)'
}

export function AboutDialog({ opened, onClose, info }: AboutDialogProps): React.JSX.Element {
  return (
    <Modal opened={opened} onClose={onClose} title={<Title order={2} fz="lg">About {info.name}</Title>} size="lg">
      <Stack gap="lg">
        <DataList labelWidth={130} gap="xs">
          <Item label="Version">{info.version}</Item>
          <Item label="Mode">{modeLabels[info.mode]}</Item>
          <Item label="Platform">{info.platform}</Item>
          <Item label="Data folder">
            <CopyableValue value={info.dataDir} label="data folder" />
          </Item>
          <Item label="Database file">
            <CopyableValue value={info.databaseFile} label="database file" />
          </Item>
          <Item label="Keychain">
            <Stack gap={4}>
              <Group gap="xs">
                <KeychainBadge keychain={info.keychain} />
                <Text size="sm">{info.keychain.backend}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {info.keychain.message}
              </Text>
            </Stack>
          </Item>
        </DataList>
        <Divider />
        <Stack gap="xs">
          <Title order={3} fz="md">
            Keyboard shortcuts
          </Title>
          <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0}>
            <Table.Tbody>
              {areas.map((area) => (
                <Shortcut key={area.path} keys={[altKeyName, String(area.shortcutDigit)]} action={`Open ${area.label}`} />
              ))}
              <Shortcut keys={['Tab']} action="Next control (the first stop is “Skip to content”)" />
              <Shortcut keys={['Shift', 'Tab']} action="Previous control" />
              <Shortcut keys={['Esc']} action="Close a dialog" />
            </Table.Tbody>
          </Table>
        </Stack>
      </Stack>
    </Modal>
  )
}

function Item({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  )
}

function Shortcut({ keys, action }: { keys: string[]; action: string }): React.JSX.Element {
  return (
    <Table.Tr>
      <Table.Td w={150}>
        <Group gap={4} wrap="nowrap">
          {keys.map((key, index) => (
            <Group key={key} gap={4} wrap="nowrap">
              {index > 0 && <Text size="xs" c="dimmed">+</Text>}
              <Kbd size="xs">{key}</Kbd>
            </Group>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{action}</Text>
      </Table.Td>
    </Table.Tr>
  )
}
