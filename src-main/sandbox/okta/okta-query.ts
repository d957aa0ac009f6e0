/**
 * Okta's `filter` and `search` expressions (okta.md §1): a small SCIM-like language — `attr op
 * "value"`, `attr pr`, `and`/`or` (and binds tighter), parentheses; operators case-insensitive,
 * attribute names case-sensitive, no `not`. An expression is parsed, then compiled against a dialect
 * (which attributes and operators a list allows, and their SQL) into a WHERE fragment with
 * parameters. Anything malformed or not allowed throws QueryError (the API answers 400 E0000031).
 */

export class QueryError extends Error {}

export type Operator = 'eq' | 'sw' | 'co' | 'gt' | 'ge' | 'lt' | 'le' | 'pr'
type Value = string | number | boolean | null
type Expression = { kind: 'and' | 'or'; left: Expression; right: Expression } | { kind: 'compare'; attribute: string; operator: Operator; value: Value }

export interface Field {
  /** SQL for the attribute's value, and its parameters. */
  sql: string
  params?: readonly unknown[]
  type: 'text' | 'date'
  operators: readonly Operator[]
  /** filter compares exactly; search ignores case (okta.md §1). */
  ignoreCase: boolean
  /** A custom `eq` (e.g. apps' `user.id eq`, a membership test); the value is passed as the parameter. */
  equals?: string
}

export type Dialect = (attribute: string) => Field | null

export interface Compiled {
  where: string
  params: unknown[]
}

const operators = new Set<string>(['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr'])
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/

type Token = { kind: 'open' | 'close' } | { kind: 'word'; text: string } | { kind: 'string'; text: string }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at] ?? ''
    if (/\s/.test(char)) {
      at += 1
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close' })
      at += 1
    } else if (char === '"') {
      let value = ''
      at += 1
      for (;;) {
        if (at >= text.length) throw new QueryError('Unterminated string.')
        const next = text[at] ?? ''
        if (next === '\\') {
          value += text[at + 1] ?? ''
          at += 2
        } else if (next === '"') {
          at += 1
          break
        } else {
          value += next
          at += 1
        }
      }
      tokens.push({ kind: 'string', text: value })
    } else {
      const match = /^[^\s()"]+/.exec(text.slice(at))
      if (!match) throw new QueryError(`Unexpected "${char}".`)
      tokens.push({ kind: 'word', text: match[0] })
      at += match[0].length
    }
  }
  return tokens
}

export function parseExpression(text: string): Expression {
  const tokens = tokenize(text)
  let at = 0
  const peekWord = (): string | null => {
    const token = tokens[at]
    return token?.kind === 'word' ? token.text.toLowerCase() : null
  }
  const parseOr = (): Expression => {
    let left = parseAnd()
    while (peekWord() === 'or') {
      at += 1
      left = { kind: 'or', left, right: parseAnd() }
    }
    return left
  }
  const parseAnd = (): Expression => {
    let left = parsePrimary()
    while (peekWord() === 'and') {
      at += 1
      left = { kind: 'and', left, right: parsePrimary() }
    }
    return left
  }
  const parsePrimary = (): Expression => {
    const token = tokens[at]
    if (!token) throw new QueryError('The expression ends too early.')
    if (token.kind === 'open') {
      at += 1
      const inner = parseOr()
      if (tokens[at]?.kind !== 'close') throw new QueryError('Missing ")".')
      at += 1
      return inner
    }
    if (token.kind !== 'word' || ['and', 'or', 'not'].includes(token.text.toLowerCase())) throw new QueryError('Expected an attribute.')
    at += 1
    const operator = peekWord()
    if (operator === null || !operators.has(operator)) throw new QueryError('Expected an operator.')
    at += 1
    if (operator === 'pr') return { kind: 'compare', attribute: token.text, operator: 'pr', value: null }
    const valueToken = tokens[at]
    at += 1
    if (valueToken?.kind === 'string') return { kind: 'compare', attribute: token.text, operator: operator as Operator, value: valueToken.text }
    if (valueToken?.kind === 'word') {
      const word = valueToken.text
      if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: 'compare', attribute: token.text, operator: operator as Operator, value: Number(word) }
      if (word === 'true' || word === 'false') return { kind: 'compare', attribute: token.text, operator: operator as Operator, value: word === 'true' }
      if (word === 'null') return { kind: 'compare', attribute: token.text, operator: operator as Operator, value: null }
    }
    throw new QueryError('Expected a value.')
  }
  const expression = parseOr()
  if (at !== tokens.length) throw new QueryError('Unexpected text after the expression.')
  return expression
}

/** Parses and compiles `text` for a dialect; throws QueryError. */
export function compileExpression(text: string, dialect: Dialect): Compiled {
  if (text.trim() === '') throw new QueryError('Empty expression.')
  return compile(parseExpression(text), dialect)
}

function compile(expression: Expression, dialect: Dialect): Compiled {
  if (expression.kind !== 'compare') {
    const left = compile(expression.left, dialect)
    const right = compile(expression.right, dialect)
    return { where: `(${left.where} ${expression.kind.toUpperCase()} ${right.where})`, params: [...left.params, ...right.params] }
  }
  const field = dialect(expression.attribute)
  if (!field || !field.operators.includes(expression.operator)) throw new QueryError(`Cannot use ${expression.attribute} ${expression.operator}.`)
  const base = [...(field.params ?? [])]
  const { operator } = expression
  if (operator === 'pr') return { where: `(${field.sql} IS NOT NULL AND ${field.sql} <> '')`, params: [...base, ...base] }
  let value = expression.value
  if (field.equals !== undefined) {
    if (typeof value !== 'string') throw new QueryError('Expected a string.')
    return { where: field.equals, params: [value] }
  }
  if (field.type === 'date') {
    // [U] Okta may answer a malformed date with E0000030 ("Invalid date"); here it is E0000031 like any bad expression.
    if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new QueryError('Expected an ISO 8601 date.')
    const sqlOperator: Partial<Record<Operator, string>> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' }
    if (sqlOperator[operator] === undefined) throw new QueryError(`Cannot use ${operator} on a date.`)
    return { where: `${field.sql} ${sqlOperator[operator]} ?`, params: [...base, new Date(value).toISOString()] }
  }
  if (typeof value === 'boolean') value = value ? 1 : 0
  if (value === null) {
    if (operator !== 'eq') throw new QueryError('null only with eq.')
    return { where: `${field.sql} IS NULL`, params: base }
  }
  const folded = typeof value === 'string' && field.ignoreCase
  const column = folded ? `fold(${field.sql})` : field.sql
  const parameter = typeof value === 'string' && field.ignoreCase ? value.toLowerCase() : value
  switch (operator) {
    case 'eq':
      return { where: `${column} = ?`, params: [...base, parameter] }
    case 'sw':
      return { where: `instr(${column}, ?) = 1`, params: [...base, String(parameter)] }
    case 'co':
      return { where: `instr(${column}, ?) > 0`, params: [...base, String(parameter)] }
    default:
      return { where: `${column} ${{ gt: '>', ge: '>=', lt: '<', le: '<=' }[operator]} ?`, params: [...base, parameter] }
  }
}

const attributeName = /^[A-Za-z_][A-Za-z0-9_]*$/
const json = (alias: string, path: string): Pick<Field, 'sql' | 'params'> => ({ sql: `json_extract(${alias}.data, ?)`, params: [`$.${path}`] })
const dateOps: readonly Operator[] = ['eq', 'gt', 'ge', 'lt', 'le']
const searchOps: readonly Operator[] = ['eq', 'sw', 'gt', 'ge', 'lt', 'le', 'pr']
const searchDateOps: readonly Operator[] = [...dateOps]

/** Users' `filter`: status, id, lastUpdated and four profile attributes; eq only, except lastUpdated. */
export const usersFilter: Dialect = (attribute) => {
  const exact = (sql: string): Field => ({ sql, type: 'text', operators: ['eq'], ignoreCase: false })
  switch (attribute) {
    case 'status':
      return exact('u.status')
    case 'id':
      return exact('u.id')
    case 'profile.login':
      return exact('u.login')
    case 'profile.email':
      return exact('u.email')
    case 'profile.firstName':
      return exact('u.first_name')
    case 'profile.lastName':
      return exact('u.last_name')
    case 'lastUpdated':
      return { sql: 'u.last_updated', type: 'date', operators: dateOps, ignoreCase: false }
    default:
      return null
  }
}

const userColumns: Record<string, string> = { 'profile.login': 'u.login', 'profile.email': 'u.email', 'profile.firstName': 'u.first_name', 'profile.lastName': 'u.last_name' }
const userDates = new Set(['created', 'activated', 'statusChanged', 'lastUpdated', 'lastLogin', 'passwordChanged'])

/** Users' `search`: any profile attribute, id, status, the dates and type.id; values ignore case. */
export const usersSearch: Dialect = (attribute) => {
  const column = userColumns[attribute]
  // `co` works only on these four (okta.md §1).
  if (column !== undefined) return { sql: column, type: 'text', operators: [...searchOps, 'co'], ignoreCase: true }
  if (attribute === 'id') return { sql: 'u.id', type: 'text', operators: searchOps, ignoreCase: true }
  if (attribute === 'status') return { sql: 'u.status', type: 'text', operators: searchOps, ignoreCase: true }
  if (attribute === 'lastUpdated') return { sql: 'u.last_updated', type: 'date', operators: searchDateOps, ignoreCase: false }
  if (userDates.has(attribute)) return { ...json('u', attribute), type: 'date', operators: searchDateOps, ignoreCase: false }
  if (attribute === 'type.id') return { ...json('u', 'type.id'), type: 'text', operators: searchOps, ignoreCase: true }
  const profile = /^profile\.(.+)$/.exec(attribute)?.[1]
  if (profile !== undefined && attributeName.test(profile)) return { ...json('u', `profile.${profile}`), type: 'text', operators: searchOps, ignoreCase: true }
  return null
}

/** Groups' `filter`: id, type, lastUpdated, lastMembershipUpdated. */
export const groupsFilter: Dialect = (attribute) => {
  switch (attribute) {
    case 'id':
      return { sql: 'g.id', type: 'text', operators: ['eq'], ignoreCase: false }
    case 'type':
      return { sql: 'g.type', type: 'text', operators: ['eq'], ignoreCase: false }
    case 'lastUpdated':
      return { sql: 'g.last_updated', type: 'date', operators: dateOps, ignoreCase: false }
    case 'lastMembershipUpdated':
      return { sql: 'g.last_membership_updated', type: 'date', operators: dateOps, ignoreCase: false }
    default:
      return null
  }
}

/** Groups' `search`: any profile attribute, id, type, source.id and the dates; values ignore case. */
export const groupsSearch: Dialect = (attribute) => {
  if (attribute === 'id') return { sql: 'g.id', type: 'text', operators: searchOps, ignoreCase: true }
  if (attribute === 'type') return { sql: 'g.type', type: 'text', operators: searchOps, ignoreCase: true }
  if (attribute === 'source.id') return { sql: 'g.source_id', type: 'text', operators: searchOps, ignoreCase: true }
  if (attribute === 'profile.name') return { sql: 'g.name', type: 'text', operators: [...searchOps, 'co'], ignoreCase: true }
  if (attribute === 'lastUpdated') return { sql: 'g.last_updated', type: 'date', operators: searchDateOps, ignoreCase: false }
  if (attribute === 'lastMembershipUpdated') return { sql: 'g.last_membership_updated', type: 'date', operators: searchDateOps, ignoreCase: false }
  if (attribute === 'created') return { ...json('g', 'created'), type: 'date', operators: searchDateOps, ignoreCase: false }
  const profile = /^profile\.(.+)$/.exec(attribute)?.[1]
  if (profile !== undefined && attributeName.test(profile)) return { ...json('g', `profile.${profile}`), type: 'text', operators: searchOps, ignoreCase: true }
  return null
}

/** Apps' `filter`: id, status, name, and the old docs' user.id / group.id (assignment tests). */
export const appsFilter: Dialect = (attribute) => {
  const exact = (sql: string): Field => ({ sql, type: 'text', operators: ['eq'], ignoreCase: false })
  switch (attribute) {
    case 'id':
      return exact('a.id')
    case 'status':
      return exact('a.status')
    case 'name':
      return exact('a.name')
    case 'user.id':
      return { ...exact('a.id'), equals: 'a.id IN (SELECT app_id FROM okta_app_user WHERE user_id = ?)' }
    case 'group.id':
      return { ...exact('a.id'), equals: 'a.id IN (SELECT app_id FROM okta_app_group WHERE group_id = ?)' }
    default:
      return null
  }
}

/** `q`: starts-with, ignoring case, on any of the columns. */
export function startsWithAny(columns: readonly string[], text: string): Compiled {
  const value = text.toLowerCase()
  return { where: `(${columns.map((column) => `instr(fold(${column}), ?) = 1`).join(' OR ')})`, params: columns.map(() => value) }
}
