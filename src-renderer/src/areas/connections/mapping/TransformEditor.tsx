/**
 * Editing one field mapping's transforms, in order: trim, case, template, regex replace, default when
 * empty, lookup table. Each kind shows only its own inputs; steps can be moved and removed.
 */
import { ActionIcon, Button, Group, Menu, Paper, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { Transform } from '../../../../../src-shared/mapping/config-schema'
import { transformLabels, transformSummary } from './transform-labels'
import { moveItem } from './mapping-design'
import { MoveButtons } from './MoveButtons'

const fresh: Record<Transform['kind'], Transform> = {
  trim: { kind: 'trim' },
  case: { kind: 'case', to: 'title' },
  template: { kind: 'template', template: '{firstName} {lastName}' },
  replace: { kind: 'replace', pattern: '', replacement: '', ignoreCase: false },
  default: { kind: 'default', value: '' },
  lookup: { kind: 'lookup', entries: [{ from: '', to: '' }], ignoreCase: true, otherwise: 'keep', fallback: '' }
}

export function TransformEditor({ transforms, onChange }: { transforms: Transform[]; onChange: (next: Transform[]) => void }): React.JSX.Element {
  const set = (index: number, next: Transform): void => onChange(transforms.map((step, position) => (position === index ? next : step)))
  const move = (index: number, by: -1 | 1): void => {
    const next = [...transforms]
    moveItem(next, index, by)
    onChange(next)
  }
  return (
    <Stack gap="sm">
      {transforms.length === 0 && (
        <Text size="sm" c="dimmed">
          No transforms: the attribute’s value is used as it is.
        </Text>
      )}
      {transforms.map((step, index) => (
        <Paper key={index} withBorder p="sm" aria-label={`Step ${index + 1}: ${transformLabels[step.kind]}`} component="fieldset" style={{ border: undefined }}>
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {index + 1}. {transformLabels[step.kind]}
            </Text>
            <Group gap={4} wrap="nowrap">
              <MoveButtons index={index} count={transforms.length} upLabel={`Move step ${index + 1} up`} downLabel={`Move step ${index + 1} down`} onMove={(by) => move(index, by)} />
              <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${index + 1}`} onClick={() => onChange(transforms.filter((_, position) => position !== index))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Group>
          <StepInputs step={step} onChange={(next) => set(index, next)} />
        </Paper>
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content">
            Add a step
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(Object.keys(fresh) as Array<Transform['kind']>).map((kind) => (
            <Menu.Item key={kind} onClick={() => onChange([...transforms, structuredClone(fresh[kind])])}>
              {transformLabels[kind]} <Text span size="xs" c="dimmed">— {transformSummary(fresh[kind])}</Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  )
}

function StepInputs({ step, onChange }: { step: Transform; onChange: (next: Transform) => void }): React.JSX.Element | null {
  switch (step.kind) {
    case 'trim':
      return <Text size="sm" c="dimmed">Removes spaces at the start and end.</Text>
    case 'case':
      return (
        <Select
          label="Change the case to"
          data={[
            { value: 'upper', label: 'UPPER CASE' },
            { value: 'lower', label: 'lower case' },
            { value: 'title', label: 'Title Case' }
          ]}
          value={step.to}
          allowDeselect={false}
          onChange={(to) => onChange({ ...step, to: to === 'upper' || to === 'lower' ? to : 'title' })}
        />
      )
    case 'template':
      return <TextInput label="Template" description="{attribute} is replaced by the person’s value; {value} is the value so far." value={step.template} onChange={(event) => onChange({ ...step, template: event.currentTarget.value })} />
    case 'replace':
      return (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput label="Find (regular expression)" value={step.pattern} onChange={(event) => onChange({ ...step, pattern: event.currentTarget.value })} ff="monospace" />
            <TextInput label="Replace with" description="$1 is the first group" value={step.replacement} onChange={(event) => onChange({ ...step, replacement: event.currentTarget.value })} />
          </Group>
          <Switch label="Ignore case" checked={step.ignoreCase} onChange={(event) => onChange({ ...step, ignoreCase: event.currentTarget.checked })} />
        </Stack>
      )
    case 'default':
      return <TextInput label="When empty, use" value={step.value} onChange={(event) => onChange({ ...step, value: event.currentTarget.value })} />
    case 'lookup':
      return (
        <Stack gap="xs">
          <Textarea
            label="Table"
            description="One entry per line: directory value = Halo value"
            autosize
            minRows={3}
            value={step.entries.map((entry) => `${entry.from} = ${entry.to}`).join('\n')}
            onChange={(event) =>
              onChange({
                ...step,
                entries: event.currentTarget.value.split('\n').map((line) => {
                  const at = line.indexOf('=')
                  return at < 0 ? { from: line.trim(), to: '' } : { from: line.slice(0, at).trim(), to: line.slice(at + 1).trim() }
                })
              })
            }
          />
          <Group grow align="flex-start">
            <Select
              label="A value not in the table"
              data={[
                { value: 'keep', label: 'Is kept as it is' },
                { value: 'empty', label: 'Becomes empty' },
                { value: 'fallback', label: 'Becomes…' }
              ]}
              value={step.otherwise}
              allowDeselect={false}
              onChange={(otherwise) => onChange({ ...step, otherwise: otherwise === 'empty' || otherwise === 'fallback' ? otherwise : 'keep' })}
            />
            {step.otherwise === 'fallback' && <TextInput label="Fallback value" value={step.fallback} onChange={(event) => onChange({ ...step, fallback: event.currentTarget.value })} />}
          </Group>
          <Switch label="Ignore case" checked={step.ignoreCase} onChange={(event) => onChange({ ...step, ignoreCase: event.currentTarget.checked })} />
        </Stack>
      )
  }
}
