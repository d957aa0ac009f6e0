/**
 * Pages of an Okta list read through the SDK's raw call (`client.http.http`, okta.md §6.3): the SDK
 * still signs the request, gets service-app tokens, turns errors into OktaApiError and sends it all
 * through our paced executor, but the JSON is not turned into model objects — member lists return a
 * whole user per row, and building ~160,000 models cost more than everything else in a snapshot.
 * The `next` Link is followed verbatim (§2); the list ends when there is none.
 */
import type { Client } from '@okta/okta-sdk-nodejs'

export type OktaRow = Record<string, unknown>

interface RawResponse {
  headers: { get(name: string): string | null }
  json(): Promise<unknown>
}

export async function* oktaPages(client: Client, path: string, query: Record<string, string | number>): AsyncGenerator<OktaRow[]> {
  const first = new URL(`${client.baseUrl}${path}`)
  for (const [key, value] of Object.entries(query)) first.searchParams.set(key, String(value))
  // Okta wants spaces in filters as %20, never + (okta.md §1, SDK issue #272).
  let url: string | null = first.href.replace(/\+/g, '%20')
  while (url) {
    // The SDK's typing of these options omits node-fetch's own fields (method, headers).
    const options = { method: 'GET', headers: { Accept: 'application/json' } } as Parameters<Client['http']['http']>[1]
    // node-fetch's Response, whose typings this project does not install.
    const response = (await client.http.http(url, options, { isCollection: true, resources: [] })) as unknown as RawResponse
    url = nextLink(response.headers.get('link'))
    const body = (await response.json())
    yield Array.isArray(body) ? (body as OktaRow[]) : []
  }
}

/** The rel="next" URL of a Link header (several links are joined with commas by fetch). */
export function nextLink(header: string | null): string | null {
  if (!header) return null
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]+)>\s*;(?:[^;]*;)*\s*rel="?next"?/.exec(part.trim())
    if (match?.[1]) return match[1]
  }
  return null
}
