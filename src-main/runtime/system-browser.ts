/** Opens a URL in the user's default browser from plain Node (browser mode); Electron uses shell.openExternal. */
import { spawn } from 'node:child_process'

export function openInSystemBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.once('error', (error) => reject(new Error(`Could not start ${command}: ${error.message}`)))
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
