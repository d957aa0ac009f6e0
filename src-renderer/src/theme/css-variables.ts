/**
 * The app's colour variables on top of Mantine's, so that text passes WCAG AA contrast in both
 * themes. Mantine's defaults fall short in places (dimmed grey on white is 3.3:1, teal on its light
 * badge 4.3:1, white on indigo 4.3:1), so dimmed text, errors, links, every colour's text and
 * outline, its light variant's text and its filled background are each moved towards black (light
 * theme) or white (dark theme) until they read on the surfaces they are shown on.
 */
import { darken, getPrimaryShade, type CSSVariablesResolver, type MantineTheme } from '@mantine/core'
import { readableOn } from './readable-colours'

type Scheme = 'light' | 'dark'
type Variables = Record<string, string>

export const studioCssVariables: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: schemeVariables(theme, 'light'),
  dark: schemeVariables(theme, 'dark')
})

/** Where text sits: the page, cards and inputs, and rows or buttons under the pointer. */
function surfaces(theme: MantineTheme, scheme: Scheme): string[] {
  const { gray, dark } = theme.colors
  return scheme === 'light' ? [theme.white, gray[0], gray[1]] : [dark[7], dark[8], dark[6], dark[5]]
}

function schemeVariables(theme: MantineTheme, scheme: Scheme): Variables {
  const towards = scheme === 'light' ? 'black' : 'white'
  const onSurfaces = surfaces(theme, scheme)
  const primary = theme.colors[theme.primaryColor] ?? []
  const dimmed = scheme === 'light' ? theme.colors.gray[6] : theme.colors.dark[2]
  const error = scheme === 'light' ? theme.colors.red[6] : theme.colors.red[5]
  const anchor = scheme === 'light' ? primary[getPrimaryShade(theme, 'light')] : primary[4]
  const variables: Variables = {
    '--mantine-color-dimmed': readableOn(dimmed, onSurfaces, towards),
    '--mantine-color-error': readableOn(error, onSurfaces, towards),
    '--mantine-color-anchor': readableOn(anchor ?? theme.black, onSurfaces, towards)
  }
  for (const name of Object.keys(theme.colors)) Object.assign(variables, colourVariables(theme, scheme, name))
  return variables
}

/** One colour's text (`c="teal"`), outline, light variant text and filled background (under white text). */
function colourVariables(theme: MantineTheme, scheme: Scheme, name: string): Variables {
  const shades = theme.colors[name]
  if (!shades) return {}
  const towards = scheme === 'light' ? 'black' : 'white'
  const onSurfaces = surfaces(theme, scheme)
  const shade = getPrimaryShade(theme, scheme)
  const text = scheme === 'light' ? shades[shade] : shades[4]
  const outline = scheme === 'light' ? shades[shade] : (shades[Math.max(shade - 4, 0)] ?? shades[0])
  const filled = readableOn(shades[shade], [theme.white], 'black')
  const variables: Variables = {
    [`--mantine-color-${name}-text`]: readableOn(text, onSurfaces, towards),
    [`--mantine-color-${name}-outline`]: readableOn(outline, onSurfaces, towards),
    [`--mantine-color-${name}-filled`]: filled,
    [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1)
  }
  if (scheme === 'light') variables[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [shades[1], shades[2]], 'black')
  return variables
}
