/**
 * What the Connections area shows before there is any connection: the empty state (add an Okta or
 * Entra ID connection, or first a Halo instance when the workspace has none), what each directory needs, and
 * the tabs a connection is set up in.
 */
import { Button, Card, Code, Group, List, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconArrowsExchange, IconBrandAzure, IconIdBadge2, IconPlus } from '@tabler/icons-react'
import { Link } from 'react-router'
import { AreaEmptyState } from '../../components/AreaEmptyState'
import { FeatureCard } from '../../components/FeatureCard'
import { SectionHeading } from '../../components/SectionHeading'
import { paths } from '../../shell/areas'
import { connectionTabs } from './connection-tabs'

export function ConnectionsIntro({ hasHaloInstance, onAdd }: { hasHaloInstance: boolean; onAdd: (kind: 'okta' | 'entra') => void }): React.JSX.Element {
  return (
    <>
      {hasHaloInstance ? (
        <AreaEmptyState
          icon={<IconArrowsExchange size={30} aria-hidden />}
          title="No connections yet"
          description="Connect your Okta org or Entra ID tenant to a Halo instance: Identity Studio reads its people and groups, and you decide how they become Halo users and agents."
          actions={
            <Group gap="sm" justify="center">
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onAdd('okta')}>
                Add Okta connection
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onAdd('entra')}>
                Add Entra ID connection
              </Button>
            </Group>
          }
        />
      ) : (
        <NeedsHaloInstance />
      )}
      <SectionHeading>Directories you can connect</SectionHeading>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <FeatureCard icon={<IconIdBadge2 size={20} aria-hidden />} title="Okta">
          <YoullNeed />
          <List size="sm" spacing="xs">
            <List.Item>
              Your Okta org URL: the primary domain, like <Code>https://acme.okta.com</Code>. Single sign-on needs it,
              not a custom domain or the <Code>-admin</Code> address.
            </List.Item>
            <List.Item>
              An API token, or an OAuth service app with <Code>okta.users.read</Code>, <Code>okta.groups.read</Code>{' '}
              and <Code>okta.apps.read</Code>.
            </List.Item>
          </List>
        </FeatureCard>
        <FeatureCard icon={<IconBrandAzure size={20} aria-hidden />} title="Microsoft Entra ID">
          <YoullNeed />
          <List size="sm" spacing="xs">
            <List.Item>The tenant ID and the application (client) ID of an app registration.</List.Item>
            <List.Item>A client secret and its expiry date. Azure shows the secret only once, so copy it then.</List.Item>
            <List.Item>
              Microsoft Graph permissions <Code>User.Read.All</Code> and <Code>GroupMember.Read.All</Code>, with admin
              consent. Several tenants? Each one is its own connection.
            </List.Item>
          </List>
        </FeatureCard>
      </SimpleGrid>
      <SectionHeading>How a connection is set up</SectionHeading>
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md" component="dl" m={0}>
          {connectionTabs.map((tab, index) => (
            <Stack key={tab.name} gap={2}>
              <Text component="dt" fw={600} size="sm">
                <Text span c="dimmed" inherit>
                  {index + 1}.
                </Text>{' '}
                {tab.name}
              </Text>
              <Text component="dd" m={0} size="sm" c="dimmed">
                {tab.summary}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Card>
    </>
  )
}

/** A connection imports into a Halo instance, and there is none yet. */
function NeedsHaloInstance(): React.JSX.Element {
  return (
    <AreaEmptyState
      icon={<IconArrowsExchange size={30} aria-hidden />}
      title="No connections yet"
      description="A connection always imports into a Halo instance, and this workspace has none yet: add the Halo instance first, then connect your Okta org or Entra ID tenant to it."
      actions={
        <Button component={Link} to={paths.haloInstances}>
          Go to Halo instances
        </Button>
      }
    />
  )
}

function YoullNeed(): React.JSX.Element {
  return (
    <Text size="xs" fw={600} c="dimmed" tt="uppercase">
      You&apos;ll need
    </Text>
  )
}
