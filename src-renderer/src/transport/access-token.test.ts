import { describe, expect, it } from 'vitest'
import { forgetAccessToken, takeAccessToken } from './access-token'

function fakeTab(href: string) {
  const stored = new Map<string, string>()
  const storage = {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key)
  } as Storage
  const addresses: string[] = []
  const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => void addresses.push(url) } as History
  return { location: { href } as Location, history, storage, addresses }
}

describe('takeAccessToken', () => {
  it('takes the token from the address, keeps it for reloads and removes it from the address bar', () => {
    const tab = fakeTab('http://127.0.0.1:4100/?token=abc&x=1#/settings')
    expect(takeAccessToken(tab.location, tab.history, tab.storage)).toBe('abc')
    expect(tab.addresses).toEqual(['/?x=1#/settings'])

    const reloaded = { ...fakeTab('http://127.0.0.1:4100/#/settings'), storage: tab.storage }
    expect(takeAccessToken(reloaded.location, reloaded.history, reloaded.storage)).toBe('abc')
    expect(reloaded.addresses).toEqual([])
  })

  it('answers null when neither the address nor the session has a token', () => {
    const tab = fakeTab('http://127.0.0.1:4100/')
    expect(takeAccessToken(tab.location, tab.history, tab.storage)).toBeNull()
  })

  it('forgets a refused token', () => {
    const tab = fakeTab('http://127.0.0.1:4100/?token=old')
    takeAccessToken(tab.location, tab.history, tab.storage)
    forgetAccessToken(tab.storage)
    expect(takeAccessToken({ href: 'http://127.0.0.1:4100/' } as Location, tab.history, tab.storage)).toBeNull()
  })
})
