import type { YamlScalarValue } from './tree.js'

/**
 * Scalars for the fast YAML reader: plain and one-line quoted scalars and
 * the core schema's reading of plain ones. Anything else throws
 * `NOT_FAST`, and the text goes to the full YAML library.
 */

/** Thrown when a text leaves the fast subset. */
export const NOT_FAST = Symbol('not in the fast subset')

/** Leaves the fast path. */
export function giveUp(): never {
  throw NOT_FAST
}

/** Characters that cannot start a plain scalar. */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/
/**
 * The run of a plain scalar: any character but `:`, `#` and a line break,
 * a `:` not followed by a space or the line's end, a `#` not after a
 * space; in flow context no flow indicator either.
 */
const BLOCK_PLAIN = /(?:[^:#\n]|:(?=[^ \n])|(?<=[^ ])#)*/y
const FLOW_PLAIN = /(?:[^:#\n,[\]{}]|:(?=[^ \n,[\]{}])|(?<=[^ ])#)*/y
/** One-line quoted scalars; anything longer takes the full parser. */
const SINGLE_QUOTED = /'((?:[^'\n]|'')*)'/y
const DOUBLE_QUOTED = /"((?:[^"\\\n]|\\[^\n])*)"/y

/**
 * A plain scalar from `pos`: it stops at `: ` (or a `:` at the line's end
 * or, in flow context, before a flow indicator), at ` #`, at a flow
 * indicator in flow context, or at the line's end; trailing spaces are
 * not part of it. `end` is where it stopped, e.g. at the `:` of a key.
 * The scans are sticky regular expressions: compiled by the engine, they
 * are fast even in a process that has just started.
 */
export function readPlain(
  text: string,
  pos: number,
  lineEnd: number,
  flow: boolean
): { text: string; end: number } | undefined {
  const first = text[pos]
  if (pos >= lineEnd) return undefined
  if (INDICATOR.test(first)) {
    const next = text[pos + 1]
    if (first !== '-' || pos + 1 >= lineEnd || /[ ,[\]{}]/.test(next))
      return undefined
  }
  const scan = flow ? FLOW_PLAIN : BLOCK_PLAIN
  scan.lastIndex = pos
  scan.test(text)
  const end = scan.lastIndex
  let last = end
  while (last > pos && text[last - 1] === ' ') last--
  return { text: text.slice(pos, last), end }
}

/** A one-line quoted scalar at `pos` (its quote) and the offset after it. */
export function readQuoted(
  text: string,
  pos: number,
  lineEnd: number
): { value: string; end: number } {
  return text[pos] === '"'
    ? doubleQuoted(text, pos, lineEnd)
    : singleQuoted(text, pos, lineEnd)
}

function singleQuoted(
  text: string,
  pos: number,
  lineEnd: number
): { value: string; end: number } {
  SINGLE_QUOTED.lastIndex = pos
  const m = SINGLE_QUOTED.exec(text)
  if (!m || SINGLE_QUOTED.lastIndex > lineEnd) giveUp()
  return { value: m[1].replaceAll("''", "'"), end: SINGLE_QUOTED.lastIndex }
}

function doubleQuoted(
  text: string,
  pos: number,
  lineEnd: number
): { value: string; end: number } {
  DOUBLE_QUOTED.lastIndex = pos
  const m = DOUBLE_QUOTED.exec(text)
  if (!m || DOUBLE_QUOTED.lastIndex > lineEnd) giveUp()
  const body = m[1]
  if (!body.includes('\\')) return { value: body, end: DOUBLE_QUOTED.lastIndex }
  let value = ''
  let i = pos + 1
  const close = DOUBLE_QUOTED.lastIndex - 1
  while (i < close) {
    if (text[i] === '\\') {
      const escaped = unescape(text, i)
      value += escaped.text
      i = escaped.end
    } else {
      value += text[i]
      i++
    }
  }
  return { value, end: DOUBLE_QUOTED.lastIndex }
}

function unescape(text: string, i: number): { text: string; end: number } {
  const c = text[i + 1]
  const simple = Object.hasOwn(ESCAPES, c) ? ESCAPES[c] : undefined
  if (simple !== undefined) return { text: simple, end: i + 2 }
  const width = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0
  if (width === 0) giveUp()
  const hex = text.slice(i + 2, i + 2 + width)
  if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) giveUp()
  const code = parseInt(hex, 16)
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp()
  return { text: String.fromCodePoint(code), end: i + 2 + width }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029'
}

/** A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it. */
export function resolvePlain(text: string): YamlScalarValue {
  switch (text[0]) {
    case undefined:
    case '~':
      return text === '' || text === '~' ? null : text
    case 'n':
    case 'N':
      return text === 'null' || text === 'Null' || text === 'NULL' ? null : text
    case 't':
    case 'T':
      return text === 'true' || text === 'True' || text === 'TRUE' ? true : text
    case 'f':
    case 'F':
      return text === 'false' || text === 'False' || text === 'FALSE'
        ? false
        : text
    case '+':
    case '-':
    case '.':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
      return resolveNumber(text)
    default:
      return text
  }
}

function resolveNumber(text: string): YamlScalarValue {
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8)
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10)
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16)
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN
    return text[0] === '-' ? -Infinity : Infinity
  }
  if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)
  )
    return parseFloat(text)
  return text
}
