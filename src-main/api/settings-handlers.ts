/** settings:* procedures: read and change workspace preferences; a change is announced to every window. */
import type { Handler } from './handlers'
import type { Services } from '../runtime/services'

export function settingsHandlers(services: Services): {
  'settings:get': Handler<'settings:get'>
  'settings:update': Handler<'settings:update'>
} {
  return {
    'settings:get': () => services.settings.get(),
    'settings:update': (patch) => {
      const settings = services.settings.update(patch)
      services.events.emit('settings:changed', settings)
      return settings
    }
  }
}
