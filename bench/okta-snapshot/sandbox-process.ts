/**
 * The Okta sandbox for bench/okta-snapshot, in its own process so the benchmark's memory figure is
 * the connector's alone. Prints one JSON line (org URL, token, truth) and runs until killed.
 */
import { startOktaSandbox } from '../../src-main/sandbox/okta'

const [people, groups, latencyMs, timeScale] = process.argv.slice(2).map(Number)
const okta = await startOktaSandbox({ people, groups, membershipsPerPerson: 5, latencyMs, timeScale })
process.stdout.write(`${JSON.stringify({ orgUrl: okta.orgUrl, apiToken: okta.credentials.apiToken, truth: okta.truth(), rateLimits: okta.settings.rateLimits })}\n`)
process.on('SIGTERM', () => void okta.close().then(() => process.exit(0)))
