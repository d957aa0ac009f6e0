/** Small runtime rules: where data lives, which port to use, which links may open, what logs may hold. */
import { describe, expect, it, vi } from 'vitest'
import { resolveDataDir } from './data-dir'
import { parsePort } from './port'
import { ExternalLinks } from './external-links'
import { createLogger } from './logger'

describe('resolveDataDir', () => {
  it('uses STUDIO_DATA_DIR when set', () => {
    expect(resolveDataDir({ STUDIO_DATA_DIR: '/srv/studio' }, 'linux', '/home/ana')).toBe('/srv/studio')
  })
  it('uses the per-user app data folder of each OS', () => {
    expect(resolveDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Identity Studio for Halo')
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Identity Studio for Halo')
    expect(resolveDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Identity Studio for Halo')
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Identity Studio for Halo'
    )
  })
})

describe('parsePort', () => {
  it('treats unset and 0 as any free port', () => {
    expect(parsePort(undefined)).toBe(0)
    expect(parsePort('')).toBe(0)
    expect(parsePort('0')).toBe(0)
    expect(parsePort('8080')).toBe(8080)
  })
  it('explains a bad value', () => {
    expect(() => parsePort('80a')).toThrow(/STUDIO_PORT must be a port number/)
    expect(() => parsePort('70000')).toThrow(/STUDIO_PORT/)
  })
})

describe('ExternalLinks', () => {
  it('opens https links to vendor and documentation hosts', async () => {
    const open = vi.fn(() => Promise.resolve())
    const links = new ExternalLinks(open)
    await links.open('https://acme.okta.com/admin/apps')
    await links.open('https://portal.azure.com/#home')
    expect(open).toHaveBeenCalledTimes(2)
  })
  it('refuses other schemes, unknown hosts, look-alike hosts and embedded credentials', async () => {
    const links = new ExternalLinks(() => Promise.resolve())
    for (const url of [
      'http://acme.okta.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://evil.example/',
      'https://okta.com.evil.example/',
      'https://notokta.com/',
      'https://user:pw@acme.okta.com/',
      'not a url'
    ]) {
      await expect(links.open(url), url).rejects.toMatchObject({ code: 'EXTERNAL_URL_REJECTED' })
    }
  })
  it('opens a URL a handler approved, once', async () => {
    const open = vi.fn(() => Promise.resolve())
    const links = new ExternalLinks(open)
    links.approve('https://halo.corp.local/auth/authorize?state=abc')
    await links.open('https://halo.corp.local/auth/authorize?state=abc')
    await expect(links.open('https://halo.corp.local/auth/authorize?state=abc')).rejects.toMatchObject({ code: 'EXTERNAL_URL_REJECTED' })
    expect(open).toHaveBeenCalledTimes(1)
  })
})

describe('logger', () => {
  it('redacts fields that look like secrets, at any depth', () => {
    const lines: string[] = []
    createLogger((line) => lines.push(line)).info('calling Halo', {
      url: 'https://halo.corp.local',
      clientSecret: 's3cr3t',
      request: { headers: { Authorization: 'Bearer abc' }, apiKey: 'k' },
      refresh_token: 'r'
    })
    expect(lines[0]).toContain('https://halo.corp.local')
    for (const secret of ['s3cr3t', 'Bearer abc', '"k"', '"r"']) expect(lines[0]).not.toContain(secret)
  })
})
