/** Globals the renderer relies on: the desktop preload's `window.studio` (absent in browser mode). */
import type { StudioApi } from '../../src-shared/studio-api'

declare global {
  interface Window {
    studio?: StudioApi
  }
}
