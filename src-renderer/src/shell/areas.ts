/**
 * The navigation areas, in menu order: where each lives, what it is called, its icon and its
 * Alt+number shortcut (its position in the menu); and the addresses of pages inside an area.
 */
import { IconArrowsExchange, IconHistory, IconHome, IconServer, IconSettings, type Icon } from '@tabler/icons-react'

export const paths = {
  home: '/',
  haloInstances: '/halo-instances',
  haloInstance: '/halo-instances/:id',
  connections: '/connections',
  /** A connection's page; `?tab=` names a connection tab (Details when absent). */
  connection: '/connections/:id',
  /** A connection's latest preview, and its sync. */
  preview: '/connections/:id/preview',
  runs: '/runs',
  /** The setup guide (not in the menu: opened from the workspace home and Connections). */
  setup: '/setup',
  settings: '/settings'
} as const

/** The page of one Halo instance. */
export function instancePath(id: string): string {
  return `/halo-instances/${encodeURIComponent(id)}`
}

/** A connection's preview page. */
export function previewPath(id: string): string {
  return `/connections/${encodeURIComponent(id)}/preview`
}

/** The page of one connection, at one of its tabs (Details when absent). */
export function connectionPath(id: string, tab?: string): string {
  return `/connections/${encodeURIComponent(id)}${tab ? `?tab=${encodeURIComponent(tab)}` : ''}`
}

export interface Area {
  path: string
  label: string
  icon: Icon
  /** Digit pressed with Alt to open this area. */
  shortcutDigit: number
}

export const areas: readonly Area[] = [
  { path: paths.home, label: 'Workspace home', icon: IconHome, shortcutDigit: 1 },
  { path: paths.haloInstances, label: 'Halo instances', icon: IconServer, shortcutDigit: 2 },
  { path: paths.connections, label: 'Connections', icon: IconArrowsExchange, shortcutDigit: 3 },
  { path: paths.runs, label: 'Runs', icon: IconHistory, shortcutDigit: 4 },
  { path: paths.settings, label: 'Settings', icon: IconSettings, shortcutDigit: 5 }
]
