/** The Okta org address rules on the Details tab, with the exact words an admin reads. */
import { describe, expect, it } from 'vitest'
import { checkOktaAddress } from './okta-url'

describe('checkOktaAddress', () => {
  it('accepts an org URL, adding https and dropping a trailing slash', () => {
    expect(checkOktaAddress('acme.okta.com/')).toEqual({ orgUrl: 'https://acme.okta.com', error: null, warnings: [] })
    expect(checkOktaAddress('https://acme.oktapreview.com').orgUrl).toBe('https://acme.oktapreview.com')
    expect(checkOktaAddress('http://127.0.0.1:4100').orgUrl).toBe('http://127.0.0.1:4100')
  })

  it('refuses http, the admin console host, and anything after the host', () => {
    expect(checkOktaAddress('http://acme.okta.com').error).toBe('Okta is only reached over https. Use https://acme.okta.com.')
    expect(checkOktaAddress('https://acme-admin.okta.com').error).toBe('acme-admin.okta.com is the Admin Console address. Use your org URL without "-admin": https://acme.okta.com.')
    expect(checkOktaAddress('https://acme.okta.com/admin/dashboard').error).toBe('Enter only the org URL, with nothing after the host name: https://acme.okta.com.')
    expect(checkOktaAddress('https://acme.okta.com/?x=1').error).toBe('Enter only the org URL, with nothing after the host name: https://acme.okta.com.')
    expect(checkOktaAddress('not a url at all').error).toContain('is not a web address')
    // What Chromium's parser makes of it (it escapes the spaces instead of refusing).
    expect(checkOktaAddress('https://not%20a%20url').error).toContain('is not a web address')
    expect(checkOktaAddress('  ').error).toBe('Enter your Okta org URL, for example https://acme.okta.com.')
  })

  it('allows a custom domain but warns that single sign-on needs the primary Okta domain', () => {
    const check = checkOktaAddress('https://login.northwind.example')
    expect(check.error).toBeNull()
    expect(check.warnings).toEqual([
      'login.northwind.example is not an Okta domain. A custom domain works for reading the directory, but single sign-on needs your primary Okta domain (like https://acme.okta.com); Okta answers 404 otherwise.'
    ])
  })
})
