/**
 * Pages of an Okta list read through the SDK's raw call (`client.http.http`, okta.md §6.3): the SDK
 * still signs the request, gets service-app tokens, turns errors into OktaApiError and sends it all
 * through our paced executor, but the JSON is not turned into model objects — member lists return a
 * whole user per row, and building ~160,000 models cost more than everything else in a snapshot.
 * Pages come as rows, or as the body itself (member pages go to SQLite as they are). The `next`
 * Link is followed verbatim (§2); the list ends when there is none. Reading ahead asks for the next
 * page as soon as this one's headers arrive, for lists whose pages can only be read one by one.
 */
import type { Client } from '@okta/okta-sdk-nodejs'

export type OktaRow = Record<string, unknown>

interface RawResponse {
  headers: { get(name: string): string | null }
  arrayBuffer(): Promise<ArrayBuffer>
}

/** Each page's rows. */
export async function* oktaPages(client: Client, path: string, query: Record<string, string | number>, options: { readAhead?: boolean } = {}): AsyncGenerator<OktaRow[]> {
  for await (const body of oktaPageBodies(client, path, query, options)) {
    const rows: unknown = JSON.parse(body.toString('utf8'))
    yield Array.isArray(rows) ? (rows as OktaRow[]) : []
  }
}

/** Each page's body as Okta sent it (JSON text), for rows that are stored without being looked at in JS. */
export async function* oktaPageBodies(client: Client, path: string, query: Record<string, string | number>, options: { readAhead?: boolean } = {}): AsyncGenerator<Buffer> {
  const first = new URL(`${client.baseUrl}${path}`)
  for (const [key, value] of Object.entries(query)) first.searchParams.set(key, String(value))
  // Okta wants spaces in filters as %20, never + (okta.md §1, SDK issue #272).
  let response: RawResponse | null = await getPage(client, first.href.replace(/\+/g, '%20'))
  while (response) {
    const next = nextLink(response.headers.get('link'))
    // Reading ahead: the next page is on its way while this one is parsed and stored. Its failure is
    // thrown where it is awaited; the catch only keeps it from going unhandled if the reader stops first.
    const ahead = options.readAhead && next ? getPage(client, next) : null
    ahead?.catch(() => undefined)
    yield Buffer.from(await response.arrayBuffer())
    response = ahead ? await ahead : next ? await getPage(client, next) : null
  }
}

function getPage(client: Client, url: string): Promise<RawResponse> {
  // The SDK's typing of these options omits node-fetch's own fields (method, headers).
  const options = { method: 'GET', headers: { Accept: 'application/json' } } as Parameters<Client['http']['http']>[1]
  return client.http.http(url, options, { isCollection: true, resources: [] })
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
