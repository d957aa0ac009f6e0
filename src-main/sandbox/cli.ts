/**
 * `npm run sandbox`: starts every sandbox service in the foreground (today the Halo API) and prints
 * one JSON line with their addresses and demo credentials; Ctrl+C stops them.
 * Options: --port N, --hosted, --tenant NAME, --users N, --agents N, --file PATH, --auto-approve.
 */
import { parseArgs } from 'node:util'
import { startHaloSandbox } from './halo'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    hosted: { type: 'boolean', default: false },
    tenant: { type: 'string' },
    users: { type: 'string' },
    agents: { type: 'string' },
    file: { type: 'string' },
    'auto-approve': { type: 'boolean', default: false }
  }
})

function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, not "${value}".`)
  return number
}

const halo = await startHaloSandbox({
  port: count(values.port, 'port'),
  hosted: values.hosted,
  tenant: values.tenant,
  users: count(values.users, 'users'),
  agents: count(values.agents, 'agents'),
  file: values.file,
  autoApprove: values['auto-approve']
})

process.stdout.write(
  `${JSON.stringify({
    halo: {
      baseUrl: halo.baseUrl,
      authServer: `${halo.baseUrl}/auth`,
      deployment: halo.hosted ? 'hosted' : 'on-premise',
      tenant: halo.hosted ? halo.tenant : null,
      credentials: halo.credentials
    }
  })}\n`
)

const stop = (): void => {
  void halo.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
