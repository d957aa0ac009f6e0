/** mapping:* procedures: a connection's mapping configuration, its checks, export/import and Try it on a person. */
import type { ProcedureName } from '../../src-shared/contract'
import type { Services } from '../runtime/services'
import type { Handler } from './handlers'

type MappingProcedure = Extract<ProcedureName, `mapping:${string}`>

export function mappingHandlers({ mapping }: Services): { [N in MappingProcedure]: Handler<N> } {
  return {
    'mapping:get': ({ connectionId }) => mapping.get(connectionId),
    'mapping:validate': ({ connectionId, config }) => ({ issues: mapping.validate(connectionId, config) }),
    'mapping:save': ({ connectionId, config }) => mapping.save(connectionId, config),
    'mapping:export': ({ connectionId }) => mapping.export(connectionId),
    'mapping:readImport': ({ connectionId, text }) => mapping.readImport(connectionId, text),
    'mapping:try': ({ connectionId, config, personId }) => mapping.tryPerson(connectionId, config, personId),
    'mapping:attributes': ({ connectionId }) => ({ attributes: mapping.attributes(connectionId) }),
    'mapping:siteCounts': ({ connectionId, config }) => mapping.siteCounts(connectionId, config)
  }
}
