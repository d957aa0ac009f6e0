/**
 * The setup guide's progress in a real workspace file: none before it starts; a step and choices
 * kept in SQLite (a second store over the same file reads them back, as after a restart); names
 * that do not exist refused; a deleted Halo instance or connection forgotten, the guide going back
 * to the step that chooses it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { addTestHaloInstance, openTempWorkspace, type TempWorkspace } from '../../test/helpers/temp-workspace'
import { GuideProgressStore } from './guide-progress'

let workspace: TempWorkspace

afterEach(async () => {
  await workspace.dispose()
})

describe('the setup guide’s progress', () => {
  it('is kept in the workspace file, and forgets a deleted Halo instance', async () => {
    workspace = openTempWorkspace()
    const guide = workspace.services.guide
    expect(guide.get()).toBeNull()
    const started = guide.start()
    expect(started).toMatchObject({ step: 'halo', haloInstanceId: null, confirmed: [], skipped: [], finishedAt: null, dismissed: false })
    const haloId = await addTestHaloInstance(workspace)
    expect(() => guide.update({ haloInstanceId: 'nope' })).toThrow('That Halo instance no longer exists')
    expect(() => guide.update({ connectionId: 'nope' })).toThrow('That connection no longer exists')
    guide.update({ haloInstanceId: haloId, kind: 'okta', step: 'provider', confirmed: ['provider', 'provider'] })

    const again = new GuideProgressStore({ db: workspace.database.db, haloInstanceExists: () => true, connectionExists: () => true })
    expect(again.get()).toEqual({ ...started, step: 'provider', haloInstanceId: haloId, kind: 'okta', confirmed: ['provider'] })

    await workspace.services.halo.delete(haloId)
    expect(guide.get()).toMatchObject({ step: 'halo', haloInstanceId: null, kind: 'okta' })
  })

  it('goes back to the credentials step when its connection was deleted', () => {
    workspace = openTempWorkspace()
    let exists = true
    const guide = new GuideProgressStore({ db: workspace.database.db, haloInstanceExists: () => true, connectionExists: () => exists })
    guide.start()
    guide.update({ haloInstanceId: 'h1', kind: 'entra', connectionId: 'c1', step: 'preview' })
    exists = false
    expect(guide.get()).toMatchObject({ step: 'credentials', connectionId: null, haloInstanceId: 'h1' })
    guide.update({ step: 'directory' })
    expect(guide.get()).toMatchObject({ step: 'directory' })
  })
})
