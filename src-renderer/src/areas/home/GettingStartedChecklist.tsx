/**
 * The getting-started checklist: progress, then each step with its state. The first step not yet
 * done is the "next" one and carries the button that goes where it is done.
 */
import { Badge, Button, Group, Progress, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core'
import { IconArrowRight, IconCheck } from '@tabler/icons-react'
import { Link } from 'react-router'
import { SectionCard } from '../../components/SectionCard'
import { gettingStartedSteps, type GettingStartedStep } from './getting-started-steps'

export function GettingStartedChecklist({ doneCount }: { doneCount: number }): React.JSX.Element {
  const total = gettingStartedSteps.length
  return (
    <SectionCard
      title="Getting started"
      description="From a fresh workspace to a tested import and single sign-on."
      aside={
        <Text size="sm" c="dimmed" fw={500} style={{ flexShrink: 0 }}>
          {doneCount} of {total} done
        </Text>
      }
    >
      <Progress value={(doneCount / total) * 100} size="sm" aria-label={`${doneCount} of ${total} steps done`} />
      <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Getting started steps">
        {gettingStartedSteps.map((step, index) => (
          <StepRow key={step.title} step={step} number={index + 1} done={index < doneCount} next={index === doneCount} />
        ))}
      </Stack>
    </SectionCard>
  )
}

interface StepRowProps {
  step: GettingStartedStep
  number: number
  done: boolean
  next: boolean
}

function StepRow({ step, number, done, next }: StepRowProps): React.JSX.Element {
  return (
    <Group
      component="li"
      wrap="nowrap"
      align="flex-start"
      gap="md"
      py="sm"
      data-step-done={done}
      style={{ borderTop: number > 1 ? '1px solid var(--mantine-color-default-border)' : undefined }}
    >
      <ThemeIcon
        size={28}
        radius="xl"
        variant={done ? 'filled' : next ? 'light' : 'default'}
        color={done ? 'teal' : undefined}
        aria-hidden
      >
        {done ? <IconCheck size={16} /> : <Text size="sm" fw={600}>{number}</Text>}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1 }} miw={0}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {step.title}
          </Text>
          <VisuallyHidden>{done ? '(done)' : '(not done yet)'}</VisuallyHidden>
          {next && (
            <Badge size="xs" variant="light">
              Next
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {step.description}
        </Text>
        {next && (
          <Button
            component={Link}
            to={step.path}
            size="xs"
            variant="light"
            rightSection={<IconArrowRight size={14} aria-hidden />}
            mt={6}
            style={{ alignSelf: 'flex-start' }}
          >
            {step.actionLabel}
          </Button>
        )}
      </Stack>
    </Group>
  )
}
