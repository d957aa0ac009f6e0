/** The design tabs this version has: their slug in connection-tabs.ts, the issue tab they show, and their panel. */
import type { ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { AdvancedTab } from './AdvancedTab'
import { FieldMappingsTab } from './FieldMappingsTab'
import { ImportsTab } from './ImportsTab'
import { OnboardingTab } from './OnboardingTab'
import { SiteMappingsTab } from './SiteMappingsTab'

export const designTabPanels: ReadonlyArray<{ slug: string; tab: ConfigIssue['tab']; Panel: () => React.JSX.Element }> = [
  { slug: 'field-mappings', tab: 'fields', Panel: FieldMappingsTab },
  { slug: 'site-mappings', tab: 'sites', Panel: SiteMappingsTab },
  { slug: 'advanced', tab: 'advanced', Panel: AdvancedTab },
  { slug: 'onboarding', tab: 'onboarding', Panel: OnboardingTab },
  { slug: 'imports', tab: 'imports', Panel: ImportsTab }
]
