import { describe, expect, it } from 'vitest'
import { timeAgo } from './time-text'

const now = new Date('2026-03-12T14:00:00Z')
const before = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString()

describe('timeAgo', () => {
  it('says how long ago, in the largest unit that fits', () => {
    expect(timeAgo(before(10), now)).toBe('just now')
    expect(timeAgo(before(5 * 60), now)).toBe('5 minutes ago')
    expect(timeAgo(before(59.8 * 60), now)).toBe('1 hour ago')
    expect(timeAgo(before(26 * 3600), now)).toBe('yesterday')
    expect(timeAgo(before(3 * 86_400), now)).toBe('3 days ago')
  })

  it('copes with a clock ahead of the server and with text that is not a time', () => {
    expect(timeAgo(new Date(now.getTime() + 2 * 3600_000).toISOString(), now)).toBe('in 2 hours')
    expect(timeAgo('soon', now)).toBe('soon')
  })
})
