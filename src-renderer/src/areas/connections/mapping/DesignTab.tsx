/**
 * The frame of every design tab: the tab's own problems above its content, and Try it on a person
 * beside it (below it in a narrow window).
 */
import { Grid } from '@mantine/core'
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { TabIssues } from './TabIssues'
import { TryItPanel } from './TryItPanel'

export function DesignTab({ tab, children }: { tab: ConfigIssue['tab']; children: React.ReactNode }): React.JSX.Element {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <TabIssues tab={tab} />
        {children}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <TryItPanel tab={tab} />
      </Grid.Col>
    </Grid>
  )
}
