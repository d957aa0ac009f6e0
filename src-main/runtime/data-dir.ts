/**
 * Where the workspace lives: STUDIO_DATA_DIR when set, otherwise the OS's per-user app data folder
 * (the same folder Electron's userData uses, so desktop and browser mode share one workspace).
 */
import path from 'node:path'

export const appFolderName = 'Identity Studio for Halo'

export function resolveDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const override = env.STUDIO_DATA_DIR?.trim()
  if (override) return path.resolve(override)
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), appFolderName)
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appFolderName)
  return path.posix.join(env.XDG_CONFIG_HOME?.trim() || path.posix.join(home, '.config'), appFolderName)
}
