/**
 * The problems of one design tab that belong to no row (a table's missing Name, look-ups never
 * cached, a setting), each with its fix; row problems are shown on their rows.
 */
import { Alert, List, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react'
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { issuesOf, useMappingDesign } from './mapping-design'

export function TabIssues({ tab }: { tab: ConfigIssue['tab'] }): React.JSX.Element | null {
  const design = useMappingDesign()
  const issues = issuesOf(design.issues, tab, null)
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  if (issues.length === 0) return null
  return (
    <Stack gap="sm" mb="md">
      {errors.length > 0 && <IssueAlert color="red" title="To fix before saving" issues={errors} icon={<IconAlertTriangle aria-hidden />} />}
      {warnings.length > 0 && <IssueAlert color="yellow" title="Worth a look" issues={warnings} icon={<IconInfoCircle aria-hidden />} />}
    </Stack>
  )
}

function IssueAlert({ color, title, issues, icon }: { color: string; title: string; issues: ConfigIssue[]; icon: React.ReactNode }): React.JSX.Element {
  return (
    <Alert color={color} variant="light" title={title} icon={icon}>
      <List size="sm" spacing={4}>
        {issues.map((issue, index) => (
          <List.Item key={index}>
            <Text span size="sm" fw={600}>
              {issue.message}
            </Text>{' '}
            {issue.fix}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}

/** A row's problems, under the row: errors first. */
export function RowIssues({ tab, rowId }: { tab: ConfigIssue['tab']; rowId: string }): React.JSX.Element | null {
  const design = useMappingDesign()
  const issues = issuesOf(design.issues, tab, rowId).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  if (issues.length === 0) return null
  return (
    <Stack gap={2}>
      {issues.map((issue, index) => (
        <Text key={index} size="xs" c={issue.severity === 'error' ? 'red' : 'yellow'}>
          {issue.message} {issue.fix}
        </Text>
      ))}
    </Stack>
  )
}
