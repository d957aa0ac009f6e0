/**
 * "Try it on a person", beside every design tab: pick someone from the snapshot and see what the
 * configuration on screen (saved or not) makes of them, updated a moment after each edit. On the
 * Onboarding tab the onboarding ticket comes first.
 */
import { useState } from 'react'
import { Card, Loader, Select, Stack, Text, Title } from '@mantine/core'
import { IconUserSearch } from '@tabler/icons-react'
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { useSettled, useTryPerson } from '../../../api/mapping'
import { useProcedureQuery } from '../../../api/procedure-hooks'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useMappingDesign } from './mapping-design'
import { OutcomeView } from './OutcomeView'

export function TryItPanel({ tab }: { tab: ConfigIssue['tab'] }): React.JSX.Element {
  const design = useMappingDesign()
  const [personId, setPersonId] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const settledSearch = useSettled(search, 200)
  const people = useProcedureQuery('snapshot:people', { connectionId: design.connectionId, search: settledSearch, offset: 0, limit: 25 })
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null)
  const options = (people.data?.rows ?? []).map((person) => ({ value: person.id, label: `${person.displayName}${person.email ? ` · ${person.email}` : ''}` }))
  const data = chosen && !options.some((option) => option.value === chosen.value) ? [chosen, ...options] : options
  const tried = useTryPerson(design.connectionId, design.config, personId)
  const noSnapshot = design.saved.context.snapshotFetchedAt === null
  return (
    <Card withBorder padding="md" component="section" aria-label="Try it on a person">
      <Stack gap="sm">
        <Title order={2} fz="md">
          Try it on a person
        </Title>
        {noSnapshot ? (
          <Text size="sm" c="dimmed">
            Fetch the directory on the Details tab to try the mappings on real people.
          </Text>
        ) : (
          <>
            <Select
              label="Person"
              placeholder="Search by name, login or email"
              leftSection={<IconUserSearch size={16} aria-hidden />}
              searchable
              clearable
              data={data}
              value={personId}
              searchValue={search}
              onSearchChange={setSearch}
              onChange={(value, option) => {
                setPersonId(value)
                setChosen(value && option ? { value, label: option.label } : null)
              }}
              filter={({ options: all }) => all}
              nothingFoundMessage={people.isFetching ? 'Searching…' : 'No one in the snapshot matches'}
              rightSection={people.isFetching ? <Loader size={14} /> : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            {personId === null && (
              <Text size="sm" c="dimmed">
                Pick someone to see the Halo user (or agent) they would become, field by field, and why — with the changes on screen, saved or not.
              </Text>
            )}
            {tried.error && <ErrorNotice title="This person could not be tried" error={tried.error} />}
            {personId !== null && tried.data && <OutcomeView outcome={tried.data.outcome} ticketFirst={tab === 'onboarding'} stale={tried.isPlaceholderData || tried.isFetching} haloPeopleFetchedAt={tried.data.haloPeopleFetchedAt} />}
            {personId !== null && tried.isPending && <Loader size="sm" aria-label="Trying" />}
          </>
        )}
      </Stack>
    </Card>
  )
}
