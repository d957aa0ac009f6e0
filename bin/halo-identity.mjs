#!/usr/bin/env node
// The `halo-identity` command (package.json "bin"): runs the built command line, out/main/cli.js.
// Build it once with `npm run build`; docs/command-line.md says what it does.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  process.stderr.write('halo-identity: the command line is not built yet. Run `npm run build` in the Identity Studio folder first.\n')
  process.exit(1)
}
await import(cli)
