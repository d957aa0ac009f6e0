/**
 * Where the built app finds its own files, resolved from an entry module's URL (entries are built to
 * out/main/; shared code lands in out/main/chunks/, so it must not resolve paths from its own URL).
 * The renderer is in out/renderer, the preload in out/preload, migrations ship as drizzle/ at the root.
 */
import { fileURLToPath } from 'node:url'

export interface AppPaths {
  migrationsFolder: string
  rendererDir: string
  preloadFile: string
  /** Electron-ABI build of better-sqlite3, made by `npm run native:electron` (docs/native-modules.md). */
  electronSqliteBinding: string
}

export function appPathsFrom(entryUrl: string): AppPaths {
  const at = (relative: string): string => fileURLToPath(new URL(relative, entryUrl))
  return {
    migrationsFolder: at('../../drizzle'),
    rendererDir: at('../renderer'),
    preloadFile: at('../preload/index.cjs'),
    electronSqliteBinding: at('../../native/electron/better_sqlite3.node')
  }
}
