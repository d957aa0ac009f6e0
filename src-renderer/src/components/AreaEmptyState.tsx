/** The empty state at the top of an area with nothing in it yet: what will be here, and the first thing to do. */
import { Card, EmptyState } from '@mantine/core'

export interface AreaEmptyStateProps {
  icon: React.ReactNode
  title: string
  description: React.ReactNode
  actions: React.ReactNode
}

export function AreaEmptyState({ icon, title, description, actions }: AreaEmptyStateProps): React.JSX.Element {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <EmptyState variant="light" icon={icon} title={title} description={description} py="sm">
        <EmptyState.Actions>{actions}</EmptyState.Actions>
      </EmptyState>
    </Card>
  )
}
