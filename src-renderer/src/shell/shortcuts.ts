/**
 * Keyboard shortcuts: Alt+1…5 (Option on a Mac) opens the navigation areas. Matched on the physical
 * digit key so they work on every keyboard layout, and inside form fields too.
 */
import { useHotkeys } from '@mantine/hooks'
import { useNavigate } from 'react-router'
import { areas } from './areas'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

export const altKeyName = isMac ? 'Option' : 'Alt'

export function areaShortcutLabel(digit: number): string {
  return `${altKeyName}+${digit}`
}

export function useAreaShortcuts(): void {
  const navigate = useNavigate()
  useHotkeys(
    areas.map((area) => [
      `alt+digit${area.shortcutDigit}`,
      () => void navigate(area.path),
      { usePhysicalKeys: true }
    ]),
    ['TEXTAREA', 'SELECT']
  )
}
