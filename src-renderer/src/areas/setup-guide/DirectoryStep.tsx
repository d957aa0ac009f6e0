/** Step 2: which directory to connect, Okta or Microsoft Entra ID, with what each reads. */
import { Radio, Stack, Text } from '@mantine/core'
import type { Connection } from '../../../../src-shared/contract'
import type { GuideStepProps } from './guide-step-props'

const choices: Array<{ kind: Connection['kind']; label: string; description: string }> = [
  { kind: 'okta', label: 'Okta', description: 'An Okta org: people, groups, app assignments and statuses, read with an API token or an OAuth service app.' },
  { kind: 'entra', label: 'Microsoft Entra ID', description: 'An Entra tenant (Azure AD): members and guests, groups, managers, licences and devices, read through Microsoft Graph.' }
]

export function DirectoryStep({ progress, update }: GuideStepProps): React.JSX.Element {
  return (
    <Radio.Group label="The directory to connect" description="Each directory is its own connection; you can add more later." value={progress.kind} onChange={(value) => update({ kind: value === 'entra' ? 'entra' : 'okta', connectionId: null, confirmed: progress.confirmed.filter((step) => step !== 'provider') })}>
      <Stack gap="sm" mt="sm">
        {choices.map((choice) => (
          <Radio.Card key={choice.kind} value={choice.kind} p="md" radius="md" withBorder>
            <Stack gap={4}>
              <Text fw={600}>{choice.label}</Text>
              <Text size="sm" c="dimmed">
                {choice.description}
              </Text>
            </Stack>
          </Radio.Card>
        ))}
      </Stack>
    </Radio.Group>
  )
}
