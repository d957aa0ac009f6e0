/** The design tabs this version has: their slug in connection-tabs.ts, the issue tab they show, and their panel. */
import { configTabSlugs, type ConfigIssue } from '../../../../../src-shared/mapping/config-issue'
import { AdvancedTab } from './AdvancedTab'
import { FieldMappingsTab } from './FieldMappingsTab'
import { ImportsTab } from './ImportsTab'
import { OnboardingTab } from './OnboardingTab'
import { SiteMappingsTab } from './SiteMappingsTab'

const panels: ReadonlyArray<{ tab: ConfigIssue['tab']; Panel: () => React.JSX.Element }> = [
  { tab: 'fields', Panel: FieldMappingsTab },
  { tab: 'sites', Panel: SiteMappingsTab },
  { tab: 'advanced', Panel: AdvancedTab },
  { tab: 'onboarding', Panel: OnboardingTab },
  { tab: 'imports', Panel: ImportsTab }
]

export const designTabPanels: ReadonlyArray<{ slug: string; tab: ConfigIssue['tab']; Panel: () => React.JSX.Element }> = panels.map((panel) => ({ ...panel, slug: configTabSlugs[panel.tab] }))
