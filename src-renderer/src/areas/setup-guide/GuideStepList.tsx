/**
 * The setup guide's steps as a list beside the current one: ✓ for a step whose check passed, a skip
 * mark for one skipped, its number otherwise; the current step marked for screen readers
 * (aria-current). A step opens when every step before it is done or skipped.
 */
import { Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { IconCheck, IconPlayerSkipForward } from '@tabler/icons-react'
import type { GuideStepId } from '../../../../src-shared/contract'
import { guideSteps, type GuideStepState } from './guide-steps'
import classes from './GuideStepList.module.css'

export interface GuideStepListProps {
  current: GuideStepId
  states: Record<GuideStepId, GuideStepState>
  /** Whether a step can be opened now. */
  openable: (id: GuideStepId) => boolean
  onOpen: (id: GuideStepId) => void
}

const stateWords: Record<GuideStepState, string> = { done: 'done', skipped: 'skipped', todo: 'to do' }

export function GuideStepList({ current, states, openable, onOpen }: GuideStepListProps): React.JSX.Element {
  return (
    <nav aria-label="Setup steps">
      <Stack component="ol" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
        {guideSteps.map((step, index) => {
          const state = states[step.id]
          const active = step.id === current
          return (
            <li key={step.id}>
              <UnstyledButton className={classes.step} data-active={active || undefined} aria-current={active ? 'step' : undefined} disabled={!openable(step.id)} onClick={() => onOpen(step.id)} aria-label={`${index + 1}. ${step.title} (${stateWords[state]})`}>
                <ThemeIcon size={26} radius="xl" variant={state === 'done' ? 'filled' : active ? 'light' : 'default'} color={state === 'done' ? 'teal' : state === 'skipped' ? 'gray' : undefined} aria-hidden>
                  {state === 'done' ? <IconCheck size={15} /> : state === 'skipped' ? <IconPlayerSkipForward size={14} /> : <Text size="xs" fw={700}>{index + 1}</Text>}
                </ThemeIcon>
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={active ? 700 : 500}>
                    {step.title}
                  </Text>
                  <Text size="xs" c={active ? undefined : 'dimmed'}>
                    {state === 'skipped' ? 'Skipped' : step.summary}
                  </Text>
                </Stack>
              </UnstyledButton>
            </li>
          )
        })}
      </Stack>
    </nav>
  )
}
