/**
 * Runs `halo-identity` from source on a test workspace's data folder (the tests' keychain service,
 * no demo) and collects its output; `killWhen`, polled every 20 ms, kills it (SIGKILL) when it says so.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { repoRoot, testKeychainService } from './temp-workspace'

const cli = path.join(repoRoot, 'src-main', 'cli', 'index.ts')

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export function runCli(dataDir: string, args: string[], options: { env?: Record<string, string>; killWhen?: () => boolean } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the tsx command runs the program in a child process, which a SIGKILL of tsx would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, STUDIO_DATA_DIR: dataDir, STUDIO_KEYCHAIN_SERVICE: testKeychainService, STUDIO_DEMO: '0', ...options.env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const { killWhen } = options
    const poll = killWhen
      ? setInterval(() => {
          if (killWhen()) child.kill('SIGKILL')
        }, 20)
      : null
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll)
      resolve({ code, signal, stdout, stderr })
    })
  })
}
