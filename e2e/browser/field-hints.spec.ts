/**
 * Every field whose value comes from Halo, Okta or Azure says where to find it there: its hint (the
 * field's accessible description) names the place in Halo's Configuration, the Okta Admin Console or
 * the Azure portal. Checked in the Halo instance form (on-premise and hosted, both sign-ins), the
 * Okta connection form (API token and OAuth service app), the Entra ID connection form, both SSO
 * settings forms, and the mapping editors that pick Halo's look-ups and the directory's groups.
 * Screenshots go to e2e/screenshots/ for review.
 */
import type { Locator } from '@playwright/test'
import { expect, test } from '../fixtures/entra-test'
import { openAddConnection } from '../fixtures/add-connection'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

const haloApi = /Halo › Configuration › Integrations › Halo API › /
const appRegistration = /Azure portal › Microsoft Entra ID › App registrations › your app › /
const notListed = /Missing\? Refresh the Halo instance’s look-ups\./

/** Each field, found by its accessible name, and what its hint must say. */
async function expectHints(hints: ReadonlyArray<readonly [field: Locator, hint: RegExp]>): Promise<void> {
  for (const [field, hint] of hints) await expect(field).toHaveAccessibleDescription(hint)
}

test('the Halo instance form says where in Halo each value is', async ({ openStudio, page }) => {
  await openStudio('/halo-instances')
  await page.setViewportSize({ width: 1280, height: 1200 })
  await page.getByRole('button', { name: 'Add Halo instance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Halo instance' })
  await expectHints([
    [dialog.getByRole('textbox', { name: 'Halo web address' }), /Configuration › Integrations › Halo API › API Details/],
    [dialog.getByRole('textbox', { name: 'Authorisation server address' }), /\/api\/authinfo.*Halo › Configuration › Integrations › Halo API › API Details/],
    [dialog.getByRole('textbox', { name: 'Client ID' }), new RegExp(`${haloApi.source}Applications › your application`)],
    [dialog.getByLabel('Client secret'), /Shown once, when the application is created in Halo API › Applications/]
  ])
  await shoot(page, 'field-hints-halo', { fullPage: false })

  await dialog.getByRole('radiogroup', { name: 'Deployment' }).getByText('Halo-hosted').click()
  await expectHints([[dialog.getByRole('textbox', { name: 'Tenant' }), /Halo › Configuration › Integrations › Halo API › API Details › Tenant/]])

  // A browser sign-in has no secret; the client ID still says where it is.
  await dialog.getByRole('radio', { name: 'Authorization code + PKCE' }).check()
  await expect(dialog.getByLabel('Client secret')).toHaveCount(0)
  await expectHints([[dialog.getByRole('textbox', { name: 'Client ID' }), new RegExp(`${haloApi.source}Applications`)]])
})

test('the Okta connection form says where in the Okta Admin Console each value is, for both sign-ins', async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await page.setViewportSize({ width: 1280, height: 1200 })
  await openAddConnection(page, 'Okta')
  const dialog = page.getByRole('dialog', { name: 'Add Okta connection' })
  await expectHints([
    [dialog.getByRole('textbox', { name: 'Okta org URL' }), /Okta Admin Console › your name \(top right\), without “-admin”/],
    // "API token" also names the sign-in choice; the token field is a password box.
    [dialog.getByLabel('API token').and(dialog.locator('input[type="password"]')), /Okta Admin Console › Security › API › Tokens › Create token/]
  ])

  await dialog.getByRole('radio', { name: 'OAuth service app' }).check()
  await expectHints([
    [dialog.getByRole('textbox', { name: 'Client ID' }), /Okta Admin Console › Applications › Applications › your API Services app › General/],
    [dialog.getByRole('textbox', { name: 'Private key' }), /the app › General › Public Keys/],
    [dialog.getByRole('textbox', { name: 'Key ID' }), /Okta Admin Console › the app › General › Public Keys › KID/]
  ])
  await shoot(page, 'field-hints-okta-service-app', { fullPage: false })
})

test('the Entra ID connection form says where in the Azure portal each value is', async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click()
  await page.setViewportSize({ width: 1280, height: 1300 })
  await openAddConnection(page, 'Entra ID')
  const dialog = page.getByRole('dialog', { name: 'Add Entra ID connection' })
  await expectHints([
    [dialog.getByRole('textbox', { name: 'Directory (tenant) ID' }), new RegExp(`${appRegistration.source}Overview\\. A verified domain`)],
    [dialog.getByRole('textbox', { name: 'Application (client) ID' }), new RegExp(`${appRegistration.source}Overview`)],
    [dialog.getByLabel('Client secret').and(dialog.locator('input[type="password"]')), new RegExp(`${appRegistration.source}Certificates & secrets › New client secret`)],
    [dialog.getByLabel('Client secret expires on'), /Expires column beside the secret/]
  ])
  // Radio groups carry no description of their own: their hints are read as text.
  await expect(dialog.getByRole('radiogroup', { name: 'App registration' }).locator('..')).toContainText('App registrations › your app › Authentication › Supported account types')
  await expect(dialog.getByRole('radiogroup', { name: 'Reads Microsoft Graph as' }).locator('..')).toContainText('App registrations › your app › API permissions')
  await shoot(page, 'field-hints-entra', { fullPage: false })
})

test('the Okta SSO settings say where in Okta and Halo each value is', async ({ openStudio, page, okta }) => {
  await openStudio()
  await okta.addHaloInstance()
  await okta.addConnection(okta.sandboxInput('Northwind Okta'))
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByRole('radio', { name: 'A custom authorization server' }).check()
  await expectHints([
    [form.getByRole('switch', { name: 'Single sign-on with Okta' }), /Halo › Configuration › Integrations › Okta/],
    [form.getByRole('textbox', { name: 'Client ID' }), /Okta Admin Console › Applications › Applications › your OIDC app › General › Client Credentials/],
    [form.getByRole('textbox', { name: 'Authorization server ID' }), /Okta Admin Console › Security › API › Authorization Servers/]
  ])
})

test('the Entra ID SSO settings say where in Azure and Halo each value is', async ({ openStudio, page, okta, entra }) => {
  await openStudio()
  await okta.addHaloInstance()
  await entra.addConnection(entra.sandboxInput('Northwind Entra ID'))
  await page.getByRole('tab', { name: 'SSO' }).click()
  const form = page.getByRole('form', { name: 'Single sign-on settings' })
  await form.getByText('Multi-tenant', { exact: true }).click()
  await expectHints([
    [form.getByRole('switch', { name: 'Published' }), /Halo › Configuration › Integrations › Microsoft Entra ID/],
    [form.getByRole('textbox', { name: 'Application (client) ID' }), new RegExp(`${appRegistration.source}Overview`)],
    [form.getByRole('combobox', { name: 'Allowed tenant IDs' }), /Azure portal › Microsoft Entra ID › Overview/],
    [form.getByRole('combobox', { name: 'Halo Entra connection' }), /Halo › Configuration › Integrations › Microsoft Entra ID/]
  ])
  await expect(form.getByRole('radiogroup', { name: 'Tenant type' }).locator('..')).toContainText('App registrations › your app › Authentication › Supported account types')
  await shoot(page, 'field-hints-entra-sso')
})

test('the mapping editors say where Halo’s look-ups and the directory’s groups come from', async ({ openStudio, page, okta }) => {
  test.setTimeout(120_000)
  await openStudio()
  await okta.connectAndFetch()
  await page.setViewportSize({ width: 1440, height: 1100 })

  await page.getByRole('tab', { name: 'Site mappings' }).click()
  await page.getByRole('region', { name: 'Site mappings' }).getByRole('button', { name: 'Map to an existing site' }).click()
  const editor = page.getByRole('dialog', { name: 'Add a site mapping' })
  await expectHints([
    [editor.getByRole('combobox', { name: 'Site' }), notListed],
    [editor.getByRole('combobox', { name: 'Group' }), /Okta Admin Console › Directory › Groups/],
    [editor.getByRole('textbox', { name: 'Okta app' }), /the 0oa… ID in its Okta Admin Console address/],
    [editor.getByRole('combobox', { name: 'User role' }), /Halo › Configuration › Users › User Roles/]
  ])
  await editor.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: '*agent* (make them agents)' }).click()
  await expectHints([[editor.getByRole('combobox', { name: 'Agent role' }), /Halo › Configuration › Teams & Agents › Roles/]])
  await shoot(page, 'field-hints-site-mapping', { fullPage: false })
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('region', { name: 'Site mappings' }).getByRole('button', { name: 'Map to an organisation by a field' }).click()
  await expectHints([[editor.getByRole('combobox', { name: 'Client' }), notListed]])
  await editor.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('tab', { name: 'Advanced' }).click()
  await page.getByRole('region', { name: 'Agent roles from groups' }).getByRole('button', { name: 'Add agent role mapping' }).click()
  const rule = page.getByRole('dialog', { name: 'Add agent role mapping' })
  await expectHints([
    [rule.getByRole('combobox', { name: 'Group' }), /Okta Admin Console › Directory › Groups/],
    [rule.getByRole('combobox', { name: 'Agent role' }), /Halo › Configuration › Teams & Agents › Roles/]
  ])
  await shoot(page, 'field-hints-group-rule', { fullPage: false })
  await rule.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('region', { name: 'Change advisory boards from groups' }).getByRole('button', { name: 'Add CAB mapping' }).click()
  const cab = page.getByRole('dialog', { name: 'Add CAB mapping' })
  await expectHints([[cab.getByRole('combobox', { name: 'Change advisory board' }), new RegExp(`Read from Halo\\. ${notListed.source}`)]])
  await cab.getByRole('button', { name: 'Cancel' }).click()
  const licences = page.getByRole('region', { name: 'Licence management' })
  await licences.getByRole('switch', { name: 'Manage agent licences' }).check()
  await expectHints([[licences.getByRole('combobox', { name: 'Agent role of the new rule' }), new RegExp(`Halo › Configuration › Teams & Agents › Roles\\. ${notListed.source}`)]])
  await licences.scrollIntoViewIfNeeded()
  await shoot(page, 'field-hints-licence-rule', { fullPage: false })

  await page.getByRole('tab', { name: 'Onboarding' }).click()
  await expectHints([
    [page.getByRole('combobox', { name: 'Ticket type' }), new RegExp(`Halo › Configuration › Tickets › Ticket Types\\. ${notListed.source}`)],
    [page.getByRole('combobox', { name: 'Template' }), /Halo › Configuration › Tickets › Templates/]
  ])
  await shoot(page, 'field-hints-onboarding', { fullPage: false })
})
