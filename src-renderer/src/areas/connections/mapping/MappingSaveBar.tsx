/**
 * The bar above every design tab while there is something to say: unsaved changes (Save, Discard),
 * the draft being checked, and — when a save is refused — every error that blocks it, each with a
 * link to its tab and row.
 */
import { Alert, Anchor, Badge, Button, Group, List, Paper, Text } from '@mantine/core'
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react'
import { configTabLabels, type ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { useMappingDesign } from './mapping-design'

export interface MappingSaveBarProps {
  /** Opens a tab and brings a row into view. */
  onGoTo: (issue: ConfigIssue) => void
}

export function MappingSaveBar({ onGoTo }: MappingSaveBarProps): React.JSX.Element | null {
  const design = useMappingDesign()
  const errors = design.issues.filter((issue) => issue.severity === 'error')
  const refused = design.saveError?.code === 'VALIDATION_FAILED' ? ((design.saveError.details?.issues as ConfigIssue[] | undefined) ?? errors) : null
  if (!design.dirty && !design.saveError) return null
  return (
    <Paper withBorder p="sm" mb="md" radius="md" role="region" aria-label="Unsaved changes" pos="sticky" top={70} style={{ zIndex: 3 }}>
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <Text fw={600}>Unsaved changes</Text>
          {errors.length > 0 ? (
            <Badge color="red" variant="light">
              {errors.length === 1 ? '1 error to fix' : `${errors.length} errors to fix`}
            </Badge>
          ) : (
            <Badge color={design.checking ? 'gray' : 'teal'} variant="light">
              {design.checking ? 'Checking…' : 'No errors'}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={design.discard} disabled={design.saving}>
            Discard changes
          </Button>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={design.saving} onClick={() => void design.save()}>
            Save
          </Button>
        </Group>
      </Group>
      {design.saveError && (
        <Alert color="red" variant="light" mt="sm" icon={<IconAlertTriangle aria-hidden />} title={design.saveError.message} role="alert">
          {refused && refused.length > 0 && (
            <List size="sm" spacing={4}>
              {refused.map((issue, index) => (
                <List.Item key={`${issue.tab}-${issue.rowId ?? ''}-${index}`}>
                  <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(issue)}>
                    {configTabLabels[issue.tab]}
                  </Anchor>
                  : {issue.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Paper>
  )
}
