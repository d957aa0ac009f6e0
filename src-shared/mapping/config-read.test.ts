/**
 * Reading configurations: the defaults and a round trip through JSON read back equal; defaults fill
 * what an older or hand-written file leaves out; a missing or newer version and broken JSON are
 * refused with a reason; a bad value is named by its place in the file.
 */
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config-defaults'
import { readConfig, readConfigText } from './config-read'
import { configVersion } from './config-schema'

describe('readConfig', () => {
  it('reads back what it wrote, for both sources', () => {
    for (const source of ['okta', 'entra'] as const) {
      const config = defaultConfig(source)
      expect(readConfigText(JSON.stringify(config, null, 2))).toEqual({ ok: true, config, migratedFrom: null })
    }
  })

  it('fills in defaults a shorter file leaves out', () => {
    const read = readConfig({
      version: 1,
      source: 'okta',
      fields: { user: [{ id: 'n', source: 'displayName', target: 'name' }], agent: [] },
      siteMappings: [{ kind: 'existing-site', id: 's', sequence: 1, siteId: 4 }],
      advanced: {},
      onboarding: {},
      imports: {}
    })
    expect(read.ok && read.config.siteMappings[0]).toEqual({ kind: 'existing-site', id: 's', sequence: 1, siteId: 4, agentRoleId: null, groupName: null, criteria: [], includeExternal: false, appId: null, statuses: [], userRoleId: null })
    expect(read.ok && read.config.imports.guardrails).toEqual({ maxDeactivations: 500, maxDeactivationPercent: 20 })
    expect(read.ok && read.config.fields.user[0]?.transforms).toEqual([])
  })

  it('migrates a version 1 configuration: its imports.delta goes (delta is the connection’s own setting)', () => {
    const old = { ...defaultConfig('entra'), version: 1, imports: { ...defaultConfig('entra').imports, delta: true } }
    expect(readConfig(old)).toEqual({ ok: true, config: defaultConfig('entra'), migratedFrom: 1 })
  })

  it('refuses what it cannot read, saying why', () => {
    expect(readConfigText('{"version": 1,')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The file is not valid JSON/)] })
    expect(readConfig([])).toEqual({ ok: false, problems: ['This is not an Identity Studio configuration: expected a JSON object with "version" and "source".'] })
    expect(readConfig({ source: 'okta' })).toEqual({ ok: false, problems: ['The configuration has no version number, so it was not exported by Identity Studio. Export it again from the connection’s Imports tab.'] })
    expect(readConfig({ ...defaultConfig('okta'), version: configVersion + 1 })).toEqual({
      ok: false,
      problems: [`The configuration is version ${configVersion + 1}, made by a newer Identity Studio; this one reads up to version ${configVersion}. Update Identity Studio, then import it again.`]
    })
  })

  it('names a bad value by where it is in the file', () => {
    const config = defaultConfig('okta')
    const broken = { ...config, fields: { ...config.fields, user: [{ ...config.fields.user[0], transforms: [{ kind: 'case', to: 'sideways' }] }] } }
    const read = readConfig(broken)
    expect(read.ok).toBe(false)
    expect(!read.ok && read.problems[0]).toMatch(/^fields\.user\[1\]\.transforms\[1\]\.to: /)
  })
})
