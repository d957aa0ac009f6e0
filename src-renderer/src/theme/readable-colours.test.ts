/** Contrast ratios as WCAG computes them, and colours moved until they read. */
import { describe, expect, it } from 'vitest'
import { contrastRatio, minimumTextContrast, readableOn } from './readable-colours'

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21)
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21)
    expect(contrastRatio('#868e96', '#868e96')).toBeCloseTo(1)
  })

  it("finds Mantine's grey 6 on white too faint for text", () => {
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2)
  })
})

describe('readableOn', () => {
  it('keeps a colour that already reads', () => {
    expect(readableOn('#495057', ['#ffffff'], 'black')).toBe('#495057')
  })

  it('darkens a faint colour until it reads on every background', () => {
    const backgrounds = ['#ffffff', '#f1f3f5']
    const readable = readableOn('#868e96', backgrounds, 'black')
    for (const background of backgrounds) expect(contrastRatio(readable, background)).toBeGreaterThanOrEqual(minimumTextContrast)
    expect(contrastRatio(readable, '#ffffff')).toBeLessThan(6)
  })

  it('lightens a faint colour on dark backgrounds', () => {
    const readable = readableOn('#828282', ['#242424', '#3b3b3b'], 'white')
    expect(contrastRatio(readable, '#3b3b3b')).toBeGreaterThanOrEqual(minimumTextContrast)
  })
})
