/** Reads STUDIO_PORT: unset or 0 means "pick a free port"; anything else must be a valid TCP port. */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`STUDIO_PORT must be a port number between 1 and 65535 (or 0 for any free port), not "${value}".`)
  }
  return port
}
