/**
 * The Site Mappings tab: the connection's site mappings in the order they are tried (lowest
 * sequence first), each with its target, its filters in words, its user role and how many snapshot
 * people it matches and wins. Mappings are added, edited (in SiteMappingEditor), reordered by drag
 * or by Move up / Move down (which renumber the sequences 1, 2, 3…) and deleted after a confirmation.
 */
import { useState } from 'react'
import { ActionIcon, Badge, Button, Card, Group, Menu, Stack, Text, Tooltip } from '@mantine/core'
import { IconBuilding, IconChevronDown, IconGripVertical, IconPencil, IconPlus, IconSitemap } from '@tabler/icons-react'
import type { SiteMapping } from '../../../../../src-shared/mapping/config-schema'
import { useSiteCounts } from '../../../api/mapping'
import { SectionCard } from '../../../components/SectionCard'
import { countText, statusLabel } from '../connection-labels'
import { ConfirmDeleteButton } from './ConfirmDeleteButton'
import { nameOf, useLookupOptions } from './design-lookups'
import { DesignTab } from './DesignTab'
import { newRowId, useMappingDesign } from './mapping-design'
import { MoveButtons } from './MoveButtons'
import { criterionText, inSequence, nextSequence, reorder, siteKindLabels } from './site-mapping-labels'
import { SiteMappingEditor } from './SiteMappingEditor'
import { RowIssues } from './TabIssues'

type Kind = SiteMapping['kind']

export function SiteMappingsTab(): React.JSX.Element {
  const design = useMappingDesign()
  const mappings = inSequence(design.config.siteMappings)
  const counts = useSiteCounts(design.connectionId, design.config)
  const [editing, setEditing] = useState<{ mapping: SiteMapping; isNew: boolean } | null>(null)
  const [dragged, setDragged] = useState<string | null>(null)
  const start = (kind: Kind): void => setEditing({ mapping: blankMapping(kind, nextSequence(design.config.siteMappings)), isNew: true })
  const move = (id: string, to: number): void => design.update((draft) => void (draft.siteMappings = reorder(draft.siteMappings, id, to)))
  const save = (mapping: SiteMapping): void => {
    design.update((draft) => {
      const index = draft.siteMappings.findIndex((candidate) => candidate.id === mapping.id)
      if (index === -1) draft.siteMappings.push(mapping)
      else draft.siteMappings[index] = mapping
      draft.siteMappings = inSequence(draft.siteMappings)
    })
    setEditing(null)
  }
  const people = counts.data?.people
  return (
    <DesignTab tab="sites">
      <SectionCard
        title="Site mappings"
        description={
          <>
            Which people go to which site. Mappings are tried in sequence, lowest first; a person takes the first that matches.{' '}
            {people !== undefined ? `Counts are from the snapshot’s ${countText(people, 'person', 'people')}.` : 'Fetch the directory to see how many people each mapping matches.'}
          </>
        }
        aside={mappings.length > 0 && <AddMenu onPick={start} />}
      >
        {mappings.length === 0 ? (
          <EmptyState onPick={start} defaultSite={design.config.imports.defaultSiteId !== null} />
        ) : (
          <Stack gap="sm" role="list" aria-label="Site mappings in the order they are tried">
            {mappings.map((mapping, index) => {
              const count = counts.data?.counts.find((entry) => entry.mappingId === mapping.id)
              return (
                <Card
                  key={mapping.id}
                  id={`row-${mapping.id}`}
                  role="listitem"
                  aria-label={`Site mapping ${index + 1}`}
                  withBorder
                  padding="sm"
                  draggable
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move'
                    event.dataTransfer.setData('text/plain', mapping.id)
                    setDragged(mapping.id)
                  }}
                  onDragEnd={() => setDragged(null)}
                  onDragOver={(event) => {
                    if (dragged === null) return
                    event.preventDefault()
                    event.dataTransfer.dropEffect = 'move'
                  }}
                  onDrop={(event) => {
                    event.preventDefault()
                    if (dragged !== null && dragged !== mapping.id) move(dragged, index)
                    setDragged(null)
                  }}
                  style={{ opacity: dragged === mapping.id ? 0.5 : 1, borderColor: dragged !== null && dragged !== mapping.id ? 'var(--mantine-primary-color-light-color)' : undefined }}
                >
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <Tooltip label="Drag to reorder">
                      <IconGripVertical size={18} aria-hidden style={{ cursor: 'grab', flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-dimmed)' }} />
                    </Tooltip>
                    <Badge variant="light" size="lg" radius="sm" style={{ flexShrink: 0 }} aria-label={`Sequence ${mapping.sequence}`}>
                      {mapping.sequence}
                    </Badge>
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <MappingSummary mapping={mapping} />
                      <Text size="xs" c="dimmed" aria-label="People counts">
                        {count ? `Matches ${countText(count.matches, 'person', 'people')} · wins for ${count.wins.toLocaleString()}` : '—'}
                      </Text>
                      <RowIssues tab="sites" rowId={mapping.id} />
                    </Stack>
                    <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <ActionIcon variant="subtle" aria-label={`Edit site mapping ${index + 1}`} onClick={() => setEditing({ mapping, isNew: false })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <MoveButtons index={index} count={mappings.length} upLabel={`Move site mapping ${index + 1} up`} downLabel={`Move site mapping ${index + 1} down`} onMove={(by) => move(mapping.id, index + by)} />
                      <ConfirmDeleteButton label={`site mapping ${index + 1}`} question="Delete this mapping?" onConfirm={() => design.update((draft) => void (draft.siteMappings = draft.siteMappings.filter((candidate) => candidate.id !== mapping.id)))} />
                    </Group>
                  </Group>
                </Card>
              )
            })}
          </Stack>
        )}
      </SectionCard>
      <SiteMappingEditor mapping={editing?.mapping ?? null} isNew={editing?.isNew ?? false} onSave={save} onClose={() => setEditing(null)} />
    </DesignTab>
  )
}

/** A mapping's kind and target in a line, then its filters and user role. */
function MappingSummary({ mapping }: { mapping: SiteMapping }): React.JSX.Element {
  const sites = useLookupOptions('sites')
  const clients = useLookupOptions('clients')
  const agentRoles = useLookupOptions('roles')
  const userRoles = useLookupOptions('userRoles')
  const target =
    mapping.kind === 'existing-site'
      ? mapping.siteId === 'agent'
        ? `*agent*${mapping.agentRoleId === null ? '' : ` with the role ${nameOf(agentRoles, mapping.agentRoleId)}`}`
        : nameOf(sites, mapping.siteId)
      : `Sites under ${nameOf(clients, mapping.clientId)} named by ${mapping.field}`
  const filters = [
    mapping.groupName === null ? 'Any group' : `Members of ${mapping.groupName}`,
    ...mapping.criteria.map(criterionText),
    ...(mapping.statuses.length > 0 ? [`status ${mapping.statuses.map(statusLabel).join(' or ')}`] : []),
    ...(mapping.appId !== null ? [`assigned to app ${mapping.appId}`] : []),
    mapping.includeExternal ? 'external users included' : 'external users left out'
  ]
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" color={mapping.kind === 'existing-site' ? 'blue' : 'grape'} tt="none" leftSection={mapping.kind === 'existing-site' ? <IconBuilding size={12} aria-hidden /> : <IconSitemap size={12} aria-hidden />}>
          {siteKindLabels[mapping.kind]}
        </Badge>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {target}
        </Text>
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {filters.join(' · ')}
      </Text>
      <Text size="sm" c="dimmed">
        User role: {mapping.userRoleId === null ? 'none' : nameOf(userRoles, mapping.userRoleId)}
      </Text>
    </>
  )
}

function AddMenu({ onPick }: { onPick: (kind: Kind) => void }): React.JSX.Element {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} style={{ flexShrink: 0 }}>
          Add site mapping
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconBuilding size={14} aria-hidden />} onClick={() => onPick('existing-site')}>
          Map to an existing site
        </Menu.Item>
        <Menu.Item leftSection={<IconSitemap size={14} aria-hidden />} onClick={() => onPick('organisation-by-field')}>
          Map to an organisation by a field
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

function EmptyState({ onPick, defaultSite }: { onPick: (kind: Kind) => void; defaultSite: boolean }): React.JSX.Element {
  return (
    <Stack gap="sm" align="flex-start" py="md">
      <Text fw={600}>No site mappings yet</Text>
      <Text size="sm" c="dimmed">
        {defaultSite
          ? 'Everyone goes to the default site set on the Imports tab. Add a mapping to send people to a site, to an organisation, or to make them agents.'
          : 'No one is imported until a mapping matches them: people no mapping matches are not imported, unless a default site is set on the Imports tab.'}
      </Text>
      <Group gap="sm">
        <Button leftSection={<IconBuilding size={16} aria-hidden />} onClick={() => onPick('existing-site')}>
          Map to an existing site
        </Button>
        <Button variant="light" leftSection={<IconSitemap size={16} aria-hidden />} onClick={() => onPick('organisation-by-field')}>
          Map to an organisation by a field
        </Button>
      </Group>
    </Stack>
  )
}

function blankMapping(kind: Kind, sequence: number): SiteMapping {
  const common = { id: newRowId('site'), sequence, groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null }
  return kind === 'existing-site' ? { kind, ...common, siteId: '', agentRoleId: null } : { kind, ...common, clientId: '', field: '' }
}
