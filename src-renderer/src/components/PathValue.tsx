/** A file system path shown in full (wrapping anywhere, so long folder names never break a layout) with a copy button. */
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'

export function PathValue({ path, label }: { path: string; label: string }): React.JSX.Element {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} miw={0}>
        {path}
      </Text>
      <CopyButton value={path} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={`Copy ${label}`}
            >
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}
