/** halo:* procedures: Halo instances, their sign-in, "Test connection" and the cached look-ups. */
import type { Handler } from './handlers'
import type { Services } from '../runtime/services'

type HaloProcedure = 'halo:list' | 'halo:save' | 'halo:delete' | 'halo:signIn' | 'halo:cancelSignIn' | 'halo:signOut' | 'halo:test' | 'halo:refreshLookups' | 'halo:lookupRecords'

export function haloHandlers({ halo }: Services): { [N in HaloProcedure]: Handler<N> } {
  return {
    'halo:list': () => halo.list(),
    'halo:save': (form) => halo.save(form),
    'halo:delete': async ({ id }) => {
      await halo.delete(id)
      return { deleted: true as const }
    },
    'halo:signIn': ({ id }) => halo.signIn(id),
    'halo:cancelSignIn': () => ({ cancelled: halo.cancelSignIn() }),
    'halo:signOut': ({ id }) => halo.signOut(id),
    'halo:test': ({ id }) => halo.test(id),
    'halo:refreshLookups': ({ id }) => halo.refreshLookups(id),
    'halo:lookupRecords': ({ id, kind, search }) => halo.lookupRecords(id, kind, search)
  }
}
