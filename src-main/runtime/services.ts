/** The services handlers are built from; created once per workspace by openWorkspace. */
import type { AppInfo } from '../../src-shared/contract'
import type { Connections } from '../connections/connections'
import type { HaloInstances } from '../halo/halo-instances'
import type { MappingService } from '../mapping/mapping-service'
import type { PlanService } from '../plans/plan-service'
import type { SecretStore } from '../secrets/secret-store'
import type { SecretVault } from '../secrets/secret-vault'
import type { GuideProgressStore } from '../guide/guide-progress'
import type { SsoService } from '../sso/sso-service'
import type { SettingsRepo } from '../store/settings-repo'
import type { SyncRehearsal } from '../sync/sync-rehearsal'
import type { SyncService } from '../sync/sync-service'
import type { EventBus } from './event-bus'
import type { ExternalLinks } from './external-links'
import type { Logger } from './logger'

export interface Services {
  about: Omit<AppInfo, 'keychain'>
  settings: SettingsRepo
  keychain: SecretStore
  vault: SecretVault
  events: EventBus
  links: ExternalLinks
  halo: HaloInstances
  connections: Connections
  mapping: MappingService
  plans: PlanService
  sync: SyncService
  rehearsal: SyncRehearsal
  sso: SsoService
  guide: GuideProgressStore
  log: Logger
}
