/**
 * What the Halo instances area shows before there is any instance: the empty state with the button
 * to add one, what to have ready in Halo, and what an instance holds.
 */
import { Alert, Badge, Button, Code, Group, List, Stack, Text } from '@mantine/core'
import { IconBulb, IconDatabase, IconKey, IconPlus, IconServer, IconWorld } from '@tabler/icons-react'
import { haloLookupKinds, haloLookupLabels } from '../../../../src-shared/contract'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { SectionHeading } from '../../components/SectionHeading'
import { TopicList, type Topic } from '../../components/TopicList'

const cachedLookups = haloLookupKinds.map((kind) => haloLookupLabels[kind])

const instanceTopics: readonly Topic[] = [
  {
    icon: <IconWorld size={20} aria-hidden />,
    title: 'Where it is',
    content: (
      <List size="sm" spacing="xs">
        <List.Item>
          <b>Base URL</b>: hosted, like <Code>https://acme.halopsa.com</Code>, or on-premise, like{' '}
          <Code>https://halo.corp.local</Code>.
        </List.Item>
        <List.Item>
          <b>Authorisation server</b>: discovered from <Code>/api/authinfo</Code>. On-premise it can differ from the API
          address.
        </List.Item>
        <List.Item>
          <b>Tenant</b>: for Halo-hosted instances only.
        </List.Item>
      </List>
    )
  },
  {
    icon: <IconKey size={20} aria-hidden />,
    title: 'How it signs in',
    content: (
      <Stack gap="xs">
        <List size="sm" spacing="xs">
          <List.Item>
            <b>Client credentials</b>: the client ID and secret of a Halo API application that logs in as an API-only
            agent. Suits unattended, scheduled syncs.
          </List.Item>
          <List.Item>
            <b>Authorization code + PKCE</b>: you sign in to Halo in your own browser; nothing to copy.
          </List.Item>
        </List>
        <Text size="xs" c="dimmed">
          Secrets and tokens are kept in your operating system&apos;s keychain, never in the workspace file.
        </Text>
      </Stack>
    )
  },
  {
    icon: <IconDatabase size={20} aria-hidden />,
    title: 'Look-ups kept for offline work',
    content: (
      <Stack gap="xs">
        <Text size="sm">
          Copied from Halo so you can design mappings without production access: on a plane, or in a change window.
        </Text>
        <Group gap={6}>
          {cachedLookups.map((lookup) => (
            <Badge key={lookup} variant="default" size="md" tt="none" fw={500}>
              {lookup}
            </Badge>
          ))}
        </Group>
      </Stack>
    )
  }
]

export function HaloInstancesIntro({ onAdd }: { onAdd: () => void }): React.JSX.Element {
  return (
    <>
      <Stack gap="lg">
        <AreaEmptyState
          icon={<IconServer size={28} aria-hidden />}
          title="No Halo instances yet"
          description="Add the Halo you want to import into. Connections, previews, syncs and single sign-on all start from a Halo instance."
          actions={
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
              Add Halo instance
            </Button>
          }
        />
        <Alert variant="light" color="blue" icon={<IconBulb aria-hidden />} title="Have this ready in Halo">
          <Text size="sm">
            <b>Configuration › Integrations › Halo API</b> shows the authorisation server, resource server and tenant
            under API Details, and lists the API applications. Identity Studio signs in as one of them: create one for
            it, with the agent it logs in as and the permissions it needs.
          </Text>
        </Alert>
      </Stack>
      <SectionHeading>What a Halo instance holds</SectionHeading>
      <TopicList topics={instanceTopics} />
    </>
  )
}
