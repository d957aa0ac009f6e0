/**
 * The editor of one site mapping, in a modal: the target (a site, *agent* and its agent role, or a
 * client and the attribute naming the site), the sequence, the filters (group, field criteria,
 * external users, Okta statuses and app) and the user role. It edits a copy; the copy is checked
 * and handed back on save, and dropped on cancel.
 */
import { useState } from 'react'
import { ActionIcon, Button, Divider, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { criterionOperators, type Criterion, type SiteMapping } from '../../../../../src-shared/mapping/config-schema'
import { oktaUserStatuses } from '../../../../../src-shared/okta-statuses'
import { statusLabel } from '../connection-labels'
import { agentRolesAreIn, groupsAreIn, haloRef, notListedHint, useAttributeOptions, useLookupOptions, withCurrent } from './design-lookups'
import { GroupNameSelect } from './GroupNameSelect'
import { useMappingDesign } from './mapping-design'
import { operatorLabels, operatorTakesValue, siteMappingErrors, type SiteMappingErrors } from './site-mapping-labels'

const agentSite = 'agent'

export interface SiteMappingEditorProps {
  /** The mapping to edit (a new one has "" for its site or client); null when closed. */
  mapping: SiteMapping | null
  isNew: boolean
  onSave: (mapping: SiteMapping) => void
  onClose: () => void
}

export function SiteMappingEditor({ mapping, isNew, onSave, onClose }: SiteMappingEditorProps): React.JSX.Element {
  return (
    <Modal opened={mapping !== null} onClose={onClose} title={isNew ? 'Add a site mapping' : 'Edit site mapping'} size="lg">
      {mapping && <EditorForm key={mapping.id} initial={mapping} isNew={isNew} onSave={onSave} onClose={onClose} />}
    </Modal>
  )
}

function EditorForm({ initial, isNew, onSave, onClose }: { initial: SiteMapping; isNew: boolean; onSave: (mapping: SiteMapping) => void; onClose: () => void }): React.JSX.Element {
  const design = useMappingDesign()
  const [draft, setDraft] = useState<SiteMapping>(() => structuredClone(initial))
  const [errors, setErrors] = useState<SiteMappingErrors | null>(null)
  const sites = useLookupOptions('sites')
  const clients = useLookupOptions('clients')
  const agentRoles = useLookupOptions('roles')
  const userRoles = useLookupOptions('userRoles')
  const attributes = useAttributeOptions()
  const attributeData = attributes.map((attribute) => ({ value: attribute.value, label: attribute.value }))
  const change = (apply: (copy: SiteMapping) => void): void =>
    setDraft((current) => {
      const copy = structuredClone(current)
      apply(copy)
      if (errors) setErrors(siteMappingErrors(copy))
      return copy
    })
  const changeCriterion = (index: number, apply: (criterion: Criterion) => void): void =>
    change((copy) => {
      const criterion = copy.criteria[index]
      if (criterion) apply(criterion)
    })
  const submit = (): void => {
    const found = siteMappingErrors(draft)
    setErrors(found)
    if (!found) onSave(draft)
  }
  return (
    <Stack gap="md">
      {draft.kind === 'existing-site' ? (
        <>
          <Select
            label="Site"
            description={`A Halo site, or *agent* to make them agents. ${notListedHint}`}
            placeholder="Pick a site"
            searchable
            withAsterisk
            data={[{ value: agentSite, label: '*agent* (make them agents)' }, ...withCurrent(sites, draft.siteId === agentSite ? null : draft.siteId)]}
            value={draft.siteId === '' ? null : String(draft.siteId)}
            onChange={(value) => change((copy) => copy.kind === 'existing-site' && (copy.siteId = value === null ? '' : value === agentSite ? agentSite : haloRef(value)))}
            error={errors?.siteId}
            nothingFoundMessage="No such site in Halo’s cached look-ups"
          />
          {draft.siteId === agentSite && (
            <Select
              label="Agent role"
              description={`${agentRolesAreIn}: the role the new agents get.`}
              placeholder="No role"
              searchable
              clearable
              data={withCurrent(agentRoles, draft.agentRoleId)}
              value={draft.agentRoleId === null ? null : String(draft.agentRoleId)}
              onChange={(value) => change((copy) => copy.kind === 'existing-site' && (copy.agentRoleId = value === null ? null : haloRef(value)))}
            />
          )}
        </>
      ) : (
        <>
          <Select
            label="Client"
            description={`The Halo client the sites are under. ${notListedHint}`}
            placeholder="Pick a client"
            searchable
            withAsterisk
            data={withCurrent(clients, draft.clientId)}
            value={draft.clientId === '' ? null : String(draft.clientId)}
            onChange={(value) => change((copy) => copy.kind === 'organisation-by-field' && (copy.clientId = value === null ? '' : haloRef(value)))}
            error={errors?.clientId}
            nothingFoundMessage="No such client in Halo’s cached look-ups"
          />
          <Select
            label="Site name from"
            description="The directory attribute whose value names the site; a site missing under the client is created."
            placeholder="Pick an attribute"
            searchable
            withAsterisk
            data={withCurrent(attributeData, draft.field === '' ? null : draft.field)}
            value={draft.field === '' ? null : draft.field}
            onChange={(value) => change((copy) => copy.kind === 'organisation-by-field' && (copy.field = value ?? ''))}
            error={errors?.field}
            nothingFoundMessage="No one in the snapshot has that attribute"
          />
        </>
      )}
      <NumberInput
        label="Sequence"
        description="Lowest is tried first."
        min={0}
        max={100_000}
        allowDecimal={false}
        allowNegative={false}
        value={draft.sequence}
        onChange={(value) => change((copy) => (copy.sequence = typeof value === 'number' ? value : Number(value) || 0))}
        w={{ base: '100%', xs: 200 }}
      />
      <Divider label="Who it matches" labelPosition="left" />
      <GroupNameSelect
        label="Group"
        description={`Members only, named as in ${groupsAreIn[design.config.source]}; empty matches anyone.`}
        placeholder="Any group"
        value={draft.groupName}
        onChange={(value) => change((copy) => (copy.groupName = value))}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Field criteria
        </Text>
        <Text size="xs" c="dimmed" mt={-6}>
          All must hold. Comparisons ignore case.
        </Text>
        {draft.criteria.map((criterion, index) => (
          <Group key={index} gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={`Criterion ${index + 1}`}>
            <Select
              aria-label={`Attribute, criterion ${index + 1}`}
              placeholder="Attribute"
              searchable
              data={withCurrent(attributeData, criterion.field === '' ? null : criterion.field)}
              value={criterion.field === '' ? null : criterion.field}
              onChange={(value) => changeCriterion(index, (copy) => (copy.field = value ?? ''))}
              error={errors?.criteria[index]?.field}
              style={{ flex: '1 1 160px' }}
            />
            <Select
              aria-label={`Operator, criterion ${index + 1}`}
              data={criterionOperators.map((operator) => ({ value: operator, label: operatorLabels[operator] }))}
              value={criterion.operator}
              allowDeselect={false}
              onChange={(value) => changeCriterion(index, (copy) => (copy.operator = criterionOperators.find((operator) => operator === value) ?? 'equals'))}
              style={{ flex: '0 1 150px' }}
            />
            {operatorTakesValue(criterion.operator) && (
              <TextInput
                aria-label={`Value, criterion ${index + 1}`}
                placeholder={criterion.operator === 'matches' ? 'Regular expression' : 'Value'}
                value={criterion.value}
                onChange={(event) => {
                  const value = event.currentTarget.value
                  changeCriterion(index, (copy) => (copy.value = value))
                }}
                error={errors?.criteria[index]?.value}
                style={{ flex: '1 1 160px' }}
              />
            )}
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove criterion ${index + 1}`} onClick={() => change((copy) => void copy.criteria.splice(index, 1))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} style={{ alignSelf: 'flex-start' }} onClick={() => change((copy) => void copy.criteria.push({ field: '', operator: 'equals', value: '' }))}>
          Add criterion
        </Button>
      </Stack>
      <Switch
        label="Include external users"
        description="Guests and external accounts match too."
        checked={draft.includeExternal}
        onChange={(event) => {
          const checked = event.currentTarget.checked
          change((copy) => (copy.includeExternal = checked))
        }}
      />
      {design.config.source === 'okta' && (
        <>
          <MultiSelect
            label="Okta statuses"
            description="Only people in these statuses; none picked matches any status."
            placeholder={draft.statuses.length === 0 ? 'Any status' : undefined}
            clearable
            data={oktaUserStatuses.map((status) => ({ value: status, label: statusLabel(status) }))}
            value={draft.statuses}
            onChange={(value) => change((copy) => (copy.statuses = value))}
          />
          <TextInput
            label="Okta app"
            description="Only people assigned to it: the 0oa… ID in its Okta Admin Console address; empty: anyone."
            placeholder="Any app"
            value={draft.appId ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value.trim()
              change((copy) => (copy.appId = value === '' ? null : value))
            }}
          />
        </>
      )}
      <Divider label="What they get" labelPosition="left" />
      <Select
        label="User role"
        description="Halo › Configuration › Users › User Roles; none leaves their role as it is."
        placeholder="No role"
        searchable
        clearable
        data={withCurrent(userRoles, draft.userRoleId)}
        value={draft.userRoleId === null ? null : String(draft.userRoleId)}
        onChange={(value) => change((copy) => (copy.userRoleId = value === null ? null : haloRef(value)))}
      />
      {errors && (
        <Text size="sm" c="red" role="alert">
          Fix the fields marked in red to save.
        </Text>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit}>{isNew ? 'Add mapping' : 'Save mapping'}</Button>
      </Group>
    </Stack>
  )
}
