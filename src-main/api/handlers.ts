/**
 * The handler set: exactly one function per contract procedure (the mapped type makes a missing or
 * extra one a compile error). Handlers get parsed input and return plain data; the dispatcher checks
 * both sides against the contract.
 */
import type { z } from 'zod'
import type { ProcedureName, ProcedureOutput, Procedures } from '../../src-shared/contract'
import type { Services } from '../runtime/services'
import { appHandlers } from './app-handlers'
import { settingsHandlers } from './settings-handlers'
import { secretsHandlers } from './secrets-handlers'
import { haloHandlers } from './halo-handlers'
import { connectionHandlers } from './connection-handlers'
import { mappingHandlers } from './mapping-handlers'
import { planHandlers } from './plan-handlers'
import { ssoHandlers } from './sso-handlers'
import { guideHandlers } from './guide-handlers'

export type Handler<N extends ProcedureName> = (
  input: z.output<Procedures[N]['input']>
) => Promise<ProcedureOutput<N>> | ProcedureOutput<N>

export type Handlers = { [N in ProcedureName]: Handler<N> }

export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...settingsHandlers(services),
    ...secretsHandlers(services),
    ...haloHandlers(services),
    ...connectionHandlers(services),
    ...mappingHandlers(services),
    ...planHandlers(services),
    ...ssoHandlers(services),
    ...guideHandlers(services)
  }
}
