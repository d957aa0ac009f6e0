/**
 * HTTP plumbing for the Okta sandbox: reading a request target the way Okta tolerates it (a leading
 * `//`, which the SDK sends when orgUrl ends with `/` — okta.md §6.2, §9; `new URL()` would read
 * `api` as a host), writing JSON answers with their headers, reading form bodies, and the `Link`
 * headers of a page (absolute, one header line each for rel="self" and rel="next" — §2).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiAnswer } from './okta-errors'
import { newRequestId } from './okta-ids'

export interface RequestTarget {
  /** The path with a leading run of slashes collapsed to one. */
  path: string
  /** Decoded path segments; null when a segment is not valid percent-encoding. */
  segments: string[] | null
  query: URLSearchParams
}

export function parseTarget(rawUrl: string | undefined): RequestTarget {
  const text = rawUrl ?? '/'
  const cut = text.indexOf('?')
  const rawPath = (cut === -1 ? text : text.slice(0, cut)).replace(/^\/{2,}/, '/')
  const query = new URLSearchParams(cut === -1 ? '' : text.slice(cut + 1))
  let segments: string[] | null
  try {
    segments = rawPath.split('/').slice(1).map(decodeURIComponent)
  } catch {
    segments = null
  }
  return { path: rawPath, segments, query }
}

/** A query string with spaces as %20, never `+` (Okta reads `+` literally — okta.md §1). */
export function encodeQuery(entries: Iterable<[string, string]>): string {
  const parts: string[] = []
  for (const [key, value] of entries) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  return parts.length === 0 ? '' : `?${parts.join('&')}`
}

/**
 * The Link header lines of one page: self (the request as made) and, when more follow, next with
 * `after` set to the cursor. `dropOnNext` names parameters the next link loses (Okta's #439 quirk).
 */
export function pageLinks(origin: string, path: string, query: URLSearchParams, nextCursor: string | null, dropOnNext: readonly string[] = []): string[] {
  const links = [`<${origin}${path}${encodeQuery(query.entries())}>; rel="self"`]
  if (nextCursor !== null) {
    const rest = [...query.entries()].filter(([key]) => key !== 'after' && !dropOnNext.includes(key))
    links.push(`<${origin}${path}${encodeQuery([['after', nextCursor], ...rest])}>; rel="next"`)
  }
  return links
}

/** On every answer; Date is set here so X-Rate-Limit-Reset is counted from the same second. */
export function commonHeaders(now: number): Record<string, string> {
  return { 'X-Okta-Request-Id': newRequestId(), Date: new Date(now).toUTCString(), 'Cache-Control': 'no-cache, no-store' }
}

/**
 * A list body already serialised item by item (UTF-8): big pages (1,000 users of a group) are joined
 * from ready-made items instead of being serialised again, so the sandbox stays quicker than the
 * client it serves (bench/okta-snapshot measures the client).
 */
export class JsonItems {
  constructor(readonly items: readonly Buffer[]) {}

  toBuffer(): Buffer {
    const parts: Buffer[] = [openBracket]
    this.items.forEach((item, index) => parts.push(...(index > 0 ? [comma, item] : [item])))
    parts.push(closeBracket)
    return Buffer.concat(parts)
  }
}

const [openBracket, comma, closeBracket] = ['[', ',', ']'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer]

/** Writes an answer as JSON (or with no body when body is null), with the given headers. */
export function writeAnswer(response: ServerResponse, answer: ApiAnswer, headers: Record<string, string | string[]>): void {
  const text = answer.body instanceof JsonItems ? answer.body.toBuffer() : answer.body === null || answer.body === undefined ? '' : JSON.stringify(answer.body)
  response.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers, ...answer.headers, 'Content-Length': String(Buffer.byteLength(text)) })
  response.end(text)
}

export function writeHtml(response: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  response.end(html)
}

export function writeRedirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location, 'Cache-Control': 'no-store' }).end()
}

/** The request body as text (at most 1 MB). */
export async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > 1_000_000) throw new Error('The request body is too large.')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
