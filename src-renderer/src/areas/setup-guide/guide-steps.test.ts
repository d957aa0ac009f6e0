/** The setup guide's checks: each step is done only when the workspace shows it, skips count only where allowed, and a step waits for the ones before it. */
import { describe, expect, it } from 'vitest'
import type { Connection, GuideProgress, HaloInstance, SsoState } from '../../../../src-shared/contract'
import { blockingStep, guideSteps, stepState, type GuideFacts } from './guide-steps'

const progress: GuideProgress = { step: 'halo', haloInstanceId: 'h1', kind: null, connectionId: null, confirmed: [], skipped: [], startedAt: '2026-12-01T10:00:00.000Z', finishedAt: null, dismissed: false }
const none: GuideFacts = { haloInstance: undefined, connection: undefined, mappingsReady: false, plan: null, lastRun: null, sso: undefined }
const tested = { lastCheck: { checkedAt: '2026-12-01T10:00:00.000Z', ok: true, items: [] } } as unknown as HaloInstance
const state = (id: (typeof guideSteps)[number]['id'], p: GuideProgress, facts: GuideFacts): string => stepState(guideSteps.find((step) => step.id === id) ?? (guideSteps[0] as never), p, facts)

describe('the setup guide’s steps', () => {
  it('marks a step done only when its check passed on the workspace', () => {
    expect(state('halo', progress, none)).toBe('todo')
    expect(state('halo', progress, { ...none, haloInstance: { ...tested, lastCheck: { checkedAt: '', ok: false, items: [] } } })).toBe('todo')
    expect(state('halo', progress, { ...none, haloInstance: tested })).toBe('done')
    expect(state('directory', { ...progress, kind: 'okta' }, none)).toBe('done')
    expect(state('provider', { ...progress, confirmed: ['provider'] }, none)).toBe('done')
    const connection = { lastTest: { ok: true }, snapshot: null } as unknown as Connection
    expect(state('credentials', progress, { ...none, connection })).toBe('done')
    expect(state('fetch', progress, { ...none, connection })).toBe('todo')
    expect(state('mappings', { ...progress, confirmed: ['mappings'] }, none)).toBe('todo')
    expect(state('mappings', { ...progress, confirmed: ['mappings'] }, { ...none, mappingsReady: true })).toBe('done')
    const plan = { state: 'ready', stale: ['Halo changed since.'] }
    expect(state('preview', progress, { ...none, plan: plan as never })).toBe('todo')
    expect(state('preview', progress, { ...none, plan: { ...plan, state: 'synced' } as never })).toBe('done')
    const sso = { tested: true, lastTest: { settingsHash: 'a' }, lastApply: { settingsHash: 'a' } } as unknown as SsoState
    expect(state('sso', progress, { ...none, sso })).toBe('done')
    expect(state('sso', progress, { ...none, sso: { ...sso, lastApply: null } })).toBe('todo')
  })

  it('counts a skip only for steps that may be skipped', () => {
    const skipping = { ...progress, skipped: ['provider', 'credentials', 'sync', 'sso'] } as GuideProgress
    expect(guideSteps.map((step) => [step.id, stepState(step, skipping, none)])).toEqual([
      ['halo', 'todo'], ['directory', 'todo'], ['provider', 'skipped'], ['credentials', 'todo'], ['fetch', 'todo'], ['mappings', 'todo'], ['preview', 'todo'], ['sync', 'skipped'], ['sso', 'skipped']
    ])
    expect(guideSteps.filter((step) => step.skipLoses !== null).map((step) => step.id)).toEqual(['provider', 'sync', 'sso'])
  })

  it('holds a step until every step before it is done or skipped', () => {
    expect(blockingStep('halo', progress, none)).toBeNull()
    expect(blockingStep('fetch', progress, none)?.id).toBe('halo')
    const along = { ...progress, kind: 'okta', skipped: ['provider'] } as GuideProgress
    expect(blockingStep('credentials', along, { ...none, haloInstance: tested })).toBeNull()
    expect(blockingStep('fetch', along, { ...none, haloInstance: tested })?.id).toBe('credentials')
  })
})
