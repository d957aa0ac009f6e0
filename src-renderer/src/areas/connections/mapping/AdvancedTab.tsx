/**
 * The Advanced tab: groups that give agent roles, CAB membership and user roles (each saying what
 * happens when someone leaves the group), then agents' licence management and, for Entra, licence
 * import.
 */
import { Stack } from '@mantine/core'
import { DesignTab } from './DesignTab'
import { EntraLicenceImport } from './EntraLicenceImport'
import { GroupRuleTable } from './GroupRuleTable'
import { LicenceRules } from './LicenceRules'
import { useMappingDesign } from './mapping-design'

export function AdvancedTab(): React.JSX.Element {
  const design = useMappingDesign()
  return (
    <DesignTab tab="advanced">
      <Stack gap="lg">
        <GroupRuleTable kind="agentRoles" />
        <GroupRuleTable kind="cabs" />
        <GroupRuleTable kind="userRoles" />
        <LicenceRules />
        {design.config.source === 'entra' && <EntraLicenceImport />}
      </Stack>
    </DesignTab>
  )
}
