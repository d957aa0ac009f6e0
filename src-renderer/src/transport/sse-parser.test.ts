import { describe, expect, it } from 'vitest'
import { createSseParser, type SseFrame } from './sse-parser'

function parse(chunks: string[]): SseFrame[] {
  const frames: SseFrame[] = []
  const push = createSseParser((frame) => frames.push(frame))
  for (const chunk of chunks) push(chunk)
  return frames
}

describe('createSseParser', () => {
  it('reads named events and skips comment heartbeats', () => {
    expect(parse([': connected\n\nevent: settings:changed\ndata: {"theme":"dark"}\n\n: heartbeat\n\n'])).toEqual([
      { event: 'settings:changed', data: '{"theme":"dark"}' }
    ])
  })

  it('puts frames back together across any chunk split, CRLF included', () => {
    const stream = 'event: run:updated\r\ndata: {"a":1}\r\n\r\nevent: task:progress\ndata: {"b":2}\n\n'
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)])).toEqual([
        { event: 'run:updated', data: '{"a":1}' },
        { event: 'task:progress', data: '{"b":2}' }
      ])
    }
  })

  it('joins multi-line data, defaults the name to "message", and waits for the blank line', () => {
    expect(parse(['data: one\ndata: two\n\n', 'event: x\ndata: not finished\n'])).toEqual([
      { event: 'message', data: 'one\ntwo' }
    ])
  })
})
