/** The sso:* procedures: a connection's single sign-on settings, checks, test sign-in and Apply (SsoService). */
import type { ProcedureName } from '../../src-shared/contract'
import type { Services } from '../runtime/services'
import type { Handler } from './handlers'

type SsoProcedure = Extract<ProcedureName, `sso:${string}`>

export function ssoHandlers({ sso }: Services): { [N in SsoProcedure]: Handler<N> } {
  return {
    'sso:get': ({ connectionId }) => sso.state(connectionId),
    'sso:save': ({ connectionId, settings, haloConnectionId }) => sso.save(connectionId, settings, haloConnectionId),
    'sso:check': ({ connectionId }) => sso.check(connectionId),
    'sso:test': ({ connectionId }) => sso.test(connectionId),
    'sso:cancelTest': () => ({ cancelled: sso.cancelTest() }),
    'sso:preview': ({ connectionId }) => sso.preview(connectionId),
    'sso:apply': ({ connectionId, override }) => sso.apply(connectionId, { override }),
    'sso:haloConnections': ({ connectionId }) => sso.haloEntraConnections(connectionId)
  }
}
