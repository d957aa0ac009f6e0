import { describe, expect, it } from 'vitest'
import { doneStepCount } from './getting-started-steps'

describe('doneStepCount', () => {
  it('counts the steps done from the first: a Halo instance, a connection, a snapshot', () => {
    expect(doneStepCount({ haloInstances: 0, connections: 0, snapshots: 0 })).toBe(0)
    expect(doneStepCount({ haloInstances: 1, connections: 0, snapshots: 0 })).toBe(1)
    expect(doneStepCount({ haloInstances: 1, connections: 2, snapshots: 0 })).toBe(2)
    expect(doneStepCount({ haloInstances: 1, connections: 2, snapshots: 1 })).toBe(3)
  })

  it('does not count a later step while an earlier one is not done', () => {
    expect(doneStepCount({ haloInstances: 0, connections: 1, snapshots: 1 })).toBe(0)
  })
})
