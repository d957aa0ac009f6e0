/** connections:* and snapshot:* procedures: directory connections, their test, fetch and snapshot browser. */
import type { Handler } from './handlers'
import type { Services } from '../runtime/services'

type ConnectionProcedure =
  | 'connections:list'
  | 'connections:saveOkta'
  | 'connections:saveEntra'
  | 'connections:resetDelta'
  | 'connections:authorizeEntra'
  | 'connections:cancelAuthorize'
  | 'connections:delete'
  | 'connections:testOkta'
  | 'connections:testEntra'
  | 'connections:fetch'
  | 'connections:cancelFetch'
  | 'snapshot:people'
  | 'snapshot:groups'
  | 'snapshot:devices'

export function connectionHandlers({ connections }: Services): { [N in ConnectionProcedure]: Handler<N> } {
  return {
    'connections:list': () => connections.list(),
    'connections:saveOkta': (form) => connections.saveOkta(form),
    'connections:saveEntra': (form) => connections.saveEntra(form),
    'connections:resetDelta': ({ connectionId, to }) => connections.resetDelta(connectionId, to),
    'connections:authorizeEntra': ({ id }) => connections.authorizeEntra(id),
    'connections:cancelAuthorize': () => ({ cancelled: connections.cancelAuthorize() }),
    'connections:delete': async ({ id }) => {
      await connections.delete(id)
      return { deleted: true as const }
    },
    'connections:testOkta': ({ id }) => connections.testOkta(id),
    'connections:testEntra': ({ id }) => connections.testEntra(id),
    'connections:fetch': ({ id }) => connections.fetch(id),
    'connections:cancelFetch': ({ id }) => ({ cancelled: connections.cancelFetch(id) }),
    'snapshot:people': ({ connectionId, ...query }) => connections.snapshotPeople(connectionId, query),
    'snapshot:groups': ({ connectionId, ...query }) => connections.snapshotGroups(connectionId, query),
    'snapshot:devices': ({ connectionId, ...query }) => connections.snapshotDevices(connectionId, query)
  }
}
