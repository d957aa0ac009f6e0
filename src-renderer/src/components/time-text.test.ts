import { describe, expect, it } from 'vitest'
import { durationText, remainingText, timeAgo } from './time-text'

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

describe('durationText and remainingText', () => {
  it('say how long something took in the units an admin reads', () => {
    expect(durationText(840)).toBe('0.8 s')
    expect(durationText(12_400)).toBe('12 s')
    expect(durationText(125_000)).toBe('2 min 5 s')
    expect(durationText(3_780_000)).toBe('1 h 3 min')
  })

  it('round what is left the more the further off it is', () => {
    expect(remainingText(4_000)).toBe('a few seconds left')
    expect(remainingText(23_000)).toBe('about 25 seconds left')
    expect(remainingText(70_000)).toBe('about 1 minute left')
    expect(remainingText(170_000)).toBe('about 3 minutes left')
    expect(remainingText(3 * 3600_000)).toBe('about 3 hours left')
  })
})
