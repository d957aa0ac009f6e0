/**
 * The body of any error shown to the admin: the message, the invalid fields, the link to where it is
 * fixed (inside the app's router only, and not to the page already open), the support reference.
 */
import { Anchor, Code, List, Stack, Text } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { Link, useInRouterContext, useLocation } from 'react-router'
import type { StudioError } from '../../../src-shared/contract'
import { cachedNames, errorReference, fixLink, validationIssues } from '../api/error-details'

export function ErrorDetails({ error }: { error: StudioError }): React.JSX.Element {
  const issues = validationIssues(error)
  const reference = errorReference(error)
  // Notifications and the startup pages are drawn outside the router: no link there.
  const routed = useInRouterContext()
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
      {routed && <FixAnchor error={error} />}
      {reference && (
        <Text size="xs" c="dimmed">
          Reference: <Code>{reference}</Code>
        </Text>
      )}
    </Stack>
  )
}

function FixAnchor({ error }: { error: StudioError }): React.JSX.Element | null {
  const here = useLocation()
  const link = fixLink(error, cachedNames(useQueryClient()), here)
  if (!link) return null
  return (
    <Anchor component={Link} to={link.path} size="sm" fw={500} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      {link.label}
      <IconArrowRight size={14} aria-hidden />
    </Anchor>
  )
}
