/**
 * Colours that can be read (WCAG AA: 4.5:1 for normal text): the contrast of two colours, and a
 * colour moved towards black or white until it reads on every background it is shown on.
 */
import { darken, lighten, luminance } from '@mantine/core'

export const minimumTextContrast = 4.5

const step = 0.04

export function contrastRatio(a: string, b: string): number {
  const [first, second] = [luminance(a), luminance(b)] as const
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05)
}

/** `colour` if it reads on every one of `backgrounds`, else the first mix of it towards black or white that does. */
export function readableOn(colour: string, backgrounds: readonly string[], towards: 'black' | 'white'): string {
  const mix = towards === 'black' ? darken : lighten
  for (let amount = 0; amount < 1; amount += step) {
    const candidate = amount === 0 ? colour : mix(colour, amount)
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimumTextContrast)) return candidate
  }
  return towards
}
