/**
 * Reads what an admin should see from a StudioError: for VALIDATION_FAILED the list of fields that
 * were wrong, for INTERNAL the reference to quote when reporting it, and for an error that names
 * where it is fixed (details.fix) the link there, worded with the instance's or connection's name
 * when react-query already holds it — none when the admin is on that page already.
 */
import type { QueryClient } from '@tanstack/react-query'
import { errorFixOf, type ProcedureOutput, type StudioError } from '../../../src-shared/contract'
import { openableTab } from '../areas/connections/connection-tabs'
import { connectionPath, instancePath } from '../shell/areas'
import { procedureKey } from './procedure-hooks'

export interface FieldIssue {
  path: string
  message: string
}

export function validationIssues(error: StudioError): FieldIssue[] {
  if (error.code !== 'VALIDATION_FAILED') return []
  const issues: unknown = error.details?.issues
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : []
}

function isFieldIssue(issue: unknown): issue is FieldIssue {
  if (typeof issue !== 'object' || issue === null) return false
  const { path, message } = issue as Record<string, unknown>
  return typeof path === 'string' && typeof message === 'string'
}

export function errorReference(error: StudioError): string | null {
  const reference = error.details?.reference
  return typeof reference === 'string' ? reference : null
}

export interface FixLink {
  label: string
  /** The app address to open (react-router's). */
  path: string
}

/** The names of Halo instances and connections, by id; null when not known. */
export interface FixNames {
  haloInstance: (id: string) => string | null
  connection: (id: string) => string | null
}

/** What is fixed on each connection tab, in the admin's words. */
const connectionTabWhat: Partial<Record<string, string>> = {
  details: 'credentials',
  'field-mappings': 'field mappings',
  'site-mappings': 'site mappings'
}

/** The link to where `error` is fixed, or null when it names no place or `here` (the router's location) is that place. */
export function fixLink(error: StudioError, names: FixNames, here: { pathname: string; search: string }): FixLink | null {
  const fix = errorFixOf(error)
  if (!fix) return null
  if (fix.area === 'halo-instance') {
    const path = instancePath(fix.id)
    if (here.pathname === path) return null
    const name = names.haloInstance(fix.id)
    return { label: name ? `Open ${name}’s settings` : 'Open the Halo instance’s settings', path }
  }
  const page = connectionPath(fix.id)
  if (here.pathname === page && openableTab(new URLSearchParams(here.search).get('tab') ?? undefined).slug === fix.tab) return null
  const name = names.connection(fix.id)
  const what = connectionTabWhat[fix.tab] ?? `${openableTab(fix.tab).name} tab`
  return { label: `Open ${name ? `${name}’s` : 'the connection’s'} ${what}`, path: fix.tab === 'details' ? page : connectionPath(fix.id, fix.tab) }
}

/** Names from the instance and connection lists react-query holds (nothing is read for them). */
export function cachedNames(queryClient: QueryClient): FixNames {
  const nameIn = (list: ReadonlyArray<{ id: string; name: string }> | undefined, id: string): string | null => list?.find((each) => each.id === id)?.name ?? null
  return {
    haloInstance: (id) => nameIn(queryClient.getQueryData<ProcedureOutput<'halo:list'>>(procedureKey('halo:list', {})), id),
    connection: (id) => nameIn(queryClient.getQueryData<ProcedureOutput<'connections:list'>>(procedureKey('connections:list', {})), id)
  }
}
