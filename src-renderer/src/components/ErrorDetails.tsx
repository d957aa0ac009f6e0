/** The body of any error shown to the admin: the message, the invalid fields, the support reference. */
import { Code, List, Stack, Text } from '@mantine/core'
import type { StudioError } from '../../../src-shared/contract'
import { errorReference, validationIssues } from '../api/error-details'

export function ErrorDetails({ error }: { error: StudioError }): React.JSX.Element {
  const issues = validationIssues(error)
  const reference = errorReference(error)
  return (
    <Stack gap={6}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {error.message}
      </Text>
      {issues.length > 0 && (
        <List size="sm" spacing={2}>
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              <Code>{issue.path}</Code> {issue.message}
            </List.Item>
          ))}
        </List>
      )}
      {reference && (
        <Text size="xs" c="dimmed">
          Reference: <Code>{reference}</Code>
        </Text>
      )}
    </Stack>
  )
}
