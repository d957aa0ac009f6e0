/**
 * Step 6: the default mappings reviewed: what the defaults do, where people go (a default site, or
 * the Site mappings tab for more), Try it on real people from the snapshot, then saved and marked as
 * reviewed. Nothing is imported while nobody has anywhere to go, and the step says so.
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core'
import { Link, useNavigate } from 'react-router'
import { connectionPath } from '../../shell/areas'
import { DefaultSiteSelect } from '../connections/mapping/DefaultSiteSelect'
import { MappingGate } from '../connections/mapping/MappingGate'
import { TryItPanel } from '../connections/mapping/TryItPanel'
import { GuideConfirm } from './GuideConfirm'
import type { GuideStepProps } from './guide-step-props'

export function MappingsStep({ progress, update, facts }: GuideStepProps): React.JSX.Element {
  const navigate = useNavigate()
  const connectionId = facts.connection?.id ?? ''
  return (
    <MappingGate connectionId={connectionId} onOpenTab={(slug) => void navigate(connectionPath(connectionId, slug))}>
      <Stack gap="md">
        <Text size="sm">
          The defaults map name, email, phone, job title, department, login and manager to Halo’s fields. Choose where people go, try a few people, and save. You can refine everything later on the connection’s{' '}
          <Anchor component={Link} to={connectionPath(connectionId, 'field-mappings')}>
            Field mappings
          </Anchor>{' '}
          and{' '}
          <Anchor component={Link} to={connectionPath(connectionId, 'site-mappings')}>
            Site mappings
          </Anchor>{' '}
          tabs.
        </Text>
        <DefaultSiteSelect />
        {!facts.mappingsReady && (
          <Alert color="yellow" variant="light" title="Nobody would be imported yet">
            Choose a default site and save, or add site mappings on the Site mappings tab: people no mapping sends anywhere are not imported.
          </Alert>
        )}
        <TryItPanel tab="fields" />
        <GuideConfirm progress={progress} update={update} step="mappings" label="I have reviewed the mappings" />
      </Stack>
    </MappingGate>
  )
}
