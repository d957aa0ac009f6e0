/**
 * Where the setup guide is, kept in the workspace (the `setting` table, key `guide.progress`) so a
 * restart resumes at the same step. What it names must exist: a Halo instance or connection that was
 * deleted since is forgotten on reading, and the guide goes back to the step that chooses it.
 */
import { eq } from 'drizzle-orm'
import { guideProgressSchema, guideStepIds, StudioError, type GuidePatch, type GuideProgress, type GuideStepId } from '../../src-shared/contract'
import type { StudioDb } from '../store/database'
import { settingTable } from '../store/schema'

const key = 'guide.progress'

export interface GuideProgressDeps {
  db: StudioDb
  haloInstanceExists: (id: string) => boolean
  connectionExists: (id: string) => boolean
  now?: () => Date
}

const before = (a: GuideStepId, b: GuideStepId): boolean => guideStepIds.indexOf(a) < guideStepIds.indexOf(b)

export class GuideProgressStore {
  private readonly now: () => Date

  constructor(private readonly deps: GuideProgressDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  get(): GuideProgress | null {
    const row = this.deps.db.select().from(settingTable).where(eq(settingTable.key, key)).get()
    if (!row) return null
    const parsed = guideProgressSchema.safeParse(JSON.parse(row.value))
    // A progress this version cannot read starts over rather than locking the guide.
    if (!parsed.success) return null
    const progress = { ...parsed.data }
    if (progress.haloInstanceId !== null && !this.deps.haloInstanceExists(progress.haloInstanceId)) {
      Object.assign(progress, { haloInstanceId: null, connectionId: null, step: 'halo' })
    }
    if (progress.connectionId !== null && !this.deps.connectionExists(progress.connectionId)) {
      Object.assign(progress, { connectionId: null, step: before(progress.step, 'credentials') ? progress.step : 'credentials' })
    }
    return progress
  }

  start(): GuideProgress {
    return this.write({ step: 'halo', haloInstanceId: null, kind: null, connectionId: null, confirmed: [], skipped: [], startedAt: this.now().toISOString(), finishedAt: null, dismissed: false })
  }

  update(patch: GuidePatch): GuideProgress {
    const current = this.get() ?? this.start()
    if (patch.haloInstanceId && !this.deps.haloInstanceExists(patch.haloInstanceId)) throw new StudioError('NOT_FOUND', 'That Halo instance no longer exists: choose another, or add it again.')
    if (patch.connectionId && !this.deps.connectionExists(patch.connectionId)) throw new StudioError('NOT_FOUND', 'That connection no longer exists: enter its credentials again.')
    return this.write({ ...current, ...patch, confirmed: [...new Set(patch.confirmed ?? current.confirmed)], skipped: [...new Set(patch.skipped ?? current.skipped)] })
  }

  private write(progress: GuideProgress): GuideProgress {
    const value = JSON.stringify(guideProgressSchema.parse(progress))
    const updatedAt = this.now().toISOString()
    this.deps.db.insert(settingTable).values({ key, value, updatedAt }).onConflictDoUpdate({ target: settingTable.key, set: { value, updatedAt } }).run()
    return progress
  }
}
