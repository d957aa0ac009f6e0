/**
 * A small structured logger for main. Lines are JSON so they can be read back; any field whose name
 * looks like it holds a secret is replaced before it is written, so a careless call cannot leak one.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

const secretLike = /secret|token|password|authorization|api[-_]?key|private[-_]?key|credential/i

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (secretLike.test(key)) clean[key] = '[redacted]'
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      clean[key] = redact(value as Record<string, unknown>)
    } else clean[key] = value
  }
  return clean
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const log = (level: string) => (message: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...redact(fields) }))
  return { info: log('info'), warn: log('warn'), error: log('error') }
}
