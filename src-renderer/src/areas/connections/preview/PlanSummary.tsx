/**
 * A preview's counts: one tile per action for users (and agents), each a filter when clicked, the
 * sites people are placed in as bars (new sites marked), the busiest first, and — with Entra licence
 * import — the software licences created or updated and the links and assignments that change.
 */
import { Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core'
import type { PlanView } from '../../../../../src-shared/contract'
import type { PlanAction } from '../../../../../src-shared/plan/plan-schema'
import { SectionCard } from '../../../components/SectionCard'
import { actionColors, actionLabels, shownActions } from './plan-labels'

export interface PlanSummaryProps {
  view: PlanView
  selected: readonly PlanAction[]
  onToggle: (action: PlanAction) => void
}

export function PlanSummary({ view, selected, onToggle }: PlanSummaryProps): React.JSX.Element {
  const { summary } = view
  const kinds = view.scope === 'both' ? (['users', 'agents'] as const) : view.scope === 'users' ? (['users'] as const) : (['agents'] as const)
  const sites = summary.sites.slice(0, 8)
  const widest = Math.max(1, ...sites.map((site) => site.count))
  return (
    <SectionCard title="What this sync would do" description={`${summary.tickets > 0 ? `${summary.tickets.toLocaleString()} onboarding ticket${summary.tickets === 1 ? '' : 's'} for the users it creates. ` : ''}${view.sites.length > 0 ? `${view.sites.length} new site${view.sites.length === 1 ? '' : 's'}. ` : ''}${summary.warnings > 0 ? `${summary.warnings.toLocaleString()} with warnings.` : ''}`}>
      <Stack gap="md">
        {kinds.map((kind) => (
          <Stack key={kind} gap={6}>
            {kinds.length > 1 && (
              <Text size="sm" fw={600}>
                {kind === 'users' ? 'Users' : 'Agents'}
              </Text>
            )}
            <SimpleGrid cols={{ base: 2, xs: 4, md: 7 }} spacing="xs" role="group" aria-label={`${kind === 'users' ? 'User' : 'Agent'} counts`}>
              {shownActions.map((action) => (
                <UnstyledButton key={action} onClick={() => onToggle(action)} aria-pressed={selected.includes(action)} aria-label={`${actionLabels[action]}: ${summary[kind][action].toLocaleString()} ${kind}`}>
                  <Paper withBorder p="xs" radius="md" style={{ borderColor: selected.includes(action) ? `var(--mantine-color-${actionColors[action]}-filled)` : undefined }}>
                    <Text size="xl" fw={700} c={summary[kind][action] > 0 ? actionColors[action] : 'dimmed'}>
                      {summary[kind][action].toLocaleString()}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {actionLabels[action]}
                    </Text>
                  </Paper>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        <LicenceChanges view={view} />
        {sites.length > 0 && (
          <Stack gap={4} role="list" aria-label="People per site">
            <Text size="sm" fw={600}>
              Users per site
            </Text>
            {sites.map((site) => (
              <Group key={site.name} gap="xs" wrap="nowrap" role="listitem" aria-label={`${site.name}: ${site.count}`}>
                <Text size="xs" w={220} truncate="end" title={site.name} style={{ flexShrink: 0 }}>
                  {site.name}
                </Text>
                <div style={{ flex: 1, minWidth: 0, background: 'var(--mantine-color-default-hover)', borderRadius: 4, height: 14 }}>
                  <div style={{ width: `${(site.count / widest) * 100}%`, height: '100%', borderRadius: 4, background: site.created ? 'var(--mantine-color-teal-filled)' : 'var(--mantine-primary-color-filled)' }} />
                </div>
                <Text size="xs" w={56} ta="right" style={{ flexShrink: 0 }}>
                  {site.count.toLocaleString()}
                </Text>
                {site.created && (
                  <Badge size="xs" color="teal" variant="light">
                    new
                  </Badge>
                )}
              </Group>
            ))}
            {summary.sites.length > sites.length && (
              <Text size="xs" c="dimmed">
                and {summary.sites.length - sites.length} more sites
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </SectionCard>
  )
}

function LicenceChanges({ view }: { view: PlanView }): React.JSX.Element | null {
  const { linked, unlinked, assigned, unassigned } = view.summary.licences
  if (view.licences.length + linked + unlinked + assigned + unassigned === 0) return null
  const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`
  const people = [linked > 0 ? `${count(linked, 'licence link')} added` : '', unlinked > 0 ? `${count(unlinked, 'link')} removed` : ''].filter(Boolean).join(', ')
  const entra = [assigned > 0 ? `${count(assigned, 'licence')} assigned` : '', unassigned > 0 ? `${count(unassigned, 'licence')} removed` : ''].filter(Boolean).join(', ')
  return (
    <Stack gap={4} role="list" aria-label="Entra licences">
      <Text size="sm" fw={600}>
        Entra licences
      </Text>
      {view.licences.map((licence) => (
        <Group key={licence.key} gap="xs" wrap="nowrap" role="listitem">
          <Badge size="xs" variant="light" color={licence.action === 'create' ? 'teal' : 'blue'}>
            {licence.action === 'create' ? 'new' : 'seats'}
          </Badge>
          <Text size="xs" truncate="end" title={licence.name}>
            {licence.name}: {licence.action === 'create' ? count(licence.count, 'seat') : `${licence.from === null ? 'unknown' : licence.from.toLocaleString()} → ${count(licence.count, 'seat')}`}
          </Text>
        </Group>
      ))}
      {people && (
        <Text size="xs" role="listitem">
          In Halo: {people}.
        </Text>
      )}
      {entra && (
        <Text size="xs" role="listitem">
          In Entra ID (managed from Halo): {entra}.
        </Text>
      )}
    </Stack>
  )
}
