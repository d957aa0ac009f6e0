/**
 * `halo-identity`: Identity Studio's command line, for OS schedulers and automation. It opens the
 * same workspace as the app (STUDIO_DATA_DIR, or the per-user data folder; secrets from the OS
 * keychain, or from environment variables where none exists) and runs one command: preview, sync,
 * the exports, secrets, or plan from files with no workspace at all (docs/command-line.md). Output is words by default, one JSON object with --json. Exit
 * codes: 0 done, 1 error, 2 blocked by the guardrail, 3 finished with failed records.
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { StudioError } from '../../src-shared/contract'
import { planScopes, type PlanScope } from '../../src-shared/plan/plan-schema'
import { version } from '../../package.json'
import { resolveDataDir } from '../runtime/data-dir'
import { createLogger } from '../runtime/logger'
import { appPathsFrom } from '../runtime/paths'
import { openWorkspace } from '../runtime/workspace'
import { secretEnvironment } from '../secrets/secret-environment'
import { exportConfig, exportHaloState, exportSnapshot, planFromFiles, preview, sync, type CommandOptions, type CommandResult } from './commands'
import { environmentSecrets, secretsReport } from './secret-variables'

const usage = `Usage: halo-identity COMMAND --connection NAME [options]

Commands:
  preview            Fetch the directory and read Halo (or --offline), then say what a sync would do.
  sync               Apply a fresh preview (or --plan FILE, a preview exported from the app); resumes an unfinished sync first.
  export-config      The connection's configuration as JSON (no secrets).
  export-snapshot    The connection's last directory snapshot as JSON.
  export-halo-state  --instance NAME: the Halo instance's cached look-ups, users and agents as JSON.
  plan               --config C.json --snapshot S.json --halo H.json: a plan from those files alone (no workspace, no network).
  secrets            The environment variables secrets can be given in (where no keychain exists), and where each comes from now.

Options:
  --connection NAME         The connection, by name or id (preview, sync, export-config, export-snapshot).
  --instance NAME           export-halo-state: the Halo instance, by name or id.
  --config/--snapshot/--halo FILE  plan: the three input files (docs/file-formats.md).
  --offline                 preview: plan from the last snapshot and Halo's cached state.
  --scope users|agents|both preview/sync: what to import (default: the Imports tab's import type).
  --plan FILE               sync: a preview exported from the app (JSON).
  --allow-deactivations N   sync: go past a blocked guardrail, naming the plan's exact number of deactivations.
  --out FILE                plan and exports: write to FILE instead of printing.
  --json                    One JSON object on standard output instead of words.

Exit codes: 0 done, 1 error, 2 blocked by the guardrail, 3 finished with failed records.
Data folder: STUDIO_DATA_DIR, or the app's per-user folder.
Secrets: the OS keychain; a HALO_IDENTITY_HALO_SECRET_<INSTANCE> or HALO_IDENTITY_CONNECTION_SECRET_<CONNECTION>
variable that is set is used instead (halo-identity secrets lists them).`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      connection: { type: 'string' },
      instance: { type: 'string' },
      config: { type: 'string' },
      snapshot: { type: 'string' },
      halo: { type: 'string' },
      offline: { type: 'boolean', default: false },
      scope: { type: 'string' },
      plan: { type: 'string' },
      'allow-deactivations': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  const [command] = positionals
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${usage}\n`)
    return command === undefined && !values.help ? 1 : 0
  }
  if (!['preview', 'sync', 'export-config', 'export-snapshot', 'export-halo-state', 'plan', 'secrets'].includes(command)) throw new StudioError('VALIDATION_FAILED', `"${command}" is not a command.\n\n${usage}`)
  const write = (file: { text: string }): void => {
    if (values.out) {
      writeFileSync(values.out, file.text)
      if (!values.json) process.stdout.write(`Wrote ${values.out}.\n`)
    } else process.stdout.write(file.text)
  }
  if (command === 'plan') {
    if (!values.config || !values.snapshot || !values.halo) throw new StudioError('VALIDATION_FAILED', 'plan needs --config C.json --snapshot S.json --halo H.json (docs/file-formats.md).')
    const planned = planFromFiles({ config: values.config, snapshot: values.snapshot, halo: values.halo }, (values.scope as PlanScope | undefined) ?? null)
    if (values.out) {
      writeFileSync(values.out, planned.text)
      process.stdout.write(values.json ? `${JSON.stringify({ exitCode: planned.exitCode, out: values.out, ...planned.json })}\n` : `${planned.lines.join('\n')}\nWrote ${values.out}.\n`)
    } else process.stdout.write(planned.text)
    return planned.exitCode
  }
  if (command === 'export-halo-state' ? !values.instance : command !== 'secrets' && !values.connection) throw new StudioError('VALIDATION_FAILED', command === 'export-halo-state' ? 'Name the Halo instance with --instance NAME.' : 'Name the connection with --connection NAME.')
  const allow = values['allow-deactivations']
  if (allow !== undefined && !/^\d+$/.test(allow)) throw new StudioError('VALIDATION_FAILED', `--allow-deactivations takes the number of deactivations, e.g. --allow-deactivations 12 (not "${allow}").`)
  if (values.scope !== undefined && !(planScopes as readonly string[]).includes(values.scope)) throw new StudioError('VALIDATION_FAILED', `--scope is users, agents or both (not "${values.scope}").`)
  const options: CommandOptions = {
    connection: values.connection ?? '',
    offline: values.offline,
    plan: values.plan ?? null,
    allowDeactivations: allow === undefined ? null : Number(allow),
    scope: (values.scope as PlanScope | undefined) ?? null
  }

  const workspace = openWorkspace({
    dataDir: resolveDataDir(process.env, process.platform, os.homedir()),
    mode: 'browser',
    version,
    migrationsFolder: appPathsFrom(import.meta.url).migrationsFolder,
    keychainService: process.env.STUDIO_KEYCHAIN_SERVICE,
    openUrl: () => Promise.reject(new StudioError('EXTERNAL_URL_REJECTED', 'The command line opens no browser: sign in to Halo from the app first.')),
    log: createLogger((line) => process.stderr.write(`${line}\n`))
  })
  try {
    workspace.services.vault.useEnvironment(secretEnvironment(process.env, await environmentSecrets(workspace.services)))
    if (command === 'export-config') return (write(await exportConfig(workspace.services, options)), 0)
    if (command === 'export-snapshot') return (write(await exportSnapshot(workspace.services, options)), 0)
    if (command === 'export-halo-state') return (write(await exportHaloState(workspace.services, values.instance ?? '')), 0)
    const result: CommandResult =
      command === 'secrets' ? await secretsReport(workspace.services, process.env) : command === 'preview' ? await preview(workspace.services, options) : await sync(workspace.services, options)
    process.stdout.write(values.json ? `${JSON.stringify({ exitCode: result.exitCode, ...result.json })}\n` : `${result.lines.join('\n')}\n`)
    return result.exitCode
  } finally {
    workspace.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof StudioError ? error.message : error instanceof Error ? error.message : String(error)
    process.stderr.write(`halo-identity: ${message}${missingSecret(error) ? ' Where there is no keychain, give it in an environment variable instead: halo-identity secrets lists their names.' : ''}\n`)
    process.exit(1)
  }
)

function missingSecret(error: unknown): boolean {
  const reason = error instanceof StudioError ? error.details?.reason : undefined
  return reason === 'no_secret' || reason === 'no_credential'
}
