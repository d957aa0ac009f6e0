/** A sync run's state in words and colour, the same in the runs table and the dashboard's timeline. */
import type { RunView } from '../../../../src-shared/contract'

export const runStates: Record<RunView['state'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  interrupted: { label: 'Stopped', color: 'orange' },
  cancelled: { label: 'Cancelled', color: 'gray' },
  completed: { label: 'Completed', color: 'teal' },
  failed: { label: 'Failed', color: 'red' }
}
