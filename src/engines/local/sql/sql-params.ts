import { tokenizeSql } from '../../../notebooks/index.js'
import type { SqlStatement, SqlToken } from '../../../notebooks/index.js'

// Statements are split where the notebook is read (validate needs them too).
export { splitSql } from '../../../notebooks/index.js'
export type { SqlStatement } from '../../../notebooks/index.js'

/**
 * A notebook parameter as SQL may use it. `relation` is the DuckDB table or
 * view that stands for it (the view of an input, the table an output is
 * created as); arguments have none.
 */
export interface SqlParameter {
  readonly value: string
  readonly relation?: string
}

/** A cell's statements, or why it cannot be bound. */
export type BoundSql =
  | { readonly ok: true; readonly statements: readonly SqlStatement[] }
  | { readonly ok: false; readonly message: string; readonly line: number }

const FILE_FORMATS = new Set(['parquet', 'delta', 'csv', 'json'])

/** `"name"` with inner double quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** `'text'` with inner single quotes doubled. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/**
 * A value as a SQL literal: a plain decimal number stays a number (negative
 * ones in parentheses, so `x -:n` cannot become a `--` comment), anything
 * else is a quoted string.
 */
export function renderLiteral(value: string): string {
  if (/^\d+(\.\d+)?$/.test(value)) return value
  if (/^-\d+(\.\d+)?$/.test(value)) return `(${value})`
  return quoteLiteral(value)
}

/** `a.b.c` (parts may be backticked) as `"a"."b"."c"`. */
export function renderQualifiedName(value: string): string {
  return value
    .split('.')
    .map((part) => quoteIdentifier(part.trim().replace(/^`(.*)`$/, '$1')))
    .join('.')
}

/**
 * Binds Databricks parameter syntax into DuckDB SQL and splits the text into
 * statements, one per `;`:
 *
 * - `IDENTIFIER(:p)` and `IDENTIFIER('…')`: the parameter's relation, or the
 *   value read as a qualified name, every part quoted;
 * - `:p` (a known parameter, not a `::` cast, not after an operand): a
 *   literal of the value;
 * - `${p}` in code: the relation quoted, or a literal; inside a string or a
 *   quoted identifier: the value escaped for that quoting;
 * - `` `x` `` identifiers become `"x"`, and `parquet.`${p}`` the relation.
 *
 * Values never become SQL text of their own: they come out quoted or as a
 * plain number. Comments, `$$` strings and unknown `:names` are untouched;
 * an unknown `${name}` is an error, as on Databricks.
 */
export function bindSql(
  sql: string,
  parameters: Readonly<Record<string, SqlParameter>>
): BoundSql {
  const tokens = tokenizeSql(sql)
  const statements: SqlStatement[] = []
  let current: SqlToken[] = []
  const flush = (): BoundSql | undefined => {
    const first = current.find(
      (t) => t.kind !== 'space' && t.kind !== 'comment'
    )
    if (first) {
      const rendered = renderStatement(current, parameters)
      if (typeof rendered !== 'string') return rendered
      statements.push({ text: rendered.trim(), line: first.line })
    }
    current = []
    return undefined
  }
  for (const token of tokens) {
    if (token.kind === 'semicolon') {
      const failure = flush()
      if (failure) return failure
    } else {
      current.push(token)
    }
  }
  const failure = flush()
  if (failure) return failure
  return { ok: true, statements }
}

function unknownParameter(
  name: string,
  line: number,
  parameters: Readonly<Record<string, SqlParameter>>
): BoundSql {
  const known = Object.keys(parameters)
  const list = known.length > 0 ? known.join(', ') : '(none)'
  return {
    ok: false,
    line,
    message: `\${${name}} is not a parameter of this step; its parameters are: ${list}.`
  }
}

const TEMPLATE = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g

/**
 * Replaces `${name}` in the raw inside of a quoted run with the value passed
 * through `escape`, so the run stays well formed whatever the value holds.
 */
function fillTemplates(
  text: string,
  parameters: Readonly<Record<string, SqlParameter>>,
  escape: (value: string) => string = (v) => v
): { ok: true; text: string } | { ok: false; name: string } {
  let missing: string | undefined
  const filled = text.replace(TEMPLATE, (_, name: string) => {
    const parameter = parameters[name]
    if (!parameter) missing ??= name
    return escape(parameter?.value ?? '')
  })
  return missing ? { ok: false, name: missing } : { ok: true, text: filled }
}

/** `${…}` inside a string or `"…"`, keeping the token's own quoting. */
function fillQuoted(
  token: SqlToken,
  parameters: Readonly<Record<string, SqlParameter>>
): { ok: true; text: string } | { ok: false; name: string } {
  const quote = token.kind === 'quoted' ? '"' : "'"
  const open = token.escapes === 'e' ? 2 : 1
  // An unterminated run is left for DuckDB to reject as written.
  if (!token.closed || !token.text.includes('${'))
    return { ok: true, text: token.text }
  const escape = (value: string): string => {
    const v = token.escapes === 'e' ? value.replaceAll('\\', '\\\\') : value
    return v.replaceAll(quote, quote + quote)
  }
  const inner = token.text.slice(open, -1)
  const filled = fillTemplates(inner, parameters, escape)
  if (!filled.ok) return filled
  return { ok: true, text: token.text.slice(0, open) + filled.text + quote }
}

function renderStatement(
  tokens: readonly SqlToken[],
  parameters: Readonly<Record<string, SqlParameter>>
): string | BoundSql {
  let out = ''
  // Index of the next token that is not whitespace or a comment.
  const nextSolid = (from: number): number => {
    let j = from
    while (
      j < tokens.length &&
      (tokens[j].kind === 'space' || tokens[j].kind === 'comment')
    )
      j++
    return j
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    // IDENTIFIER( :p | '…' )
    if (token.kind === 'word' && token.text.toUpperCase() === 'IDENTIFIER') {
      const open = nextSolid(i + 1)
      const arg = nextSolid(open + 1)
      const close = nextSolid(arg + 1)
      if (
        tokens[open]?.text === '(' &&
        tokens[close]?.text === ')' &&
        (tokens[arg]?.kind === 'marker' || tokens[arg]?.kind === 'string')
      ) {
        const a = tokens[arg]
        if (a.kind === 'marker') {
          const parameter = parameters[a.value!]
          if (!parameter) {
            return {
              ok: false,
              line: a.line,
              message: `IDENTIFIER(:${a.value}) names no parameter of this step; its parameters are: ${Object.keys(parameters).join(', ') || '(none)'}.`
            }
          }
          out += parameter.relation
            ? quoteIdentifier(parameter.relation)
            : renderQualifiedName(parameter.value)
        } else {
          const filled = fillTemplates(a.value!, parameters)
          if (!filled.ok)
            return unknownParameter(filled.name, a.line, parameters)
          out += renderQualifiedName(filled.text)
        }
        i = close
        continue
      }
    }
    // parquet.`${p}` (Databricks' path-as-table) → the relation of p.
    if (
      token.kind === 'word' &&
      FILE_FORMATS.has(token.text.toLowerCase()) &&
      tokens[i + 1]?.text === '.' &&
      tokens[i + 2]?.kind === 'backtick'
    ) {
      const inner = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/.exec(
        tokens[i + 2].value!
      )
      const relation = inner ? parameters[inner[1]]?.relation : undefined
      if (relation) {
        out += quoteIdentifier(relation)
        i += 2
        continue
      }
    }
    switch (token.kind) {
      case 'marker': {
        const parameter = parameters[token.value!]
        out += parameter ? renderLiteral(parameter.value) : token.text
        break
      }
      case 'template': {
        const parameter = parameters[token.value!]
        if (!parameter)
          return unknownParameter(token.value!, token.line, parameters)
        out += parameter.relation
          ? quoteIdentifier(parameter.relation)
          : renderLiteral(parameter.value)
        break
      }
      case 'string':
      case 'quoted': {
        const filled = fillQuoted(token, parameters)
        if (!filled.ok)
          return unknownParameter(filled.name, token.line, parameters)
        out += filled.text
        break
      }
      case 'backtick': {
        if (!token.closed) {
          out += token.text
          break
        }
        const filled = fillTemplates(token.value!, parameters)
        if (!filled.ok)
          return unknownParameter(filled.name, token.line, parameters)
        out += quoteIdentifier(filled.text)
        break
      }
      default:
        out += token.text
    }
  }
  return out
}
