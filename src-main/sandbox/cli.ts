/**
 * `npm run sandbox`: starts every sandbox service in the foreground (the Halo API, the Okta org and
 * the Entra tenant with Graph) and prints one JSON line with their addresses and demo credentials;
 * Ctrl+C stops them.
 * Halo options: --port N, --hosted, --tenant NAME, --users N, --agents N, --file PATH, --auto-approve.
 * Okta options: --okta-port N, --people N, --groups N, --okta-file PATH, --time-scale N, --auto-sign-in LOGIN.
 * Entra options: --entra-port N, --entra-people N, --entra-groups N, --entra-auto-sign-in UPN.
 * Sign-in faults (both): --id-token-fault bad-signature|wrong-audience|expired|other-nonce, --idp-clock-skew MINUTES.
 */
import { parseArgs } from 'node:util'
import { startHaloSandbox } from './halo'
import { startEntraSandbox } from './entra'
import { startOktaSandbox } from './okta'
import type { IdTokenFault, IdTokenFaultSettings } from './shared/id-token-faults'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    hosted: { type: 'boolean', default: false },
    tenant: { type: 'string' },
    users: { type: 'string' },
    agents: { type: 'string' },
    file: { type: 'string' },
    'auto-approve': { type: 'boolean', default: false },
    'okta-port': { type: 'string', default: '0' },
    people: { type: 'string' },
    groups: { type: 'string' },
    'okta-file': { type: 'string' },
    'time-scale': { type: 'string' },
    'auto-sign-in': { type: 'string' },
    'entra-port': { type: 'string', default: '0' },
    'entra-people': { type: 'string' },
    'entra-groups': { type: 'string' },
    'entra-auto-sign-in': { type: 'string' },
    'id-token-fault': { type: 'string', default: 'none' },
    'idp-clock-skew': { type: 'string', default: '0' }
  }
})

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, not "${value}".`)
  return number
}

const idTokenFaults: readonly IdTokenFault[] = ['none', 'bad-signature', 'wrong-audience', 'expired', 'other-nonce']
const fault = idTokenFaults.find((each) => each === values['id-token-fault'])
if (!fault) throw new Error(`--id-token-fault must be one of ${idTokenFaults.join(', ')}, not "${values['id-token-fault']}".`)
const skew = Number(values['idp-clock-skew'])
if (!Number.isInteger(skew)) throw new Error(`--idp-clock-skew must be a whole number of minutes, not "${values['idp-clock-skew']}".`)
const signInFaults: IdTokenFaultSettings = { idTokenFault: fault, idTokenClockSkewMinutes: skew }

const halo = await startHaloSandbox({
  port: count(values.port, 'port'),
  hosted: values.hosted,
  tenant: values.tenant,
  users: count(values.users, 'users'),
  agents: count(values.agents, 'agents'),
  file: values.file,
  autoApprove: values['auto-approve']
})

const timeScale = values['time-scale'] === undefined ? undefined : Number(values['time-scale'])
if (timeScale !== undefined && !(timeScale > 0)) throw new Error(`--time-scale must be a positive number, not "${values['time-scale'] ?? ''}".`)
const okta = await startOktaSandbox({
  port: count(values['okta-port'], 'okta-port'),
  people: count(values.people, 'people'),
  groups: count(values.groups, 'groups'),
  file: values['okta-file'],
  timeScale,
  autoSignIn: values['auto-sign-in'] ?? null
})

const entra = await startEntraSandbox({
  port: count(values['entra-port'], 'entra-port'),
  people: count(values['entra-people'], 'entra-people'),
  groups: count(values['entra-groups'], 'entra-groups'),
  autoSignIn: values['entra-auto-sign-in'] ?? null
})
Object.assign(okta.settings, signInFaults)
Object.assign(entra.settings, signInFaults)

process.stdout.write(
  `${JSON.stringify({
    halo: {
      baseUrl: halo.baseUrl,
      authServer: `${halo.baseUrl}/auth`,
      deployment: halo.hosted ? 'hosted' : 'on-premise',
      tenant: halo.hosted ? halo.tenant : null,
      credentials: halo.credentials
    },
    okta: {
      orgUrl: okta.orgUrl,
      people: okta.truth().users,
      groups: okta.truth().groups,
      credentials: okta.credentials
    },
    entra: {
      loginUrl: entra.baseUrl,
      graphUrl: `${entra.baseUrl}/v1.0`,
      tenantId: entra.tenantId,
      tenantDomain: entra.tenantDomain,
      people: entra.tenant.users.size,
      groups: entra.tenant.groups.size,
      credentials: entra.credentials
    }
  })}\n`
)

const stop = (): void => {
  void Promise.all([halo.close(), okta.close(), entra.close()]).then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
