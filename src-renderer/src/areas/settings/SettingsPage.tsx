/** Settings: appearance, the keychain and the data folder. */
import { Stack } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { AppearanceSection } from './AppearanceSection'
import { DataFolderSection } from './DataFolderSection'
import { KeychainSection } from './KeychainSection'

export function SettingsPage(): React.JSX.Element {
  return (
    <>
      <PageHeader title="Settings" description="Preferences for this workspace, and where it keeps its data and secrets." />
      <Stack gap="lg" maw={880}>
        <AppearanceSection />
        <KeychainSection />
        <DataFolderSection />
      </Stack>
    </>
  )
}
