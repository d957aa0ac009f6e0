/**
 * The onboarding ticket, compiled once per configuration: with onboarding on and a ticket type
 * chosen, each ticket field row's template is rendered over the person's attributes. Whether the
 * ticket is logged (only when the import creates the person's user) is the planner's call; this
 * says what it would hold. Pure, like the rest of the engine.
 */
import type { DirectoryPerson } from '../../src-shared/contract'
import type { OnboardingConfig } from '../../src-shared/mapping/config-schema'
import { ticketFieldSpec } from '../../src-shared/mapping/halo-fields'
import type { EngineWarning, OnboardingTicket } from '../../src-shared/mapping/outcome'
import { attributeText, readAttribute } from './directory-data'
import { sameRef, type HaloLookups } from './halo-state'
import { compileTemplate, type AttributeReader } from './transforms'

interface CompiledRow {
  target: string
  label: string
  maxLength: number
  ruleId: string
  render: (read: AttributeReader) => string
}

export class CompiledOnboarding {
  private constructor(
    private readonly base: Omit<OnboardingTicket, 'fields'>,
    private readonly rows: CompiledRow[]
  ) {}

  /** Null when onboarding is off or has no ticket type (validation says so). */
  static compile(onboarding: OnboardingConfig, lookups: HaloLookups): CompiledOnboarding | null {
    if (!onboarding.enabled || onboarding.ticketTypeId === null) return null
    const typeId = onboarding.ticketTypeId
    const template = onboarding.templateId === null ? null : (lookups.templates?.find((candidate) => sameRef(candidate.id, onboarding.templateId)) ?? null)
    const rows = onboarding.fields.flatMap((row): CompiledRow[] => {
      const spec = ticketFieldSpec(row.target)
      return spec ? [{ target: row.target, label: spec.label, maxLength: spec.maxLength, ruleId: row.id, render: compileTemplate(row.template) }] : []
    })
    return new CompiledOnboarding(
      {
        ticketTypeId: typeId,
        ticketTypeName: lookups.ticketTypes?.find((type) => sameRef(type.id, typeId))?.name ?? `Ticket type ${typeId}`,
        templateId: onboarding.templateId,
        templateName: onboarding.templateId === null ? null : (template?.name ?? `Template ${onboarding.templateId}`)
      },
      rows
    )
  }

  ticketFor(person: DirectoryPerson, warnings: EngineWarning[]): OnboardingTicket {
    const read: AttributeReader = (name) => attributeText(readAttribute(person, name))
    const fields = this.rows.map((row) => {
      const value = row.render(read).trim()
      if (value.length > row.maxLength) warnings.push({ code: 'too-long', target: `ticket:${row.target}`, message: `Onboarding ticket ${row.label} is ${value.length} characters; Halo keeps at most ${row.maxLength}.` })
      return { target: row.target, label: row.label, value: value === '' ? null : value, ruleId: row.ruleId }
    })
    return { ...this.base, fields }
  }
}
