/**
 * A Server-Sent Events frame parser (the subset the studio server sends): `event:` and `data:`
 * fields, lines ended by LF or CRLF, frames ended by a blank line, `:` comment lines (heartbeats)
 * ignored. Fed text chunks as they arrive, split anywhere; calls back once per complete frame.
 */
export interface SseFrame {
  event: string
  data: string
}

export function createSseParser(onFrame: (frame: SseFrame) => void): (chunk: string) => void {
  let buffer = ''
  let event = ''
  let data: string[] = []

  const endFrame = (): void => {
    if (data.length > 0) onFrame({ event: event || 'message', data: data.join('\n') })
    event = ''
    data = []
  }

  const readLine = (line: string): void => {
    if (line === '') return endFrame()
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }

  return (chunk) => {
    buffer += chunk
    const lines = buffer.split(/\r?\n/)
    // The last piece has no line ending yet (or is empty after a trailing one): keep it for the next chunk.
    buffer = lines.pop() ?? ''
    for (const line of lines) readLine(line)
  }
}
