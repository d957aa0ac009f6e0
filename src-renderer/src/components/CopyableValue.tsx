/** A value to copy (a file system path, a redirect URI) shown in full, wrapping anywhere so a long one never breaks a layout, with a copy button. */
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'

export function CopyableValue({ value, label }: { value: string; label: string }): React.JSX.Element {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} miw={0}>
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
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
