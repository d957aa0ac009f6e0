/**
 * The Advanced tab's three group mapping tables (group → agent role, → CAB, → user role) seen as one
 * shape, so one table and one editor serve all three: what each kind is called, which look-up it
 * picks from, and reading and writing its rows in the configuration.
 */
import type { HaloLookupKind } from '../../../../../src-shared/contract'
import type { AdvancedConfig } from '../../../../../src-shared/mapping/config-schema'
import { agentRolesAreIn, notListedHint } from './design-lookups'

export type GroupRuleKind = 'agentRoles' | 'cabs' | 'userRoles'

export interface GroupRule {
  id: string
  groupName: string
  /** The agent role, CAB or user role the group gives ("" in a new row). */
  targetId: number | string
  onLeave: 'remove' | 'keep'
}

export interface GroupRuleKindInfo {
  title: string
  description: string
  /** Singular, for "Add agent role mapping" and row names. */
  noun: string
  targetLabel: string
  /** Where in Halo the admin finds what the target picker lists. */
  targetHint: string
  lookup: HaloLookupKind
  /** What the two on-leave choices do, in words. */
  onLeave: Record<GroupRule['onLeave'], string>
}

export const groupRuleKinds: Record<GroupRuleKind, GroupRuleKindInfo> = {
  agentRoles: {
    title: 'Agent roles from groups',
    description: 'Agents in a group get its agent role. Applies to people a site mapping makes agents.',
    noun: 'agent role mapping',
    targetLabel: 'Agent role',
    targetHint: `${agentRolesAreIn}.`,
    lookup: 'roles',
    onLeave: { remove: 'Take the role away', keep: 'Keep the role' }
  },
  cabs: {
    title: 'Change advisory boards from groups',
    description: 'Agents in a group become members of its change advisory board (CAB).',
    noun: 'CAB mapping',
    targetLabel: 'Change advisory board',
    targetHint: `Read from Halo. ${notListedHint}`,
    lookup: 'cabs',
    onLeave: { remove: 'Remove them from the CAB', keep: 'Keep them on the CAB' }
  },
  userRoles: {
    title: 'User roles from groups',
    description: 'Users in a group get its user role, besides the role their site mapping gives.',
    noun: 'user role mapping',
    targetLabel: 'User role',
    targetHint: 'Halo › Configuration › Users › User Roles.',
    lookup: 'userRoles',
    onLeave: { remove: 'Take the role away', keep: 'Keep the role' }
  }
}

export function groupRulesOf(advanced: AdvancedConfig, kind: GroupRuleKind): GroupRule[] {
  switch (kind) {
    case 'agentRoles':
      return advanced.agentRoles.map(({ id, groupName, roleId, onLeave }) => ({ id, groupName, targetId: roleId, onLeave }))
    case 'cabs':
      return advanced.cabs.map(({ id, groupName, cabId, onLeave }) => ({ id, groupName, targetId: cabId, onLeave }))
    case 'userRoles':
      return advanced.userRoles.map(({ id, groupName, userRoleId, onLeave }) => ({ id, groupName, targetId: userRoleId, onLeave }))
  }
}

export function writeGroupRules(advanced: AdvancedConfig, kind: GroupRuleKind, rules: readonly GroupRule[]): void {
  switch (kind) {
    case 'agentRoles':
      advanced.agentRoles = rules.map(({ id, groupName, targetId, onLeave }) => ({ id, groupName, roleId: targetId, onLeave }))
      return
    case 'cabs':
      advanced.cabs = rules.map(({ id, groupName, targetId, onLeave }) => ({ id, groupName, cabId: targetId, onLeave }))
      return
    case 'userRoles':
      advanced.userRoles = rules.map(({ id, groupName, targetId, onLeave }) => ({ id, groupName, userRoleId: targetId, onLeave }))
  }
}

/** Adds the rule, or replaces the one with its id, keeping the order. */
export function upsertRule<T extends { id: string }>(rules: readonly T[], rule: T): T[] {
  return rules.some((candidate) => candidate.id === rule.id) ? rules.map((candidate) => (candidate.id === rule.id ? rule : candidate)) : [...rules, rule]
}

/** What the editor needs before writing a rule; null when nothing is missing. */
export function groupRuleErrors(rule: GroupRule, info: GroupRuleKindInfo): { groupName?: string; targetId?: string } | null {
  const errors: { groupName?: string; targetId?: string } = {}
  if (rule.groupName.trim() === '') errors.groupName = 'Pick the group whose members it applies to.'
  if (rule.targetId === '') errors.targetId = `Pick the ${info.targetLabel.toLowerCase()}.`
  return errors.groupName || errors.targetId ? errors : null
}
