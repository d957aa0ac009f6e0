/**
 * A connection test as a card (Halo's "Test connection", Okta's "Test credentials"): the button that
 * runs it, what it is doing while it runs, then the checklist. Before any test it shows the last one,
 * or says that none has run yet.
 */
import { Button, Text } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import type { Checklist, StudioError } from '../../../src-shared/contract'
import { ChecklistView } from './ChecklistView'
import { ErrorNotice } from './ErrorNotice'
import { SectionCard } from './SectionCard'

export interface ChecklistCardProps {
  title: string
  description: string
  /** The button, e.g. "Test connection". */
  actionLabel: string
  /** Shown while the test runs, e.g. "Signing in and reading from Halo…". */
  runningText: string
  /** Shown before the first test. */
  notTestedText: string
  /** Names the checklist for assistive technology, e.g. "Connection checks". */
  listLabel: string
  check: Checklist | null
  testing: boolean
  error: StudioError | null
  onTest: () => void
  /** The button cannot be used yet (notTestedText says why). */
  disabled?: boolean
  /** Shown under the checklist, e.g. where to grant what failed. */
  footer?: React.ReactNode
}

export function ChecklistCard(props: ChecklistCardProps): React.JSX.Element {
  const { check, testing, error } = props
  return (
    <SectionCard
      title={props.title}
      description={props.description}
      aside={
        <Button leftSection={<IconPlugConnected size={16} aria-hidden />} onClick={props.onTest} loading={testing} disabled={props.disabled} style={{ flexShrink: 0 }}>
          {props.actionLabel}
        </Button>
      }
    >
      {error && <ErrorNotice title="The test could not run" error={error} />}
      {testing && (
        <Text size="sm" c="dimmed" role="status">
          {props.runningText}
        </Text>
      )}
      {check ? (
        <ChecklistView check={check} label={props.listLabel} />
      ) : (
        !testing && (
          <Text size="sm" c="dimmed">
            {props.notTestedText}
          </Text>
        )
      )}
      {props.footer}
    </SectionCard>
  )
}
