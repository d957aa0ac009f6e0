/**
 * The app's Mantine theme: one primary colour, system fonts, calm radii, visible keyboard focus, and
 * dialogs whose close button is named for screen readers (Mantine's is an unnamed icon).
 */
import { createTheme, Drawer, Modal } from '@mantine/core'

const closeButtonProps = { 'aria-label': 'Close' }

export const studioTheme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    '"Segoe UI Variable Text", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps } })
  }
})
