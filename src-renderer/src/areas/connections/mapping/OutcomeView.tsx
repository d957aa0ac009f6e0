/**
 * One person's outcome, as Try it on a person shows it: what they become (user, agent, or not
 * imported, and whether they count as active), each site mapping's verdict in sequence, the Halo
 * record field by field with the rule that set each value, site, roles, CABs and licence, the
 * onboarding ticket a creation would log, and the warnings.
 */
import { Badge, Divider, Group, List, Stack, Table, Text, ThemeIcon } from '@mantine/core'
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react'
import type { DesiredRecord, MatchResult, OnboardingTicket, PersonOutcome, SitePlacement } from '../../../../../src-shared/mapping/outcome'
import { RelativeTime } from '../../../components/RelativeTime'
import { useCustomFieldOptions } from './design-lookups'

const licenceLabels: Record<NonNullable<DesiredRecord['licence']>, string> = { named: 'named', concurrent: 'concurrent', none: 'none (taken away)' }
const roleLabels: Record<PersonOutcome['role'], string> = { user: 'Halo user', agent: 'Agent and user', none: 'Not imported' }

export interface OutcomeViewProps {
  outcome: PersonOutcome
  stale: boolean
  haloPeopleFetchedAt: string | null
  /** Show the onboarding ticket before the records (on the Onboarding tab). */
  ticketFirst?: boolean
}

export function OutcomeView({ outcome, stale, haloPeopleFetchedAt, ticketFirst = false }: OutcomeViewProps): React.JSX.Element {
  const ticket = outcome.onboarding && <TicketView ticket={outcome.onboarding} match={haloPeopleFetchedAt === null ? null : outcome.userMatch} />
  return (
    <Stack gap="sm" aria-busy={stale} aria-label={`Outcome for ${outcome.displayName}`} style={{ opacity: stale ? 0.7 : 1 }}>
      <Group gap="xs">
        <Badge color={outcome.role === 'none' ? 'gray' : outcome.role === 'agent' ? 'grape' : 'blue'} variant="light">
          {roleLabels[outcome.role]}
        </Badge>
        <Badge color={outcome.active ? 'teal' : 'orange'} variant="light">
          {outcome.active ? 'Active' : `Inactive (${outcome.status})`}
        </Badge>
      </Group>
      {outcome.skipReason && <Text size="sm">{outcome.skipReason}</Text>}
      {ticketFirst && ticket}
      {outcome.checks.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Site mappings
          </Text>
          <List size="sm" spacing={4} aria-label="Site mapping checks" listStyleType="none">
            {outcome.checks.map((check) => (
              <List.Item
                key={check.mappingId}
                data-matched={check.matched}
                icon={
                  <ThemeIcon size={18} radius="xl" variant="light" color={check.mappingId === outcome.winner ? 'teal' : check.matched ? 'yellow' : 'gray'}>
                    {check.mappingId === outcome.winner ? <IconCheck size={12} /> : check.matched ? <IconMinus size={12} /> : <IconX size={12} />}
                  </ThemeIcon>
                }
              >
                <Text span size="sm" fw={check.mappingId === outcome.winner ? 600 : 400}>
                  {check.label}
                </Text>
                {check.mappingId === outcome.winner && <Text span size="sm"> — wins</Text>}
                {check.reason && (
                  <Text span size="sm" c="dimmed">
                    {' '}
                    — {check.reason}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {outcome.user && <RecordView title="Halo user" record={outcome.user} />}
      {outcome.agent && <RecordView title="Halo agent" record={outcome.agent} />}
      {outcome.role !== 'none' && (
        <Stack gap={2} aria-label="Matching">
          <Text size="sm" fw={600}>
            In Halo
          </Text>
          {haloPeopleFetchedAt === null ? (
            <Text size="sm" c="dimmed">
              Halo’s users have not been read yet: refresh the Halo instance’s look-ups to see which record this person matches.
            </Text>
          ) : (
            <>
              <MatchLine what="user" match={outcome.userMatch} />
              {outcome.agent && <MatchLine what="agent" match={outcome.agentMatch} />}
              <Text size="xs" c="dimmed">
                Halo’s users and agents as read <RelativeTime iso={haloPeopleFetchedAt} />.
              </Text>
            </>
          )}
        </Stack>
      )}
      {!ticketFirst && ticket}
      {outcome.warnings.length > 0 && (
        <Stack gap={4} role="list" aria-label="Warnings">
          {outcome.warnings.map((warning, index) => (
            <Text key={index} size="sm" c="yellow" role="listitem">
              {warning.message}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

/** The onboarding ticket, and whether this person's match means it would be logged. */
function TicketView({ ticket, match }: { ticket: OnboardingTicket; match: MatchResult | null }): React.JSX.Element {
  const labelOf = useFieldLabel('ticket')
  const when =
    match === null
      ? 'Logged only if this import creates their Halo user.'
      : match.kind === 'none'
        ? 'Logged when this import creates their Halo user.'
        : 'Not logged: they match an existing Halo user, and onboarding tickets are only for users an import creates.'
  return (
    <Stack gap={4} component="section" aria-label="Onboarding ticket">
      <Divider label="Onboarding ticket" labelPosition="left" />
      <Text size="sm">
        {ticket.ticketTypeName}
        {ticket.templateName ? ` · template ${ticket.templateName}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {when}
      </Text>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
        <Table.Tbody>
          {ticket.fields.map((field) => (
            <Table.Tr key={field.target}>
              <Table.Th w="38%" fw={500} style={{ verticalAlign: 'top' }}>
                {labelOf(field.target, field.label)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{field.value ?? <Text span c="dimmed" size="sm">(empty)</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function MatchLine({ what, match }: { what: 'user' | 'agent'; match: MatchResult | null }): React.JSX.Element | null {
  if (!match) return null
  const by = (field: string, value: string): string => (field === 'external id' ? 'by the directory id stored on it' : `by ${field} “${value}”`)
  if (match.kind === 'matched') return <Text size="sm">Matches Halo {what} #{match.recordId} {by(match.by, match.value)}: it would be updated.</Text>
  if (match.kind === 'conflict') {
    return (
      <Text size="sm" c="red">
        Conflict: {match.recordIds.length} Halo {what}s match {by(match.by, match.value)} (#{match.recordIds.join(', #')}). The preview asks which one; nothing is guessed.
      </Text>
    )
  }
  return <Text size="sm">No Halo {what} matches: a new {what} would be created.</Text>
}

function placement(site: SitePlacement | null): string {
  if (!site) return 'No site'
  if (site.kind === 'create') return `${site.siteName} — a new site under ${site.clientName}`
  return `${site.siteName}${site.clientName ? ` (${site.clientName})` : ''}${site.byDefault ? ' — the default site' : ''}`
}

/** Halo's own label for a custom field target (the engine knows only its CF name). */
function useFieldLabel(to: 'user' | 'ticket'): (target: string, label: string) => string {
  const custom = useCustomFieldOptions(to)
  return (target, label) => custom.find((option) => option.value.toLowerCase() === target.toLowerCase())?.name ?? label
}

function RecordView({ title, record }: { title: string; record: DesiredRecord }): React.JSX.Element {
  const labelOf = useFieldLabel('user')
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Divider label={title} labelPosition="left" />
      {record.kind === 'user' && (
        <Text size="sm">
          <Text span fw={600}>
            Site:
          </Text>{' '}
          {placement(record.site)}
        </Text>
      )}
      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
        <Table.Tbody>
          {record.fields.map((field) => (
            <Table.Tr key={field.target}>
              <Table.Th w="38%" fw={500} style={{ verticalAlign: 'top' }}>
                {labelOf(field.target, field.label)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {field.value ?? <Text span c="dimmed" size="sm">(empty)</Text>}
                <Text size="xs" c="dimmed">
                  {field.ruleId === null ? field.note : `from ${field.source || 'a template'}${field.note ? ` · ${field.note}` : ''}`}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {record.roles.desired.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            {record.kind === 'agent' ? 'Agent roles:' : 'User roles:'}
          </Text>{' '}
          {record.roles.desired.map((role) => `${role.name} (${role.via})`).join(', ')}
        </Text>
      )}
      {record.cabs.desired.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            CABs:
          </Text>{' '}
          {record.cabs.desired.map((cab) => `${cab.name} (${cab.via})`).join(', ')}
        </Text>
      )}
      {record.licence && (
        <Text size="sm">
          <Text span fw={600}>
            Licence:
          </Text>{' '}
          {licenceLabels[record.licence]}
        </Text>
      )}
    </Stack>
  )
}
