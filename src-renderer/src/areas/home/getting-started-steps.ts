/**
 * The six steps from a fresh workspace to a working import and single sign-on, in order, with the
 * area where each is done, and how many are done. The first three can be done in this version: a
 * Halo instance, a connection, and a connection's directory fetched into a snapshot. Previews, syncs
 * and single sign-on (steps 4 to 6) do not exist yet.
 */
import { paths } from '../../shell/areas'

export interface GettingStartedStep {
  title: string
  description: string
  /** Where the step is done. */
  path: string
  /** The label of the button that takes the admin there. */
  actionLabel: string
}

export const gettingStartedSteps: readonly GettingStartedStep[] = [
  {
    title: 'Add a Halo instance',
    description: 'Tell Identity Studio where your HaloITSM or HaloPSA is and how it signs in to the Halo API.',
    path: paths.haloInstances,
    actionLabel: 'Go to Halo instances'
  },
  {
    title: 'Add a connection',
    description: 'Bind an Okta org or a Microsoft Entra ID tenant to that Halo instance.',
    path: paths.connections,
    actionLabel: 'Go to connections'
  },
  {
    title: 'Fetch the directory',
    description: 'Read users, groups and memberships into a local snapshot, so you can design mappings offline.',
    path: paths.connections,
    actionLabel: 'Go to connections'
  },
  {
    title: 'Preview the import',
    description: 'See who would be created, updated or deactivated in Halo, field by field, before anything changes.',
    path: paths.connections,
    actionLabel: 'Go to connections'
  },
  {
    title: 'Sync to Halo',
    description: 'Apply the saved plan through the Halo API, with a journal you can resume and a report of every record.',
    path: paths.runs,
    actionLabel: 'Go to runs'
  },
  {
    title: 'Set up single sign-on',
    description: 'Register the redirect URIs, test a real sign-in, then apply the SSO settings to Halo.',
    path: paths.connections,
    actionLabel: 'Go to connections'
  }
]

/** What the workspace has, as far as the steps care. */
export interface WorkspaceProgress {
  haloInstances: number
  connections: number
  /** Connections with a directory snapshot. */
  snapshots: number
}

/** How many steps, from the first, are done: each counts only once the ones before it are done. */
export function doneStepCount(progress: WorkspaceProgress): number {
  const done = [progress.haloInstances > 0, progress.connections > 0, progress.snapshots > 0]
  const firstNotDone = done.indexOf(false)
  return firstNotDone === -1 ? done.length : firstNotDone
}
