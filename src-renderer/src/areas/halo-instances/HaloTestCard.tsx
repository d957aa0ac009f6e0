/** A Halo instance's connection test as a checklist card: signs in, reads users, agents and every look-up; the last result stays shown. */
import type { UseMutationResult } from '@tanstack/react-query'
import type { HaloInstance, ProcedureInput, ProcedureOutput, StudioError } from '../../../../src-shared/contract'
import { ChecklistCard } from '../../components/ChecklistCard'

export interface HaloTestCardProps {
  instance: HaloInstance
  /** The `halo:test` action (its caller may also read its result). */
  test: UseMutationResult<ProcedureOutput<'halo:test'>, StudioError, ProcedureInput<'halo:test'>>
  title?: string
}

export function HaloTestCard({ instance, test, title = 'Connection test' }: HaloTestCardProps): React.JSX.Element {
  return (
    <ChecklistCard
      title={title}
      description="Signs in, then reads users, agents and every look-up. The look-ups read are kept for offline work."
      actionLabel="Test connection"
      runningText="Signing in and reading from Halo…"
      notTestedText="Not tested yet. A test takes a few seconds and changes nothing in Halo."
      listLabel="Connection checks"
      check={test.data ?? instance.lastCheck}
      testing={test.isPending}
      error={test.error}
      onTest={() => test.mutate({ id: instance.id })}
    />
  )
}
