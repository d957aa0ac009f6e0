/**
 * The Advanced tab: groups that give agent roles, CAB membership and user roles (each saying what
 * happens when someone leaves the group), then licence management.
 */
import { Stack } from '@mantine/core'
import { DesignTab } from './DesignTab'
import { GroupRuleTable } from './GroupRuleTable'
import { LicenceRules } from './LicenceRules'

export function AdvancedTab(): React.JSX.Element {
  return (
    <DesignTab tab="advanced">
      <Stack gap="lg">
        <GroupRuleTable kind="agentRoles" />
        <GroupRuleTable kind="cabs" />
        <GroupRuleTable kind="userRoles" />
        <LicenceRules />
      </Stack>
    </DesignTab>
  )
}
