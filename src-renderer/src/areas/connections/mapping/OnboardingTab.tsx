/**
 * The Onboarding tab: whether a ticket is logged for each user an import creates (only then — never
 * for a match or an update, never twice for one person), its ticket type and optional Halo template
 * from the cached look-ups (templates of that type only), and the ticket fields filled from the
 * person's attributes: one row per ticket field, each a text with {attribute} placeholders.
 */
import { useRef } from 'react'
import { ActionIcon, Alert, Button, Grid, Group, Menu, Select, Stack, Switch, Table, Text, Textarea, VisuallyHidden } from '@mantine/core'
import { IconBraces, IconChevronDown, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { haloTicketFields } from '../../../../../src-shared/mapping/halo-fields'
import { SectionCard } from '../../../components/SectionCard'
import { haloRef, nameOf, notListedHint, useAttributeOptions, useCustomFieldOptions, useLookupOptions, useTemplateOptions, withCurrent, type Option } from './design-lookups'
import { DesignTab } from './DesignTab'
import { newRowId, useMappingDesign } from './mapping-design'
import { RowIssues } from './TabIssues'

export function OnboardingTab(): React.JSX.Element {
  return (
    <DesignTab tab="onboarding">
      <Stack gap="lg">
        <TicketSettings />
        <TicketFields />
      </Stack>
    </DesignTab>
  )
}

function TicketSettings(): React.JSX.Element {
  const design = useMappingDesign()
  const onboarding = design.config.onboarding
  const ticketTypes = useLookupOptions('ticketTypes')
  const allTemplates = useTemplateOptions()
  const templates = allTemplates.filter((template) => fits(template, onboarding.ticketTypeId))
  const templateData = onboarding.templateId === null || templates.some((option) => option.value === String(onboarding.templateId)) ? templates : [{ value: String(onboarding.templateId), label: nameOf(allTemplates, onboarding.templateId) }, ...templates]
  const fieldError = (field: string): string | undefined =>
    design.issues
      .filter((issue) => issue.tab === 'onboarding' && issue.rowId === null && issue.field === field && issue.severity === 'error')
      .map((issue) => issue.message)
      .join(' ') || undefined
  return (
    <SectionCard title="New user onboarding" description="Log a ticket in Halo for each new user an import creates — never for people matched or updated, and never twice for the same person, even when a sync is retried.">
      <Switch
        label="Log an onboarding ticket for each new user"
        checked={onboarding.enabled}
        onChange={(event) => {
          const checked = event.currentTarget.checked
          design.update((draft) => void (draft.onboarding.enabled = checked))
        }}
      />
      {!onboarding.enabled && (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          Onboarding is off: imports log no tickets. The settings below are kept for when it is turned on.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Ticket type"
            description={`Halo › Configuration › Tickets › Ticket Types. ${notListedHint}`}
            placeholder="Pick a ticket type"
            searchable
            clearable
            withAsterisk={onboarding.enabled}
            data={withCurrent(ticketTypes, onboarding.ticketTypeId)}
            value={onboarding.ticketTypeId === null ? null : String(onboarding.ticketTypeId)}
            onChange={(value) =>
              design.update((draft) => {
                draft.onboarding.ticketTypeId = value === null ? null : haloRef(value)
                // A template of another ticket type no longer fits.
                const template = allTemplates.find((option) => option.value === String(draft.onboarding.templateId))
                if (template && !fits(template, draft.onboarding.ticketTypeId)) draft.onboarding.templateId = null
              })
            }
            error={fieldError('ticketTypeId')}
            nothingFoundMessage="Not in Halo’s cached look-ups"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Template"
            description="Optional: one of that type’s templates (Halo › Configuration › Tickets › Templates)."
            placeholder={onboarding.ticketTypeId === null ? 'Pick a ticket type first' : 'No template'}
            searchable
            clearable
            disabled={onboarding.ticketTypeId === null && onboarding.templateId === null}
            data={templateData}
            value={onboarding.templateId === null ? null : String(onboarding.templateId)}
            onChange={(value) => design.update((draft) => void (draft.onboarding.templateId = value === null ? null : haloRef(value)))}
            error={fieldError('templateId')}
            nothingFoundMessage="This ticket type has no templates in Halo’s cached look-ups"
          />
        </Grid.Col>
      </Grid>
    </SectionCard>
  )
}

/** Whether a template may be used with a ticket type (one that does not say its type fits any). */
function fits(template: { ticketTypeId: string | null }, ticketTypeId: number | string | null): boolean {
  return ticketTypeId === null || template.ticketTypeId === null || template.ticketTypeId === String(ticketTypeId)
}

function TicketFields(): React.JSX.Element {
  const design = useMappingDesign()
  const rows = design.config.onboarding.fields
  const customFields = useCustomFieldOptions('ticket')
  const attributes = useAttributeOptions()
  const targets: Option[] = [...haloTicketFields.map((field) => ({ value: field.key, label: field.label })), ...customFields]
  const unused = targets.filter((target) => !rows.some((row) => row.target === target.value))
  const labelOf = (target: string): string => targets.find((option) => option.value === target)?.label ?? target
  const change = (id: string, template: string): void =>
    design.update((draft) => {
      const row = draft.onboarding.fields.find((candidate) => candidate.id === id)
      if (row) row.template = template
    })
  const tabError = design.issues.find((issue) => issue.tab === 'onboarding' && issue.rowId === null && issue.field === 'fields' && issue.severity === 'error')
  return (
    <SectionCard
      title="Ticket fields"
      description="What the ticket says, from the new user’s directory attributes: {attribute} is replaced by the person’s value, e.g. {displayName}."
      aside={
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} disabled={unused.length === 0} style={{ flexShrink: 0 }}>
              Add ticket field
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {unused.map((target) => (
              <Menu.Item key={target.value} onClick={() => design.update((draft) => void draft.onboarding.fields.push({ id: newRowId('onboarding'), target: target.value, template: '' }))}>
                {target.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      }
    >
      {tabError && (
        <Text size="sm" c="red" role="alert">
          {tabError.message} {tabError.fix}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No ticket fields: add a Summary at least, unless the template gives one.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label="Ticket fields" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">Ticket field</Table.Th>
                <Table.Th>Text</Table.Th>
                <Table.Th w={76}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => (
                <Table.Tr key={row.id} id={`row-${row.id}`} aria-label={`Ticket field ${labelOf(row.target)}`}>
                  <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    <Text size="sm" fw={500} pt={6}>
                      {labelOf(row.target)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <TemplateInput label={`Text of ${labelOf(row.target)}`} value={row.template} attributes={attributes} multiline={row.target !== 'summary'} onChange={(value) => change(row.id, value)} />
                    <RowIssues tab="onboarding" rowId={row.id} />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Delete ticket field ${labelOf(row.target)}`} onClick={() => design.update((draft) => void draft.onboarding.fields.splice(index, 1))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  )
}

/** A template's text, with a menu that inserts {attribute} where the cursor is. */
function TemplateInput({ label, value, attributes, multiline, onChange }: { label: string; value: string; attributes: Array<Option & { sample: string }>; multiline: boolean; onChange: (value: string) => void }): React.JSX.Element {
  const input = useRef<HTMLTextAreaElement>(null)
  const insert = (name: string): void => {
    const element = input.current
    const at = element?.selectionStart ?? value.length
    const end = element?.selectionEnd ?? at
    onChange(`${value.slice(0, at)}{${name}}${value.slice(end)}`)
    requestAnimationFrame(() => {
      element?.focus()
      element?.setSelectionRange(at + name.length + 2, at + name.length + 2)
    })
  }
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      <Textarea ref={input} aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} autosize minRows={multiline ? 2 : 1} maxRows={8} style={{ flex: 1, minWidth: 0 }} />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={`Insert an attribute into ${label}`} disabled={attributes.length === 0}>
            <IconBraces size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
          {attributes.map((attribute) => (
            <Menu.Item key={attribute.value} onClick={() => insert(attribute.value)}>
              <Text size="sm">{attribute.value}</Text>
              {attribute.sample && (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  e.g. {attribute.sample}
                </Text>
              )}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Group>
  )
}
