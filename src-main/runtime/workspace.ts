/**
 * Opens a workspace: the data folder, its database (migrated), the keychain, and the handler set.
 * Both entry points (Electron and browser mode) start here; only the transport differs.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createHandlers } from '../api/handlers'
import { LoopbackSignIn } from '../auth/loopback-flow'
import { HaloInstanceRepo } from '../halo/halo-instance-repo'
import { HaloInstances } from '../halo/halo-instances'
import { LookupCache } from '../halo/lookup-cache'
import { MappingService } from '../mapping/mapping-service'
import { SsoService } from '../sso/sso-service'
import { PlanService } from '../plans/plan-service'
import { PlanStore } from '../plans/plan-store'
import { ConnectionRepo } from '../connections/connection-repo'
import { Connections } from '../connections/connections'
import { SnapshotStore } from '../directory/snapshot-store'
import { createDispatcher, type Dispatch } from '../bridge/dispatch'
import { KeytarSecretStore, type SecretStore } from '../secrets/secret-store'
import { SecretVault } from '../secrets/secret-vault'
import { openDatabase, type OpenedDatabase } from '../store/database'
import { SettingsRepo } from '../store/settings-repo'
import { SyncJournal } from '../sync/sync-journal'
import { SyncLinks } from '../sync/sync-links'
import { SyncRehearsal } from '../sync/sync-rehearsal'
import { ownerGone, SyncService } from '../sync/sync-service'
import { EventBus } from './event-bus'
import { ExternalLinks, type OpenUrl } from './external-links'
import type { Logger } from './logger'
import type { Services } from './services'
import { GuideProgressStore } from '../guide/guide-progress'

export const keychainService = 'Identity Studio for Halo'

export interface WorkspaceOptions {
  dataDir: string
  mode: 'desktop' | 'browser'
  version: string
  migrationsFolder: string
  openUrl: OpenUrl
  log: Logger
  nativeBinding?: string | undefined
  keychain?: SecretStore
  /** The keychain service secrets are kept under (STUDIO_KEYCHAIN_SERVICE); keychainService by default. */
  keychainService?: string | undefined
  /** Okta's clock speed, for time-scaled sandboxes (tests and benchmarks); 1 otherwise. */
  oktaTimeScale?: number
}

export interface Workspace {
  dispatch: Dispatch
  services: Services
  database: OpenedDatabase
  close(): void
}

export function openWorkspace(options: WorkspaceOptions): Workspace {
  mkdirSync(options.dataDir, { recursive: true })
  const databaseFile = path.join(options.dataDir, 'studio.db')
  const database = openDatabase({
    file: databaseFile,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding
  })
  const settings = new SettingsRepo(database.db)
  const keychain = options.keychain ?? new KeytarSecretStore(options.keychainService || keychainService)
  const vault = new SecretVault(database.db, keychain, settings.workspaceId())
  const links = new ExternalLinks(options.openUrl)
  // One browser sign-in at a time, whichever service it is for.
  const loopback = new LoopbackSignIn()
  const events = new EventBus()
  const lookups = new LookupCache(database.db)
  const haloRepo = new HaloInstanceRepo(database.db)
  const connectionRepo = new ConnectionRepo(database.db)
  const snapshots = new SnapshotStore(database.db, database.sqlite)
  const mapping = new MappingService({ db: database.db, connections: connectionRepo, snapshots, lookups })
  const halo = new HaloInstances({
    repo: haloRepo,
    cache: lookups,
    vault,
    links,
    loopback
  })
  const planStore = new PlanStore(database.db, database.sqlite)
  const syncLinks = new SyncLinks(database.db)
  const journal = new SyncJournal(database.db, database.sqlite)
  // A sync left running by a process that is gone is interrupted: it resumes where it stopped.
  journal.interruptAbandoned(ownerGone)
  const plans = new PlanService({ connections: connectionRepo, mapping, snapshots, lookups, halo, plans: planStore, links: syncLinks })
  const openBrowser = async (url: string): Promise<void> => {
    links.approve(url)
    await links.open(url)
  }
  const connections = new Connections({
    repo: connectionRepo,
    snapshots,
    vault,
    events,
    oktaTimeScale: options.oktaTimeScale,
    assignmentApps: (id) => mapping.assignmentApps(id),
    entraFeatures: (id) => {
      const { directoryLicences } = mapping.get(id).config.advanced
      return { licences: directoryLicences.enabled, licenceManagement: directoryLicences.enabled && directoryLicences.manageFromHalo }
    },
    browserSignIn: { loopback, open: openBrowser }
  })
  const services: Services = {
    about: {
      name: 'Identity Studio for Halo',
      version: options.version,
      mode: options.mode,
      platform: `${process.platform} ${process.arch}`,
      dataDir: options.dataDir,
      databaseFile
    },
    settings,
    keychain,
    vault,
    events,
    links,
    halo,
    connections,
    mapping,
    plans,
    sync: new SyncService({ connections: connectionRepo, halo, plans, planStore, journal, links: syncLinks, events, directoryWriter: (id) => connections.entraLicenceWriter(id) }),
    rehearsal: new SyncRehearsal({ connections: connectionRepo, halo, plans, planStore, links: syncLinks, events, migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding }),
    sso: new SsoService({ db: database.db, connections: connectionRepo, halo, lookups, loopback, openBrowser, haloUrl: (id) => haloRepo.get(id).baseUrl, entraSecret: (id) => connections.entraClientSecret(id) }),
    guide: new GuideProgressStore({ db: database.db, haloInstanceExists: (id) => haloRepo.find(id) !== undefined, connectionExists: (id) => connectionRepo.all().some((row) => row.id === id) }),
    log: options.log
  }
  if (database.migration.applied > 0) {
    options.log.info('database migrated', { file: databaseFile, ...database.migration })
  }
  return {
    dispatch: createDispatcher(createHandlers(services), options.log),
    services,
    database,
    close: () => database.close()
  }
}
