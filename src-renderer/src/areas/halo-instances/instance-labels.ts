/** The words for a Halo instance's settings, shared by the form, the list and the detail page. */
import type { HaloInstance } from '../../../../src-shared/contract'

export const deploymentLabels: Record<HaloInstance['deployment'], string> = {
  hosted: 'Halo-hosted',
  'on-premise': 'On-premise'
}

export const authModeLabels: Record<HaloInstance['authMode'], string> = {
  client_credentials: 'Client credentials',
  authorization_code: 'Authorization code + PKCE'
}

/** "Halo-hosted · tenant acme" or "On-premise". */
export function deploymentText(instance: Pick<HaloInstance, 'deployment' | 'tenant'>): string {
  return instance.deployment === 'hosted' && instance.tenant ? `${deploymentLabels.hosted} · tenant ${instance.tenant}` : deploymentLabels[instance.deployment]
}
