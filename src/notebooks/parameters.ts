import { lineOf, literalAt, closingParen, maskCell } from './code-scan.js'
import type { MaskedCode } from './code-scan.js'
import { tokenizeSql } from './sql-lexer.js'
import type { Cell, Notebook } from './types.js'

/**
 * How a notebook reads a parameter:
 * - `dollar-brace`: `${name}` (legacy substitution, also inside SQL strings);
 * - `dollar`: `$name` (the legacy short form);
 * - `marker`: `:name` (a named parameter marker);
 * - `identifier`: `:name` inside `IDENTIFIER(…)`;
 * - `get-argument`: `getArgument('name')` (SQL, Python, Scala);
 * - `widget-get`: `dbutils.widgets.get("name")` (Python, Scala, R).
 */
export type ParameterForm =
  | 'dollar-brace'
  | 'dollar'
  | 'marker'
  | 'identifier'
  | 'get-argument'
  | 'widget-get'

/** One place where a notebook reads a parameter by a literal name. */
export interface ParameterReference {
  readonly name: string
  readonly form: ParameterForm
  /** `Cell.index` of the cell that reads it. */
  readonly cell: number
  /** 1-based file line (source format); the cell's line in an `.ipynb`. */
  readonly line: number
  /**
   * Set when the read names a default (`getArgument("x", "/tmp")`): it
   * cannot fail for want of the parameter.
   */
  readonly hasDefault?: true
  /**
   * Set when a Python read sits inside a `try:` block: the notebook has a
   * way of its own to go on without the parameter.
   */
  readonly guarded?: true
}

interface Found {
  readonly name: string
  readonly form: ParameterForm
  readonly offset: number
  readonly hasDefault?: true
  readonly guarded?: true
}

/**
 * Every parameter a notebook reads by a literal name, in file order, for
 * lint to compare with what the manifest passes. Only SQL cells are searched
 * for `${}`, `$` and `:` forms: in Scala, R, shell and markdown cells those
 * characters mean something else (`s"${x}"`, `df$col`, `$HOME`, `$./Other`).
 * Comments never count; a name built at run time (`get(f"p_{i}")`) is not
 * reported, since it cannot be known statically.
 */
export function findParameterReferences(
  notebook: Notebook
): ParameterReference[] {
  return notebook.cells.flatMap((cell) => {
    const masked = maskCell(cell.kind, cell.source)
    if (!masked) return []
    const found = cell.kind === 'sql' ? inSql(masked) : inCode(masked)
    return found
      .sort((a, b) => a.offset - b.offset)
      .map(({ name, form, offset, hasDefault }) => ({
        name,
        form,
        cell: cell.index,
        line: lineIn(cell, offset),
        ...(hasDefault ? { hasDefault } : {}),
        ...(cell.kind === 'python' && insideTry(masked.code, offset)
          ? { guarded: true as const }
          : {})
      }))
  })
}

function lineIn(cell: Cell, offset: number): number {
  return cell.sourceLine === undefined
    ? cell.line
    : cell.sourceLine + lineOf(cell.source, offset)
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function inSql(masked: MaskedCode): Found[] {
  const found: Found[] = []
  // `${…}` and `$name` are substituted in the text before SQL parsing, so
  // they count inside string literals; `\$` escapes them.
  for (const m of masked.code.matchAll(/(?<!\\)\$\{([^{}\n]*)\}/g)) {
    // `${a.b}` reads a Spark conf value, not a widget.
    if (NAME.test(m[1])) {
      found.push({ name: m[1], form: 'dollar-brace', offset: m.index })
    }
  }
  for (const m of masked.code.matchAll(/(?<![\\$\w])\$([A-Za-z_]\w*)/g)) {
    found.push({ name: m[1], form: 'dollar', offset: m.index })
  }
  // What a marker is, the engine's binder decides with the same lexer.
  const identifiers = identifierSpans(masked)
  for (const token of tokenizeSql(masked.text)) {
    if (token.kind !== 'marker' || !token.value) continue
    const at = token.start
    const inside = identifiers.some(([s, e]) => at > s && at < e)
    const form = inside ? 'identifier' : 'marker'
    found.push({ name: token.value, form, offset: at })
  }
  found.push(...calls(masked, /\bgetArgument\s*\(\s*(['"])/gi, 'get-argument'))
  return found
}

function inCode(masked: MaskedCode): Found[] {
  return [
    ...calls(
      masked,
      /\bdbutils\s*\.\s*widgets\s*\.\s*get\s*\(\s*(?:name\s*=\s*)?(['"])/g,
      'widget-get'
    ),
    ...calls(masked, /\bgetArgument\s*\(\s*(['"])/g, 'get-argument')
  ]
}

/** Calls whose first argument is a string literal, found outside strings. */
function calls(
  masked: MaskedCode,
  pattern: RegExp,
  form: ParameterForm
): Found[] {
  const found: Found[] = []
  for (const m of masked.bare.matchAll(pattern)) {
    const quote = m.index + m[0].length - 1
    const name = literalAt(masked, quote)
    if (!name) continue
    // The literal's closing quote, then `,` means a second argument: a default.
    const close = masked.bare.indexOf(masked.text[quote], quote + 1)
    const after = /^\s*(.)/.exec(masked.bare.slice(close + 1))?.[1]
    found.push({
      name,
      form,
      offset: m.index,
      ...(after === ',' ? { hasDefault: true as const } : {})
    })
  }
  return found
}

/**
 * Whether `offset` lies in a Python `try:` block: the line itself starts
 * one (`try: x = get(…)`), or a line above it with less indentation, any
 * number of blocks up, is `try:`. `code` has its comments blanked.
 */
function insideTry(code: string, offset: number): boolean {
  const lines = code.split('\n')
  let at = lineOf(code, offset)
  const indent = (line: string) => line.length - line.trimStart().length
  if (/^\s*try\s*:/.test(lines[at])) return true
  let level = indent(lines[at])
  for (at--; at >= 0 && level > 0; at--) {
    const line = lines[at]
    if (line.trim() === '' || indent(line) >= level) continue
    if (/^\s*try\s*:/.test(line)) return true
    level = indent(line)
  }
  return false
}

/** `[open, close]` offsets of every `IDENTIFIER( … )` clause. */
function identifierSpans(masked: MaskedCode): [number, number][] {
  return [...masked.bare.matchAll(/\bidentifier\s*\(/gi)].map((m) => {
    const open = m.index + m[0].length - 1
    return [open, closingParen(masked, open)]
  })
}
