/**
 * The Advanced and Onboarding tabs with the network off: Halo's look-ups (ticket types, templates,
 * custom fields) cached and the directory fetched, then both sandboxes stop. A site mapping makes the
 * IT department agents; groups give them an agent role, a CAB and a user role, each editor refusing
 * a row without its group or target; licence management warns until it has a rule; onboarding is
 * refused without a ticket type, offers only that type's templates, and fills a ticket custom field
 * from an inserted attribute; Try it on a person shows the roles, CAB, licence and the ticket as they
 * change; the design is saved and still there after a reload. Screenshots go to e2e/screenshots/.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/okta-test'
import { expectNoSidewaysScroll } from '../fixtures/layout'
import { saveScreenshot as shoot } from '../fixtures/screenshots'

async function pickPerson(page: Page, search: string): Promise<void> {
  const person = page.getByRole('region', { name: 'Try it on a person' }).getByRole('combobox', { name: 'Person' })
  await person.click()
  await person.pressSequentially(search)
  await page.getByRole('option', { name: new RegExp(search, 'i') }).first().click()
}

test('advanced group mappings, licences and onboarding are designed, checked, tried and saved with the network off', async ({ openStudio, page, okta, oktaSandbox, haloSandbox }) => {
  test.setTimeout(180_000)
  // Someone in the IT department group, to try the mappings on.
  const headers = { Authorization: `SSWS ${oktaSandbox.credentials.apiToken}`, Accept: 'application/json' }
  const [group] = (await (await fetch(`${oktaSandbox.orgUrl}/api/v1/groups?q=${encodeURIComponent('Department - IT')}`, { headers })).json()) as Array<{ id: string }>
  const [member] = (await (await fetch(`${oktaSandbox.orgUrl}/api/v1/groups/${group?.id ?? ''}/users?limit=1`, { headers })).json()) as Array<{ profile: { login: string; email: string; firstName: string; lastName: string } }>
  if (!member) throw new Error('the demo org has no one in Department - IT')

  await openStudio()
  await okta.connectAndFetch()
  await oktaSandbox.close()
  await haloSandbox.close()
  await page.setViewportSize({ width: 1440, height: 1000 })

  // Site mappings, offline: the IT department become agents; everyone else goes to Manchester.
  await page.getByRole('tab', { name: 'Site mappings' }).click()
  const sites = page.getByRole('region', { name: 'Site mappings' })
  const siteEditor = page.getByRole('dialog', { name: 'Add a site mapping' })
  await sites.getByRole('button', { name: 'Map to an existing site' }).click()
  await siteEditor.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: '*agent* (make them agents)' }).click()
  await siteEditor.getByRole('combobox', { name: 'Group' }).fill('Department - IT')
  await page.getByRole('option', { name: 'Department - IT', exact: true }).click()
  await siteEditor.getByRole('button', { name: 'Add mapping' }).click()
  await sites.getByRole('button', { name: 'Add site mapping' }).click()
  await page.getByRole('menuitem', { name: 'Map to an existing site' }).click()
  await siteEditor.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: /^Manchester/ }).click()
  await siteEditor.getByRole('button', { name: 'Add mapping' }).click()
  await expect(sites.getByRole('listitem')).toHaveCount(2)

  // Advanced: the three tables start empty.
  await page.getByRole('tab', { name: 'Advanced' }).click()
  const agentRoles = page.getByRole('region', { name: 'Agent roles from groups' })
  const cabs = page.getByRole('region', { name: 'Change advisory boards from groups' })
  const userRoles = page.getByRole('region', { name: 'User roles from groups' })
  await expect(agentRoles).toContainText('None yet')
  await shoot(page, 'advanced-empty')

  // An agent role: refused without a group and a role.
  await agentRoles.getByRole('button', { name: 'Add agent role mapping' }).click()
  const editor = page.getByRole('dialog', { name: 'Add agent role mapping' })
  await editor.getByRole('button', { name: 'Add mapping' }).click()
  await expect(editor).toContainText('Pick the group whose members it applies to.')
  await expect(editor).toContainText('Pick the agent role.')
  await shoot(page, 'advanced-editor-errors', { fullPage: false })
  await editor.getByRole('combobox', { name: 'Group' }).fill('Department - IT')
  await page.getByRole('option', { name: 'Department - IT', exact: true }).click()
  await editor.getByRole('combobox', { name: 'Agent role' }).click()
  await page.getByRole('option', { name: 'Service Desk Agent' }).click()
  await editor.getByText('Keep the role').click()
  await editor.getByRole('button', { name: 'Add mapping' }).click()
  await expect(editor).toBeHidden()
  await expect(agentRoles.getByRole('row', { name: 'Agent roles from groups row 1' })).toContainText(/Department - IT\s*Service Desk Agent\s*Keep the role/)

  // A CAB and a user role for the same group.
  await cabs.getByRole('button', { name: 'Add CAB mapping' }).click()
  const cabEditor = page.getByRole('dialog', { name: 'Add CAB mapping' })
  await cabEditor.getByRole('combobox', { name: 'Group' }).fill('Department - IT')
  await page.getByRole('option', { name: 'Department - IT', exact: true }).click()
  await cabEditor.getByRole('combobox', { name: 'Change advisory board' }).click()
  await page.getByRole('option', { name: 'Infrastructure CAB' }).click()
  await cabEditor.getByRole('button', { name: 'Add mapping' }).click()
  await expect(cabs.getByRole('row', { name: 'Change advisory boards from groups row 1' })).toContainText('Remove them from the CAB')
  await userRoles.getByRole('button', { name: 'Add user role mapping' }).click()
  const userRoleEditor = page.getByRole('dialog', { name: 'Add user role mapping' })
  await userRoleEditor.getByRole('combobox', { name: 'Group' }).fill('Department - IT')
  await page.getByRole('option', { name: 'Department - IT', exact: true }).click()
  await userRoleEditor.getByRole('combobox', { name: 'User role' }).click()
  await page.getByRole('option', { name: 'Approver' }).click()
  await userRoleEditor.getByRole('button', { name: 'Add mapping' }).click()
  await expect(userRoles.getByRole('row')).toHaveCount(2)

  // Licences: on without rules is a warning; a rule needs its role.
  const licences = page.getByRole('region', { name: 'Licence management' })
  await licences.getByRole('switch', { name: 'Manage agent licences' }).check()
  await expect(page.getByText('Licence management is on, but with no rules it changes nothing.')).toBeVisible()
  await licences.getByRole('button', { name: 'Add rule' }).click()
  await expect(licences).toContainText('Pick the agent role first.')
  await licences.getByRole('combobox', { name: 'Agent role of the new rule' }).click()
  await page.getByRole('option', { name: 'Service Desk Agent' }).click()
  await licences.getByRole('button', { name: 'Add rule' }).click()
  await expect(licences.getByRole('row', { name: 'Licence rule 1' })).toBeVisible()
  await expect(page.getByText('Licence management is on, but with no rules it changes nothing.')).toBeHidden()

  // Try it: the IT person is an agent with the group's role, CAB and licence.
  const tryIt = page.getByRole('region', { name: 'Try it on a person' })
  await pickPerson(page, member.profile.login)
  const outcome = tryIt.getByLabel(/^Outcome for /)
  await expect(outcome).toContainText('Agent and user')
  const agent = outcome.getByRole('region', { name: 'Halo agent' })
  await expect(agent).toContainText('Agent roles: Service Desk Agent (group "Department - IT")')
  await expect(agent).toContainText('CABs: Infrastructure CAB (group "Department - IT")')
  await expect(agent).toContainText('Licence: named')
  await expect(outcome.getByRole('region', { name: 'Halo user' })).toContainText('User roles: Approver (group "Department - IT")')
  await shoot(page, 'advanced-filled')

  // Onboarding: on without a ticket type is an error in place and in the save bar.
  await page.getByRole('tab', { name: 'Onboarding' }).click()
  await page.getByRole('switch', { name: 'Log an onboarding ticket for each new user' }).check()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('1 error to fix')
  await expect(page.getByRole('region', { name: 'New user onboarding' })).toContainText('Onboarding is on, but no ticket type is chosen.')
  const templateBox = page.getByRole('combobox', { name: 'Template' })
  await expect(templateBox).toBeDisabled()
  await page.getByRole('combobox', { name: 'Ticket type' }).click()
  await page.getByRole('option', { name: 'New Starter' }).click()
  await templateBox.click()
  // Only the New Starter templates are offered.
  await expect(page.getByRole('option')).toHaveText(['New starter — standard kit', 'New starter — developer kit'])
  await page.getByRole('option', { name: 'New starter — developer kit' }).click()

  // A ticket custom field: empty is an error; an attribute inserted from the menu fills it.
  const fields = page.getByRole('region', { name: 'Ticket fields' })
  await fields.getByRole('button', { name: 'Add ticket field' }).click()
  await page.getByRole('menuitem', { name: 'Starter email (custom field)' }).click()
  const row = fields.getByRole('row', { name: 'Ticket field Starter email (custom field)' })
  await expect(row).toContainText('the template is empty')
  await row.getByRole('textbox').fill('Send the welcome pack to ')
  await row.getByRole('button', { name: /^Insert an attribute into/ }).click()
  await page.getByRole('menuitem', { name: /^email/ }).click()
  await expect(row.getByRole('textbox')).toHaveValue('Send the welcome pack to {email}')
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toContainText('No errors')

  // Try it shows the ticket the creation would log.
  await pickPerson(page, member.profile.login)
  const ticket = outcome.getByRole('region', { name: 'Onboarding ticket' })
  await expect(ticket).toContainText('New Starter · template New starter — developer kit')
  await expect(ticket.getByRole('row', { name: /^Summary / })).toContainText(`New starter: ${member.profile.firstName} ${member.profile.lastName}`)
  await expect(ticket.getByRole('row', { name: /^Starter email / })).toContainText(`Send the welcome pack to ${member.profile.email}`)
  await shoot(page, 'onboarding-filled')

  // Another ticket type drops a template that is not of it.
  await page.getByRole('combobox', { name: 'Ticket type' }).click()
  await page.getByRole('option', { name: 'Leaver' }).click()
  await expect(templateBox).toHaveValue('')
  await page.getByRole('combobox', { name: 'Ticket type' }).click()
  await page.getByRole('option', { name: 'New Starter' }).click()
  await templateBox.click()
  await page.getByRole('option', { name: 'New starter — standard kit' }).click()

  // Saved, and there after a reload.
  await page.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Template' })).toHaveValue('New starter — standard kit')
  await expect(page.getByRole('region', { name: 'Ticket fields' }).getByRole('row', { name: 'Ticket field Starter email (custom field)' }).getByRole('textbox')).toHaveValue('Send the welcome pack to {email}')
  await page.getByRole('tab', { name: 'Advanced' }).click()
  await expect(agentRoles.getByRole('row', { name: 'Agent roles from groups row 1' })).toContainText('Service Desk Agent')
  await expect(licences.getByRole('row', { name: 'Licence rule 1' })).toBeVisible()

  // Narrow window and dark mode.
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(page, 'advanced-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 640, height: 1000 })
  await expectNoSidewaysScroll(page)
  await shoot(page, 'advanced-narrow')
  await page.getByRole('tab', { name: 'Onboarding' }).click()
  await expectNoSidewaysScroll(page)
  await shoot(page, 'onboarding-narrow')
})
