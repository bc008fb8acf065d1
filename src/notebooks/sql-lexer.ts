/**
 * The one lexer of notebook SQL: what `validate` reports as a parameter
 * marker and what the local engine binds are the same tokens, so the two
 * can never disagree about what `:name` is, or about what is code, a
 * string or a comment (that disagreement is how injection happens).
 * Strings are standard SQL (`''` escapes a quote, backslash is a plain
 * character) except `E'…'`, where backslash escapes as in DuckDB.
 */

/** What a token is. */
export type SqlTokenKind =
  | 'space'
  | 'comment'
  | 'string'
  | 'dollar-string'
  | 'quoted'
  | 'backtick'
  | 'word'
  | 'number'
  | 'marker'
  | 'template'
  | 'semicolon'
  | 'cast'
  | 'punct'

/** One token with its raw text and where it starts. */
export interface SqlToken {
  readonly kind: SqlTokenKind
  readonly text: string
  /** 1-based line of the token's first character. */
  readonly line: number
  /** Offset of the token's first character in the text. */
  readonly start: number
  /**
   * Decoded content: a string's value, an identifier's name, the parameter
   * name of a `:name` marker or `${name}` template.
   */
  readonly value?: string
  /** For `string`: `e` when backslash escapes apply (`E'…'`). */
  readonly escapes?: 'standard' | 'e'
  /** For quoted runs: false when the text ended before the closing quote. */
  readonly closed?: boolean
}

const WORD_START = /[\p{L}_]/u
const WORD_PART = /[\p{L}\p{N}_$]/u
const DIGIT = /[0-9]/
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/

/** Splits SQL text into tokens; unterminated strings run to the end. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let i = 0
  let line = 1
  const push = (
    kind: SqlTokenKind,
    end: number,
    extra: Partial<SqlToken> = {}
  ): void => {
    const text = sql.slice(i, end)
    tokens.push({ kind, text, line, start: i, ...extra })
    for (const ch of text) if (ch === '\n') line++
    i = end
  }
  const previous = (): SqlToken | undefined => tokens[tokens.length - 1]
  /** The last token that is not space or a comment. */
  const significant = (): SqlToken | undefined => {
    for (let k = tokens.length - 1; k >= 0; k--) {
      const kind = tokens[k].kind
      if (kind !== 'space' && kind !== 'comment') return tokens[k]
    }
    return undefined
  }

  while (i < sql.length) {
    const ch = sql[i]
    const next = sql[i + 1]
    if (/\s/.test(ch)) {
      let end = i + 1
      while (end < sql.length && /\s/.test(sql[end])) end++
      push('space', end)
    } else if (ch === '-' && next === '-') {
      const nl = sql.indexOf('\n', i)
      push('comment', nl === -1 ? sql.length : nl)
    } else if (ch === '/' && next === '*') {
      push('comment', blockCommentEnd(sql, i))
    } else if (ch === "'") {
      const { end, value, closed } = quotedEnd(sql, i, "'", false)
      push('string', end, { value, closed, escapes: 'standard' })
    } else if (
      (ch === 'E' || ch === 'e') &&
      next === "'" &&
      !isWordBefore(previous())
    ) {
      const { end, value, closed } = quotedEnd(sql, i + 1, "'", true)
      push('string', end, { value, closed, escapes: 'e' })
    } else if (ch === '"') {
      const { end, value, closed } = quotedEnd(sql, i, '"', false)
      push('quoted', end, { value, closed })
    } else if (ch === '`') {
      const { end, value, closed } = quotedEnd(sql, i, '`', false)
      push('backtick', end, { value, closed })
    } else if (ch === '$' && next === '{') {
      const close = sql.indexOf('}', i + 2)
      const name = close === -1 ? '' : sql.slice(i + 2, close).trim()
      if (close !== -1 && NAME.exec(name)?.[0] === name) {
        push('template', close + 1, { value: name })
      } else {
        push('punct', i + 1)
      }
    } else if (ch === '$' && dollarTag(sql, i) !== undefined) {
      const tag = dollarTag(sql, i)!
      const close = sql.indexOf(tag, i + tag.length)
      push('dollar-string', close === -1 ? sql.length : close + tag.length)
    } else if (ch === ':' && next === ':') {
      push('cast', i + 2)
    } else if (ch === ':' && NAME.test(sql.slice(i + 1))) {
      const name = NAME.exec(sql.slice(i + 1))![0]
      if (isOperandBefore(significant())) push('punct', i + 1)
      else push('marker', i + 1 + name.length, { value: name })
    } else if (ch === ';') {
      push('semicolon', i + 1)
    } else if (WORD_START.test(ch)) {
      let end = i + 1
      while (end < sql.length && WORD_PART.test(sql[end])) end++
      push('word', end)
    } else if (DIGIT.test(ch)) {
      let end = i + 1
      while (end < sql.length && /[0-9.eE_]/.test(sql[end])) end++
      push('number', end)
    } else {
      push('punct', i + 1)
    }
  }
  return tokens
}

/** Postgres-style block comments nest, and DuckDB's parser is Postgres'. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0
  let i = start
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++
      i += 2
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--
      i += 2
      if (depth === 0) return i
    } else {
      i++
    }
  }
  return sql.length
}

/** The end of a quoted run opened at `start`, and its decoded content. */
function quotedEnd(
  sql: string,
  start: number,
  quote: string,
  backslash: boolean
): { end: number; value: string; closed: boolean } {
  if (backslash) return escapedEnd(sql, start)
  let value = ''
  let i = start + 1
  while (i < sql.length) {
    const ch = sql[i]
    if (ch === quote && sql[i + 1] === quote) {
      value += quote
      i += 2
    } else if (ch === quote) {
      return { end: i + 1, value, closed: true }
    } else {
      value += ch
      i++
    }
  }
  return { end: sql.length, value, closed: false }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t'
}

/**
 * An `E'…'` string as DuckDB's (Postgres') scanner decodes it: `\b \f \n
 * \r \t`, octal `\o`, `\oo`, `\ooo`, hex `\xh`, `\xhh`, `\uXXXX` and
 * `\UXXXXXXXX`, `''` for a quote, and any other character after a backslash
 * as itself. Octal and hex escapes give bytes, read as UTF-8 with the rest,
 * so `E'\x2f'` is `/`, the file name DuckDB sees.
 */
function escapedEnd(
  sql: string,
  start: number
): { end: number; value: string; closed: boolean } {
  const bytes: number[] = []
  const text = (s: string): void => {
    bytes.push(...new TextEncoder().encode(s))
  }
  const decode = (): string => new TextDecoder().decode(new Uint8Array(bytes))
  let i = start + 1
  while (i < sql.length) {
    const ch = sql[i]
    if (ch === '\\' && i + 1 < sql.length) {
      const next = sql[i + 1]
      const octal = /^[0-7]{1,3}/.exec(sql.slice(i + 1, i + 4))
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(sql.slice(i + 1, i + 4))
      const unicode = /^(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/.exec(
        sql.slice(i + 1, i + 10)
      )
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff)
        i += 1 + octal[0].length
      } else if (hex) {
        bytes.push(parseInt(hex[1], 16))
        i += 1 + hex[0].length
      } else if (unicode) {
        text(String.fromCodePoint(parseInt(unicode[1] ?? unicode[2], 16)))
        i += 1 + unicode[0].length
      } else {
        text(SIMPLE_ESCAPES[next] ?? next)
        i += 2
      }
    } else if (ch === "'" && sql[i + 1] === "'") {
      text("'")
      i += 2
    } else if (ch === "'") {
      return { end: i + 1, value: decode(), closed: true }
    } else {
      text(ch)
      i++
    }
  }
  return { end: sql.length, value: decode(), closed: false }
}

/** `$$` or `$tag$` at `i`, else undefined. */
function dollarTag(sql: string, i: number): string | undefined {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66))
  return match?.[0]
}

function isWordBefore(token: SqlToken | undefined): boolean {
  return token?.kind === 'word' || token?.kind === 'number'
}

/**
 * Words after which an expression starts, so a `:name` there is a
 * parameter marker (`WHERE :a`, `LIMIT :n`, `AND :flag`); after any other
 * word it is a JSON path (`value :event_id`, Databricks' `expr : path`).
 */
const EXPRESSION_KEYWORDS = new Set([
  'all',
  'and',
  'any',
  'between',
  'by',
  'case',
  'comment',
  'default',
  'distinct',
  'else',
  'escape',
  'exists',
  'filter',
  'from',
  'having',
  'if',
  'ilike',
  'in',
  'interval',
  'is',
  'like',
  'limit',
  'location',
  'not',
  'offset',
  'on',
  'or',
  'qualify',
  'regexp',
  'return',
  'rlike',
  'select',
  'set',
  'some',
  'table',
  'then',
  'to',
  'top',
  'using',
  'values',
  'when',
  'where'
])

/**
 * A `:name` after an operand is not a parameter marker: it is a JSON path
 * (`raw:store`, `value :event_id`), a struct field (`{'a':b}`) or a slice
 * (`l[a:b]`). Space and comments in between do not change that; a keyword
 * that opens an expression is no operand.
 */
function isOperandBefore(token: SqlToken | undefined): boolean {
  if (!token) return false
  if (token.kind === 'word')
    return !EXPRESSION_KEYWORDS.has(token.text.toLowerCase())
  if (['number', 'string', 'quoted', 'backtick'].includes(token.kind))
    return true
  return token.kind === 'punct' && (token.text === ')' || token.text === ']')
}
